// V8 tuning for `keiyard lots`, whose threads stream a million short-lived rows.
//
// V8's allocation-site pretenuring watches where objects are made, and when nearly all the objects of
// one site survive a minor collection it allocates that site's later objects straight in the old
// generation. While the evaluator fills its remembered answers, some sites look long-lived that later
// make per-row objects; from then on everything those objects point to survives every minor collection
// and is copied to the old generation (measured: 1.1 GB promoted over a million lots instead of 12 MB,
// minor collections 2.5 s instead of 0.24 s, a single-thread run 7.4 s instead of 11-12 s). It does not
// happen every run, which made the command's time vary by a second from one run to the next.
// Rows die young here by design, so the heuristic has nothing to win: it is turned off.
// (docs/decisions/0028-parallel-lot-evaluation.md, "Heap")
import { setFlagsFromString } from "node:v8";

let tuned = false;

/**
 * Turns off pretenuring for the whole process. V8 flags are process-wide and this one is read when a
 * collection runs, so worker threads started afterwards have it too. Called before the first row.
 */
export function tuneHeapForStreaming(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString("--no-allocation-site-pretenuring");
}
