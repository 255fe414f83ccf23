// Comparables -> columnar arrays and the sorted make / family / generation keys, in one pass. Each
// distinct raw (make, model, generation) is normalised once, so 100k rows cost 100k Map lookups.
import {
  bedColumnOf,
  compareKeys,
  DENSE_COUNT,
  fourWdOf,
  indexOfKey,
  logKmOf,
  normalizeName,
} from "./features.js";
import type { Comparable, DealModel } from "./types.js";

export interface Key {
  make: string;
  model: string;
  generation: string | null;
}

export interface Parsed {
  n: number;
  skipped: number;
  unknownGeneration: number;
  referenceYear: number;
  /** log(price in cents). */
  y: Float64Array;
  /** NaN = missing. */
  age: Float64Array;
  logKm: Float64Array;
  /** -1 = missing. */
  fourWd: Int8Array;
  /** bedColumnOf(bedType). */
  bedColumn: Int8Array;
  /** Column of the row's make, family and generation effect. */
  makeCol: Int32Array;
  familyCol: Int32Array;
  genCol: Int32Array;
  /** Keys of the group columns, in column order, starting at FIRST_GROUP_COL. */
  groupKeys: Key[];
  makeCount: number;
  familyCount: number;
  means: DealModel["means"];
  bounds: DealModel["bounds"];
}

/** Column 0 is the intercept, then the dense features, then makes, families, generations. */
export const FIRST_GROUP_COL = 1 + DENSE_COUNT;

export function parseComparables(comps: readonly Comparable[], referenceYear?: number): Parsed {
  const n0 = comps.length;
  const y = new Float64Array(n0);
  const year = new Float64Array(n0);
  const logKm = new Float64Array(n0);
  const fourWd = new Int8Array(n0);
  const bedColumn = new Int8Array(n0);
  const keyOfRow = new Int32Array(n0);
  const cache = new KeyCache();
  const sums = { logKm: 0, kms: 0, fourWd: 0, drives: 0 };
  let maxLogKm = 0;
  let newest = Number.NEGATIVE_INFINITY;
  // One pass over the objects (the slow part: each is a cache miss), then typed arrays only.
  let n = 0;
  let unknownGeneration = 0;
  for (const c of comps) {
    if (!(Number.isFinite(c.priceCents) && c.priceCents > 0)) continue;
    const id = cache.idOf(c.make, c.model, c.generation);
    if (cache.keys[id]!.generation === null) {
      unknownGeneration++;
      continue;
    }
    y[n] = Math.log(c.priceCents);
    const yr = c.year !== null && Number.isFinite(c.year) ? c.year : Number.NaN;
    year[n] = yr;
    if (yr > newest) newest = yr;
    const k = logKmOf(c.mileageKm);
    logKm[n] = k ?? Number.NaN;
    if (k !== null) {
      sums.logKm += k;
      sums.kms++;
      if (k > maxLogKm) maxLogKm = k;
    }
    const d = fourWdOf(c.drive);
    fourWd[n] = d ?? -1;
    if (d !== null) {
      sums.fourWd += d;
      sums.drives++;
    }
    bedColumn[n] = bedColumnOf(c.bedType);
    keyOfRow[n] = id;
    n++;
  }
  const ref = referenceYear ?? (Number.isFinite(newest) ? newest : 0);
  const age = new Float64Array(n);
  const ageSums = { age: 0, ageSquared: 0, ages: 0 };
  const bounds = { minAge: Number.POSITIVE_INFINITY, maxAge: Number.NEGATIVE_INFINITY, maxLogKm };
  for (let i = 0; i < n; i++) {
    const a = ref - year[i]!;
    age[i] = a;
    if (Number.isNaN(a)) continue;
    ageSums.age += a;
    ageSums.ageSquared += (a / 10) ** 2;
    ageSums.ages++;
    if (a < bounds.minAge) bounds.minAge = a;
    if (a > bounds.maxAge) bounds.maxAge = a;
  }
  const cols = groupColumns(cache.keys);
  const makeCol = new Int32Array(n);
  const familyCol = new Int32Array(n);
  const genCol = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = keyOfRow[i]!;
    makeCol[i] = cols.make[id]!;
    familyCol[i] = cols.family[id]!;
    genCol[i] = cols.gen[id]!;
  }
  const mean = (sum: number, count: number) => (count > 0 ? sum / count : 0);
  return {
    n,
    skipped: comps.length - n - unknownGeneration,
    unknownGeneration,
    referenceYear: ref,
    y: y.subarray(0, n),
    age,
    logKm: logKm.subarray(0, n),
    fourWd: fourWd.subarray(0, n),
    bedColumn: bedColumn.subarray(0, n),
    makeCol,
    familyCol,
    genCol,
    groupKeys: cols.keys,
    makeCount: cols.makeCount,
    familyCount: cols.familyCount,
    means: {
      age: mean(ageSums.age, ageSums.ages),
      ageSquared: mean(ageSums.ageSquared, ageSums.ages),
      logKm: mean(sums.logKm, sums.kms),
      fourWd: mean(sums.fourWd, sums.drives),
    },
    bounds: ageSums.ages > 0 ? bounds : { minAge: 0, maxAge: 0, maxLogKm },
  };
}

/** Raw (make, model, generation) -> key id; nested Maps, so a row costs lookups and no string building. */
class KeyCache {
  readonly keys: Key[] = [];
  private readonly byMake = new Map<string, Map<string, Map<string | null, number>>>();

  idOf(make: string, model: string, generation: string | null): number {
    let byModel = this.byMake.get(make);
    if (!byModel) {
      byModel = new Map();
      this.byMake.set(make, byModel);
    }
    let byGen = byModel.get(model);
    if (!byGen) {
      byGen = new Map();
      byModel.set(model, byGen);
    }
    let id = byGen.get(generation);
    if (id === undefined) {
      id = this.keys.length;
      byGen.set(generation, id);
      const gen = generation === null ? "" : normalizeName(generation);
      this.keys.push({ make: normalizeName(make), model: normalizeName(model), generation: gen || null });
    }
    return id;
  }
}

/** Sorted unique makes, families and generations -> column numbers (-1: none), for each key id. */
function groupColumns(allKeys: readonly Key[]) {
  // Keys seen only on rows without a generation were skipped: they get no column.
  const keys = allKeys.filter((k) => k.generation !== null);
  const unique = (list: Key[]) => {
    list.sort(compareKeys);
    return list.filter((k, i) => i === 0 || compareKeys(list[i - 1]!, k) !== 0);
  };
  const makes = unique(keys.map((k) => ({ make: k.make, model: "", generation: null })));
  const families = unique(keys.map((k) => ({ make: k.make, model: k.model, generation: null })));
  const gens = unique(keys.map((k) => ({ ...k })));
  const all = [...makes, ...families, ...gens];
  const colOf = (start: number, list: Key[], key: Key) => {
    const i = indexOfKey(list, key);
    return i < 0 ? -1 : start + i;
  };
  const famStart = FIRST_GROUP_COL + makes.length;
  const genStart = famStart + families.length;
  return {
    keys: all,
    makeCount: makes.length,
    familyCount: families.length,
    make: allKeys.map((k) => colOf(FIRST_GROUP_COL, makes, { make: k.make, model: "", generation: null })),
    family: allKeys.map((k) => colOf(famStart, families, { make: k.make, model: k.model, generation: null })),
    gen: allKeys.map((k) => colOf(genStart, gens, k)),
  };
}
