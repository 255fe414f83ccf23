// The worker threads of the parallel `keiyard lots` (src/cli/lots-parallel.ts): started first thing,
// before the command loads the rest of its modules, because each takes a while to load its own. Only
// Node's worker API and the bundler's small wrapper are imported here, so starting them waits for little.
import { Worker } from "node:worker_threads";
import type { FromWorker, ToWorker } from "./lots-block.worker.js";
import { workerStart } from "./worker-bundle.js";

/**
 * Young generation of a worker: 32 MB. That is what V8 gives a thread here anyway (its new space
 * measured 32 MB with no limit set, and 48 MB rounds down to the same), but said outright, so a change
 * of Node's defaults cannot shrink it. Each row's objects die within the row, so a larger young
 * generation costs only memory; 16 MB made minor collections frequent enough to cost a tenth of the run
 * (median 7.2 against 6.3 s over seven interleaved runs of a million lots). 64 MB would add its size
 * again per thread to a peak already near the 300 MB budget (decision 0028, "Heap").
 */
const WORKER_YOUNG_MB = 32;

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
export async function startLotWorkers(count: number): Promise<LotWorkers> {
  const start = await workerStart(new URL("./lots-block.worker.ts", import.meta.url));
  const inbox: FromWorker[] = [];
  let failure: LotWorkerError | null = null;
  let wake: (() => void) | null = null;
  let closing = false;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const workers = Array.from({ length: count }, (_, i) => {
    // Workers do not inherit the main thread's TypeScript loader: they run the module bundled into
    // JavaScript (worker-bundle.ts), else an entry that registers the loader and imports it.
    const w = new Worker(start.file, {
      workerData: start.workerData,
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
