// V8 settings for `keiyard lots` on its worker threads, which stream a million short-lived rows on every
// core. V8 flags are process-wide, and each thread's heap and compiler are made with the flags of the
// moment: set before the threads start, these hold for them from their first object. (Only flags V8 reads
// that way are safe to change in a running process; garbage-collector flags such as
// --single-threaded-gc abort it.) Measured in docs/decisions/0028-parallel-lot-evaluation.md ("Heap and
// compiler").
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";

let tuned = false;

/**
 * Call before starting `threads` worker threads. The flags hold for the whole process from then on,
 * the main thread included: it only cuts the file into blocks and writes the results, so neither
 * matters much to it.
 *
 * - Allocation-site pretenuring off. V8 watches where objects are made, and when nearly all of one
 *   site's objects survive a minor collection it makes that site's later objects in the old generation.
 *   While the evaluator fills its remembered answers, sites that later make per-row objects can look
 *   long-lived; from then on everything those objects point to survives every minor collection and is
 *   copied to the old generation (a single-thread run over a million lots: 1.1 GB promoted instead of
 *   12 MB, minor collections 2.5 s instead of 0.24 s, 11-12 s instead of 7.4 s). It struck some runs
 *   and not others. Rows die young here by design, so the heuristic has nothing to win.
 * - When the evaluating threads take every core: optimizing compilation on the thread that asked for
 *   it, not on a background thread. With no core to spare, a background compile waits for one while the
 *   thread goes on in slower code, and compiles that arrive too late are thrown away: measured over a
 *   million lots on two cores, the background threads' 1.1-1.5 s of CPU fell to 0.4 s with the workers'
 *   own time unchanged. With cores to spare the default stays.
 */
export function tuneV8ForLots(threads: number): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString("--no-allocation-site-pretenuring");
  if (threads >= availableParallelism()) setFlagsFromString("--no-concurrent-recompilation");
}
