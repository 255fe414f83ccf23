// Worker side of the parallel `keiyard lots`: takes the run's setup once, then blocks of the file's
// bytes, and hands back each block's results as UTF-8 bytes (moved, not copied) with its summary.
import { parentPort } from "node:worker_threads";
import { BlockRun, type BlockSetup, type BlockStart, runBlock } from "../services/lots-block-run.js";

export type ToWorker =
  | { kind: "setup"; setup: BlockSetup }
  | ({ kind: "block"; id: number; bytes: Uint8Array; spare?: ArrayBuffer } & BlockStart);

export type FromWorker = {
  kind: "block";
  id: number;
  out: Uint8Array;
  /** The block's own bytes, moved back to be read into again. */
  input: ArrayBuffer;
} & Omit<ReturnType<typeof runBlock>, "out">;

const port = parentPort!;
let run: BlockRun | null = null;

port.on("message", (m: ToWorker) => {
  if (m.kind === "setup") {
    run = new BlockRun(m.setup);
    return;
  }
  const { out, totals, error } = runBlock(run!, m.bytes, m, m.spare);
  // Both buffers go back: the main thread reads the file into one and hands the other on as the results
  // file's next block, then moves it back here. A few buffers go round and round instead of a new pair per
  // block, which the allocator would keep (and the process would grow by) long after they are dropped.
  const input = m.bytes.buffer as ArrayBuffer;
  const reply: FromWorker = { kind: "block", id: m.id, out, input, totals, error };
  port.postMessage(reply, [out.buffer as ArrayBuffer, input]);
});
port.postMessage({ kind: "ready" });
