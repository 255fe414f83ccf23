// Fitting the fair-price model. The method, and why:
//
// log(price) = intercept + b1 age + b2 (age/10)^2 + b3 log1p(km/1000) + b4 4WD + bed-type dummies
//              + indicators for an unknown year / mileage / drive (with their own age and mileage slopes)
//              + make effect + make/model (family) effect + make/model/generation effect + noise
//
// Log price makes every effect a percentage (a 4WD premium is "+12 %", not "+$900" on a $3k and a $15k
// truck alike) and makes the noise roughly symmetric. The three nested group effects carry a ridge
// penalty (default 1, in pseudo-rows), so a generation with few listings is shrunk toward its family,
// a family toward its make and a make toward the global mean: the hierarchy of a random-effects model,
// solved in closed form. The other columns get only a tiny jitter and the intercept none. Age is
// counted from a reference year (an option, else the newest year in the data), never from a clock.
// Missing values are replaced by the training mean beside a 0/1 indicator (see features.ts).
//
// XtX and Xty are accumulated in one pass over sparse rows (<= 18 non-zeros) and solved by Cholesky.
// The first fit's residuals then feed a robust step (robust.ts): gross errors (a $1 "call for price",
// yen typed as dollars) further than `outlierZ` robust SDs (1.4826 x MAD) from their generation's
// median residual are dropped, and rows with a missing year or mileage, which are noisier, get weight
// 1 / factor^2 of their pattern. The final fit is weighted least squares. One more pass collects the
// residual spreads: a global SD with n - trace(hat) degrees of freedom, and one per generation and
// per family shrunk toward it with PRIOR_ROWS pseudo-rows, all on the scale of a complete listing.
//
// Listings without a generation are left out (counted in `unknownGeneration`): generation and year
// move together, so they would bend the age slope toward the differences between generations.
import { FIRST_GROUP_COL, parseComparables } from "./parse.js";
import { type RobustStep, robustStep } from "./robust.js";
import { SparseRows, solveRidge } from "./rows.js";
import { type Comparable, DENSE_NAMES, type DealModel, type FitOptions, type GroupEffect } from "./types.js";

export const DEFAULT_MIN_GROUP_SIZE = 5;
export const DEFAULT_RIDGE = 1;
export const DEFAULT_OUTLIER_Z = 4;
/** Spreads are never below 5 %: ten listings at one dealer's price are not a 0 % market. */
export const SIGMA_FLOOR = 0.05;
/** Pseudo-rows at the global SD when a group's own spread is estimated. */
const PRIOR_ROWS = 5;
/** On the non-group columns, so an all-zero one (no panel vans in the data) is harmless. */
const JITTER = 1e-4;

export function fitDealModel(comps: readonly Comparable[], options: FitOptions = {}): DealModel {
  const minGroupSize = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const ridge = options.ridge ?? DEFAULT_RIDGE;
  const outlierZ = options.outlierZ ?? DEFAULT_OUTLIER_Z;
  if (!(Number.isInteger(minGroupSize) && minGroupSize >= 1))
    throw new RangeError(`minGroupSize must be an integer >= 1, got ${minGroupSize}`);
  if (!(Number.isFinite(ridge) && ridge > 0)) throw new RangeError(`ridge must be > 0, got ${ridge}`);
  if (!(outlierZ > 0)) throw new RangeError(`outlierZ must be > 0, got ${outlierZ}`);
  if (options.referenceYear !== undefined && !Number.isInteger(options.referenceYear))
    throw new RangeError(`referenceYear must be an integer, got ${options.referenceYear}`);

  const data = parseComparables(comps, options.referenceYear);
  const p = FIRST_GROUP_COL + data.groupKeys.length;
  const penalty = new Float64Array(p).fill(ridge);
  penalty[0] = 0;
  for (let j = 1; j < FIRST_GROUP_COL; j++) penalty[j] = JITTER;
  const rows = new SparseRows(data);
  let beta: Float64Array = new Float64Array(p);
  let robust: RobustStep = { weight: new Float64Array(0), excluded: 0, spreadFactors: [1, 1, 1, 1] };
  let trace = 0;
  if (data.n > 0) {
    const first = solveRidge(rows, new Float64Array(data.n).fill(1), penalty);
    robust = robustStep(rows, first.beta, outlierZ);
    ({ beta, trace } = solveRidge(rows, robust.weight, penalty));
  }
  const spreads = residualSpreads(rows, beta, robust.weight, trace);

  const groups = data.groupKeys.map(
    (key, i): GroupEffect => ({
      ...key,
      effect: beta[FIRST_GROUP_COL + i]!,
      count: spreads.count[FIRST_GROUP_COL + i]!,
      sigma: shrunkSigma(
        spreads.sse[FIRST_GROUP_COL + i]!,
        spreads.count[FIRST_GROUP_COL + i]!,
        spreads.sigma,
      ),
    }),
  );
  const famStart = data.makeCount;
  const genStart = famStart + data.familyCount;
  return {
    version: 1,
    method: "ridge-log-linear",
    referenceYear: data.referenceYear,
    ridge,
    minGroupSize,
    fittedOn: spreads.n,
    excluded: robust.excluded,
    skipped: data.skipped,
    unknownGeneration: data.unknownGeneration,
    intercept: beta[0]!,
    coefficients: Object.fromEntries(
      DENSE_NAMES.map((name, i) => [name, beta[i + 1]!]),
    ) as DealModel["coefficients"],
    means: data.means,
    bounds: data.bounds,
    sigma: spreads.sigma,
    spreadFactors: robust.spreadFactors,
    makes: groups.slice(0, famStart).map((g) => ({ ...g, sigma: spreads.sigma })),
    families: groups.slice(famStart, genStart),
    generations: groups.slice(genStart),
  };
}

function shrunkSigma(sse: number, count: number, sigma: number): number {
  return Math.max(
    SIGMA_FLOOR,
    Math.sqrt((sse + PRIOR_ROWS * sigma ** 2) / (Math.max(0, count - 1) + PRIOR_ROWS)),
  );
}

/**
 * Per column: rows and squared weighted residuals (sqrt(w) r is on a complete listing's scale). A
 * generation's residuals are against the full prediction; a family's against the prediction without the
 * generation effect, because a family-level estimate is for a truck whose generation is unknown, so the
 * spread between generations belongs in its range.
 */
function residualSpreads(rows: SparseRows, beta: Float64Array, weight: Float64Array, trace: number) {
  const { data } = rows;
  const count = new Int32Array(beta.length);
  const sse = new Float64Array(beta.length);
  let total = 0;
  let n = 0;
  for (let i = 0; i < rows.n; i++) {
    const w = weight[i]!;
    if (w === 0) continue;
    const r = data.y[i]! - rows.predict(i, beta);
    const g = data.genCol[i]!;
    const f = data.familyCol[i]!;
    const rf = r + beta[g]!;
    total += w * r * r;
    n++;
    count[data.makeCol[i]!]!++;
    count[f]!++;
    count[g]!++;
    sse[f]! += w * rf * rf;
    sse[g]! += w * r * r;
  }
  const sigma = n > 0 ? Math.max(SIGMA_FLOOR, Math.sqrt(total / Math.max(1, n - trace))) : SIGMA_FLOOR;
  return { n, count, sse, sigma };
}
