// Feature encoding shared by the fit and the estimate, so the two can never disagree about a column.
import {
  type BedType,
  DENSE_NAMES,
  type DealModel,
  type DenseName,
  type Drive,
  type GroupEffect,
} from "./types.js";

export const DENSE_COUNT = DENSE_NAMES.length;
const at = (name: DenseName) => DENSE_NAMES.indexOf(name);
const AGE = at("age");
const AGE_SQ = at("ageSquared");
const YEAR_MISSING = at("yearMissing");
const LOG_KM = at("logKm");
const KM_MISSING = at("mileageMissing");
const FOUR_WD = at("fourWd");
const DRIVE_UNKNOWN = at("driveUnknown");
const AGE_IF_KM_MISSING = at("ageIfMileageMissing");
const AGE_SQ_IF_KM_MISSING = at("ageSquaredIfMileageMissing");
const LOG_KM_IF_YEAR_MISSING = at("logKmIfYearMissing");

/** "  SUZUKI  Carry " and "Suzuki carry" are one family: width, case and spacing never split a group. */
export function normalizeName(s: string): string {
  return s.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Age in years relative to the reference year, or null when the year is unknown or not a number. */
export function ageOf(year: number | null, referenceYear: number): number | null {
  return year === null || !Number.isFinite(year) ? null : referenceYear - year;
}

/** log1p(thousands of km): the first 50,000 km cost more value than the next 50,000. */
export function logKmOf(mileageKm: number | null): number | null {
  return mileageKm === null || !Number.isFinite(mileageKm) || mileageKm < 0
    ? null
    : Math.log1p(mileageKm / 1000);
}

/** 1 = 4WD (including selectable "both"), 0 = 2WD, null = unknown. */
export function fourWdOf(drive: Drive | null): 0 | 1 | null {
  return drive === null ? null : drive === "2WD" ? 0 : 1;
}

const BED_COLUMN: Record<BedType, number> = {
  standard: -1,
  dump: at("bedDump"),
  scissor_dump: at("bedScissorDump"),
  panel: at("bedPanel"),
  other: at("bedOther"),
};

/** The dense column of a bed type's dummy (-1 for the standard-bed baseline). */
export function bedColumnOf(bed: BedType): number {
  return BED_COLUMN[bed] ?? BED_COLUMN.other;
}

/** 0 complete, 1 year unknown, 2 mileage unknown, 3 both: rows of each pattern get their own spread. */
export function patternOf(age: number | null, logKm: number | null): 0 | 1 | 2 | 3 {
  return ((age === null ? 1 : 0) + (logKm === null ? 2 : 0)) as 0 | 1 | 2 | 3;
}

export interface Imputation {
  means: DealModel["means"];
  /** Clamp to the training range at prediction time; null while fitting. */
  bounds: DealModel["bounds"] | null;
}

/**
 * Writes the dense features (without the intercept) into `out`, in DENSE_NAMES order. A missing value
 * becomes the training mean plus a 1 in its indicator, so a model fitted without any missing values
 * still predicts a sensible middle for one.
 */
export function denseFeatures(
  age: number | null,
  logKm: number | null,
  fourWd: 0 | 1 | null,
  bedColumn: number,
  imp: Imputation,
  out: Float64Array,
): void {
  out.fill(0);
  if (age === null) {
    out[AGE] = imp.means.age;
    out[AGE_SQ] = imp.means.ageSquared;
    out[YEAR_MISSING] = 1;
  } else {
    const a = imp.bounds ? Math.min(Math.max(age, imp.bounds.minAge), imp.bounds.maxAge) : age;
    out[AGE] = a;
    out[AGE_SQ] = (a / 10) ** 2;
  }
  if (logKm === null) {
    out[LOG_KM] = imp.means.logKm;
    out[KM_MISSING] = 1;
    out[AGE_IF_KM_MISSING] = out[AGE]!;
    out[AGE_SQ_IF_KM_MISSING] = out[AGE_SQ]!;
  } else {
    out[LOG_KM] = imp.bounds ? Math.min(Math.max(logKm, 0), imp.bounds.maxLogKm) : logKm;
  }
  if (age === null) out[LOG_KM_IF_YEAR_MISSING] = out[LOG_KM]!;
  if (fourWd === null) {
    out[FOUR_WD] = imp.means.fourWd;
    out[DRIVE_UNKNOWN] = 1;
  } else {
    out[FOUR_WD] = fourWd;
  }
  if (bedColumn >= 0) out[bedColumn] = 1;
}

/** Total order on (make, model, generation) by code unit, never by locale, so fits are reproducible. */
export function compareKeys(
  a: { make: string; model: string; generation: string | null },
  b: { make: string; model: string; generation: string | null },
): number {
  return cmp(a.make, b.make) || cmp(a.model, b.model) || cmp(a.generation ?? "", b.generation ?? "");
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Index of `key` in a list sorted by compareKeys (binary search), or -1. */
export function indexOfKey(
  list: readonly { make: string; model: string; generation: string | null }[],
  key: { make: string; model: string; generation: string | null },
): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareKeys(list[mid]!, key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function findGroup(
  list: readonly GroupEffect[],
  key: { make: string; model: string; generation: string | null },
): GroupEffect | undefined {
  return list[indexOfKey(list, key)];
}
