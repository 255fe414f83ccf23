// The design matrix as sparse rows (<= 18 non-zeros each), built on the fly from the parsed columns
// for every pass (cheaper than materialising 100k x 18 cells), and the weighted ridge normal equations.
import { denseFeatures, type Imputation, patternOf } from "./features.js";
import { cholesky, choleskySolve, inverseDiagonal } from "./linalg.js";
import { FIRST_GROUP_COL, type Parsed } from "./parse.js";
import { DENSE_NAMES } from "./types.js";

export class SparseRows {
  readonly n: number;
  readonly y: Float64Array;
  /** Missing-data pattern of each row (see patternOf). */
  readonly pattern: Uint8Array;
  /** The current row's columns (ascending) and values, filled by `load`. */
  readonly cols = new Int32Array(FIRST_GROUP_COL + 3);
  readonly vals = new Float64Array(FIRST_GROUP_COL + 3);
  private readonly dense = new Float64Array(DENSE_NAMES.length);
  private readonly imp: Imputation;

  constructor(readonly data: Parsed) {
    this.n = data.n;
    this.y = data.y;
    this.imp = { means: data.means, bounds: null };
    this.pattern = new Uint8Array(data.n);
    for (let i = 0; i < data.n; i++) {
      this.pattern[i] = patternOf(
        Number.isNaN(data.age[i]!) ? null : 0,
        Number.isNaN(data.logKm[i]!) ? null : 0,
      );
    }
  }

  /** Loads row i into `cols` / `vals` and returns its length. */
  load(i: number): number {
    const { data, dense, cols, vals } = this;
    const fwd = data.fourWd[i]!;
    const age = data.age[i]!;
    const km = data.logKm[i]!;
    denseFeatures(
      Number.isNaN(age) ? null : age,
      Number.isNaN(km) ? null : km,
      fwd < 0 ? null : (fwd as 0 | 1),
      data.bedColumn[i]!,
      this.imp,
      dense,
    );
    cols[0] = 0;
    vals[0] = 1;
    let k = 1;
    for (let j = 0; j < dense.length; j++) {
      if (dense[j] === 0) continue;
      cols[k] = j + 1;
      vals[k++] = dense[j]!;
    }
    cols[k] = data.makeCol[i]!;
    vals[k++] = 1;
    cols[k] = data.familyCol[i]!;
    vals[k++] = 1;
    cols[k] = data.genCol[i]!;
    vals[k++] = 1;
    return k;
  }

  predict(i: number, beta: Float64Array): number {
    const len = this.load(i);
    let s = 0;
    for (let k = 0; k < len; k++) s += this.vals[k]! * beta[this.cols[k]!]!;
    return s;
  }
}

/**
 * Minimise sum w_i (y_i - x_i b)^2 + sum_j P_j b_j^2 by the normal equations (one pass to accumulate
 * XtWX and XtWy, then Cholesky). `trace` = trace of the hat matrix, the effective parameter count.
 */
export function solveRidge(rows: SparseRows, weight: Float64Array, penalty: Float64Array) {
  const p = penalty.length;
  const xtx = new Float64Array(p * p);
  const xty = new Float64Array(p);
  const { cols, vals, y } = rows;
  for (let i = 0; i < rows.n; i++) {
    const w = weight[i]!;
    if (w === 0) continue;
    const len = rows.load(i);
    const wy = w * y[i]!;
    for (let a = 0; a < len; a++) {
      const ca = cols[a]!;
      const wa = w * vals[a]!;
      xty[ca]! += vals[a]! * wy;
      // Columns ascend within a row, so this fills the upper triangle only.
      const base = ca * p;
      for (let b = a; b < len; b++) xtx[base + cols[b]!]! += wa * vals[b]!;
    }
  }
  for (let j = 0; j < p; j++) {
    xtx[j * p + j]! += penalty[j]!;
    for (let k = j + 1; k < p; k++) xtx[k * p + j] = xtx[j * p + k]!;
  }
  const l = cholesky(xtx, p);
  const inv = inverseDiagonal(l, p);
  // trace((XtWX + P)^-1 XtWX) = p - sum_j P_j (XtWX + P)^-1_jj
  let trace = p;
  for (let j = 0; j < p; j++) trace -= penalty[j]! * inv[j]!;
  return { beta: choleskySolve(l, p, xty), trace };
}
