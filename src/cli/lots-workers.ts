// The worker threads of the parallel `keiyard lots` (src/cli/lots-parallel.ts): started first thing,
// before the command loads the rest of its modules, because each takes a few hundred milliseconds to
// load its own. Only Node's worker API is imported here, so that starting them waits for nothing.
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker } from "./lots-block.worker.js";

const WORKER_YOUNG_MB = 16;

/** A worker thread failed (a bug or no memory): the run stops with its message rather than hang. */
export class LotWorkerError extends Error {
  override name = "LotWorkerError";
}

export interface LotWorkers {
  readonly size: number;
  post(i: number, message: ToWorker, transfer?: ArrayBuffer[]): void;
  /** Resolves with the next message of any worker; rejects with LotWorkerError when one fails. */
  next(): Promise<FromWorker>;
  close(): Promise<void>;
}

/**
 * Starts `count` workers. Started early (they take a few hundred milliseconds to load their modules),
 * they get ready while the command reads its options, the fact data and the header.
 */
export function startLotWorkers(count: number): LotWorkers {
  const inbox: FromWorker[] = [];
  let failure: LotWorkerError | null = null;
  let wake: (() => void) | null = null;
  let closing = false;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const workers = Array.from({ length: count }, (_, i) => {
    // Workers do not inherit the main thread's TypeScript loader: the entry registers it, then imports
    // the module that does the work (docs/decisions/0002-run-typescript-with-tsx.md).
    const w = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
      workerData: { module: new URL("./lots-block.worker.ts", import.meta.url).href },
      // Half the default young generation: as fast here (a block's garbage dies young either way) and
      // some 30 MB less memory per thread.
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    w.on("message", (m: FromWorker | { kind: "ready" }) => {
      if (m.kind === "ready") return;
      inbox.push(m);
      notify();
    });
    w.on("error", (e) => {
      failure ??= new LotWorkerError(`worker thread ${i + 1} failed: ${e.message}`);
      notify();
    });
    w.on("exit", (code) => {
      if (closing) return;
      failure ??= new LotWorkerError(`worker thread ${i + 1} stopped (exit code ${code})`);
      notify();
    });
    return w;
  });
  return {
    size: count,
    post: (i, message, transfer) => workers[i]!.postMessage(message, transfer),
    async next() {
      for (;;) {
        if (failure) throw failure;
        const m = inbox.shift();
        if (m) return m;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
