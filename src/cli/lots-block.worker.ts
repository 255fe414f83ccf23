// Worker side of the parallel `keiyard lots`: takes the run's setup once, then blocks of the file's
// bytes, and hands back each block's results as UTF-8 bytes (moved, not copied) with its summary.
import { parentPort } from "node:worker_threads";
import { BlockRun, type BlockSetup, type BlockStart, runBlock } from "../services/lots-block-run.js";

export type ToWorker =
  | { kind: "setup"; setup: BlockSetup }
  | ({ kind: "block"; id: number; bytes: Uint8Array } & BlockStart);

export type FromWorker = {
  kind: "block";
  id: number;
  out: Uint8Array;
} & Omit<ReturnType<typeof runBlock>, "out">;

const port = parentPort!;
let run: BlockRun | null = null;

port.on("message", (m: ToWorker) => {
  if (m.kind === "setup") {
    run = new BlockRun(m.setup);
    return;
  }
  const { out, totals, error } = runBlock(run!, m.bytes, m);
  const reply: FromWorker = { kind: "block", id: m.id, out, totals, error };
  port.postMessage(reply, [out.buffer as ArrayBuffer]);
});
port.postMessage({ kind: "ready" });
