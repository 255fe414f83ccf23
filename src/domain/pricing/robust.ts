// Between the first and the final fit: which rows are gross errors, and how much noisier rows with a
// missing year or mileage are. Both are read off the first fit's residuals with medians, so a few
// wild prices cannot hide themselves by inflating the scale they are judged by.
import type { SparseRows } from "./rows.js";
import type { DealModel } from "./types.js";

const MAD_TO_SD = 1.4826;
/** Never trim within a factor of 2 of the group's median, however tight the market: only gross errors. */
const MIN_TRIM = Math.log(2);
/** A missing-data pattern needs this many rows to get a spread of its own. */
const MIN_PATTERN_ROWS = 30;

export interface RobustStep {
  /** 0 for a dropped row, else 1 / factor^2 of its pattern (weighted least squares). */
  weight: Float64Array;
  excluded: number;
  spreadFactors: DealModel["spreadFactors"];
}

export function robustStep(rows: SparseRows, beta: Float64Array, outlierZ: number): RobustStep {
  const { n, data, pattern } = rows;
  const gen = data.genCol;
  const resid = new Float64Array(n);
  for (let i = 0; i < n; i++) resid[i] = data.y[i]! - rows.predict(i, beta);
  const median = groupMedians(resid, gen, beta.length);
  // |residual - own group's median|, by pattern; rows of groups under 3 have no median to trust (NaN).
  const byPattern: number[][] = [[], [], [], []];
  const all: number[] = [];
  const dev = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dev[i] = Math.abs(resid[i]! - median[gen[i]!]!);
    if (Number.isNaN(dev[i]!)) continue;
    byPattern[pattern[i]!]!.push(dev[i]!);
    all.push(dev[i]!);
  }
  const weight = new Float64Array(n).fill(1);
  const sAll = MAD_TO_SD * medianOf(all);
  if (!(sAll > 0)) return { weight, excluded: 0, spreadFactors: [1, 1, 1, 1] };
  const scale = byPattern.map((d) => (d.length >= MIN_PATTERN_ROWS ? MAD_TO_SD * medianOf(d) : Number.NaN));
  const ref = scale[0]! > 0 ? scale[0]! : sAll;
  const f = scale.map((s) => Math.max(1, (s > 0 ? s : sAll) / ref));
  // Knowing less never makes a price more predictable.
  const spreadFactors: DealModel["spreadFactors"] = [1, f[1]!, f[2]!, Math.max(f[1]!, f[2]!, f[3]!)];
  let excluded = 0;
  for (let i = 0; i < n; i++) {
    const factor = spreadFactors[pattern[i]!]!;
    if (dev[i]! > Math.max(outlierZ * factor * ref, MIN_TRIM)) {
      weight[i] = 0;
      excluded++;
    } else {
      weight[i] = 1 / factor ** 2;
    }
  }
  return { weight, excluded, spreadFactors };
}

/** Median residual of each group column (NaN for groups under 3 rows), via one bucket sort. */
function groupMedians(resid: Float64Array, group: Int32Array, columns: number): Float64Array {
  const start = new Int32Array(columns + 1);
  for (const g of group) start[g + 1]!++;
  const size = start.slice(1);
  for (let g = 1; g <= columns; g++) start[g]! += start[g - 1]!;
  const fill = start.slice();
  const bucket = new Float64Array(resid.length);
  for (let i = 0; i < resid.length; i++) bucket[fill[group[i]!]!++] = resid[i]!;
  const median = new Float64Array(columns).fill(Number.NaN);
  for (let g = 0; g < columns; g++) {
    if (size[g]! >= 3) median[g] = medianOf(bucket.subarray(start[g]!, start[g + 1]!));
  }
  return median;
}

/** The median (0 for none); sorts a typed array in place, copies a plain one. */
function medianOf(values: Float64Array | number[]): number {
  if (values.length === 0) return 0;
  const a = values instanceof Float64Array ? values.sort() : Float64Array.from(values).sort();
  const mid = a.length >> 1;
  return a.length % 2 === 1 ? a[mid]! : (a[mid - 1]! + a[mid]!) / 2;
}
