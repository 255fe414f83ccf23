// The shapes of the fair-price engine: comparables in, a fitted model (plain JSON, stored in the
// database) and typed answers out. Prices are USD cents on one common basis chosen by the caller
// (asking price for US trucks, landed cost for Japan trucks); the engine never needs to know which.
import type { UsdCents } from "../units/money.js";

export type Drive = "2WD" | "4WD" | "both";
export type BedType = "standard" | "dump" | "scissor_dump" | "panel" | "other";

export interface Comparable {
  make: string;
  model: string;
  generation: string | null;
  year: number | null;
  mileageKm: number | null;
  drive: Drive | null;
  bedType: BedType;
  /** Integer USD cents, > 0. Rows with a missing or non-positive price are skipped by the fit. */
  priceCents: number;
}

export type TruckSpec = Omit<Comparable, "priceCents">;

export interface FitOptions {
  /** A make+model+generation needs this many comparables for an estimate. Default 5. */
  minGroupSize?: number;
  /** Ridge penalty on the make, family and generation effects (pseudo-rows at the parent). Default 1. */
  ridge?: number;
  /** Age is counted from this year. Default: the newest model year in the data (the engine has no clock). */
  referenceYear?: number;
  /** Rows further than this many robust SDs from their group's median are dropped. Default 4; Infinity keeps all. */
  outlierZ?: number;
}

/** The non-group features, in column order after the intercept. */
export const DENSE_NAMES = [
  "age",
  "ageSquared",
  "yearMissing",
  "logKm",
  "mileageMissing",
  "fourWd",
  "driveUnknown",
  "bedDump",
  "bedScissorDump",
  "bedPanel",
  "bedOther",
  // A listing without mileage gets its own age curve, and one without a year its own mileage slope:
  // mileage and age move together, so with a plain mean imputation the incomplete rows would bend the
  // complete rows' slopes (mileage lost is partly age's to explain).
  "ageIfMileageMissing",
  "ageSquaredIfMileageMissing",
  "logKmIfYearMissing",
] as const;
export type DenseName = (typeof DENSE_NAMES)[number];

/** One level of the make -> family -> generation hierarchy, keyed by normalised names. */
export interface GroupEffect {
  make: string;
  model: string;
  /** null for make-level and family-level entries. */
  generation: string | null;
  /** Additive effect on log(price), shrunk toward the parent level by the ridge penalty. */
  effect: number;
  /** Rows of this group the fit used (after outliers were dropped). */
  count: number;
  /** Residual SD of log(price) for estimates at this level, shrunk toward the global SD. */
  sigma: number;
}

/** A fitted model: plain JSON (no Map, no class, no Infinity), identical for identical input. */
export interface DealModel {
  version: 1;
  method: "ridge-log-linear";
  referenceYear: number;
  ridge: number;
  minGroupSize: number;
  /** Rows used by the final fit. */
  fittedOn: number;
  /** Rows dropped as outliers. */
  excluded: number;
  /** Rows skipped because the price was missing or not positive. */
  skipped: number;
  /**
   * Rows left out because their generation is unknown: year and generation move together, so such a
   * row would bend the age slope. Callers should resolve the generation from the catalog first.
   */
  unknownGeneration: number;
  intercept: number;
  coefficients: Record<DenseName, number>;
  /** Values a missing year, mileage or drive is replaced by (training means), beside its indicator. */
  means: { age: number; ageSquared: number; logKm: number; fourWd: number };
  /** Predictions clamp to the ages and mileages the fit saw, so a quadratic never extrapolates. */
  bounds: { minAge: number; maxAge: number; maxLogKm: number };
  /** Global residual SD of log(price) for a listing with year and mileage known. */
  sigma: number;
  /** SD multipliers by missing data: [complete, year unknown, mileage unknown, both unknown]. */
  spreadFactors: [number, number, number, number];
  /** Sorted by (make, model, generation) so lookups are a binary search. */
  makes: GroupEffect[];
  families: GroupEffect[];
  generations: GroupEffect[];
}

export type FairPrice =
  | {
      kind: "estimate";
      /** The median price of a truck like this one: exp of the predicted log price, in whole dollars. */
      fairCents: UsdCents;
      lowCents: UsdCents;
      highCents: UsdCents;
      /** Listings of the same model family and generation the estimate rests on. */
      comparables: number;
      /** "generation" normally; "family" when the truck's generation is unknown. */
      level: "generation" | "family";
      /** SD of log(price) behind the range, including the uncertainty of the group effect. */
      spread: number;
      basis: string;
    }
  | { kind: "not_enough_data"; comparables: number; needed: number };

export type FairEstimate = Extract<FairPrice, { kind: "estimate" }>;

export type Rating = "great" | "good" | "fair" | "high";
export type RatingLabel = "Great deal" | "Good deal" | "Fair price" | "High price";

export type DealRating =
  | {
      kind: "rated";
      rating: Rating;
      label: RatingLabel;
      fair: FairEstimate;
      priceCents: UsdCents;
      /** (price / fair - 1) in percent, one decimal: -12.5 means 12.5 % below the estimate. */
      deltaPct: number;
    }
  | { kind: "not_enough_data"; comparables: number; needed: number };
