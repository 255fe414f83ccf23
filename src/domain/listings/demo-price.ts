// The ground-truth price formulas of the demo listings: what the deal-rating model, fitted on demo data,
// should recover (in log terms, roughly). Additive in dollars or yen, then a condition factor and
// log-normal noise; the noise is an argument (a standard normal draw) so the formulas stay plain.
import type { BedType, Condition } from "./types.js";

export interface PricedTruck {
  make: string;
  /** Years from the build month to today. */
  age: number;
  mileageKm: number;
  fourWd: boolean;
  bedType: BedType;
  condition: Condition;
}

export const DEMO_USD_RANGE = { min: 2500, max: 19_000 } as const;
export const DEMO_JPY_RANGE = { min: 120_000, max: 1_100_000 } as const;

const CONDITION_FACTOR: Record<Condition, number> = { excellent: 1.18, good: 1, fair: 0.84, project: 0.55 };
// Dollars for a 25-year-old, 2WD, standard-bed truck before mileage; families without one get $6,500.
const BASE_USD: Readonly<Record<string, number>> = {
  Suzuki: 6500,
  Daihatsu: 6600,
  Honda: 6900,
  Subaru: 7100,
};
const BASE_USD_MORE: Readonly<Record<string, number>> = {
  Mitsubishi: 5900,
  Mazda: 6100,
  Nissan: 5900,
  Toyota: 6300,
};
const BED_USD: Record<BedType, number> = { standard: 0, dump: 900, scissor_dump: 1500, panel: 300, other: 0 };
const BED_JPY: Record<BedType, number> = {
  standard: 0,
  dump: 60_000,
  scissor_dump: 100_000,
  panel: 20_000,
  other: 0,
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function baseUsd(make: string): number {
  return BASE_USD[make] ?? BASE_USD_MORE[make] ?? 6500;
}

/**
 * US asking price in cents: base - $120 a year past 25 - $0.012 a km + $1,200 for 4WD + the bed
 * ($900 dump, $1,500 scissor dump, $300 panel), x condition (1.18 / 1 / 0.84 / 0.55), x e^(0.12 z);
 * rounded to $50 and clamped to $2,500..$19,000.
 */
export function demoPriceUsdCents(t: PricedTruck, z: number): number {
  const usd = baseUsd(t.make) - 120 * Math.max(0, t.age - 25) - 0.012 * t.mileageKm + (t.fourWd ? 1200 : 0);
  const priced = (usd + BED_USD[t.bedType]) * CONDITION_FACTOR[t.condition] * Math.exp(0.12 * z);
  return clamp(Math.round(priced / 50) * 50, DEMO_USD_RANGE.min, DEMO_USD_RANGE.max) * 100;
}

/**
 * Japan FOB price in yen: ¥400,000 x base/$6,500 at 25 years, +¥18,000 a year younger, -¥7,000 a year
 * older, -¥1.2 a km, +¥70,000 for 4WD, + the bed, x condition, x e^(0.15 z); rounded to ¥1,000 and
 * clamped to ¥120,000..¥1,100,000.
 */
export function demoPriceJpy(t: PricedTruck, z: number): number {
  const base = (baseUsd(t.make) / 6500) * 400_000;
  const byAge = 18_000 * Math.max(0, 25 - t.age) - 7_000 * Math.max(0, t.age - 25);
  const yen = base + byAge - 1.2 * t.mileageKm + (t.fourWd ? 70_000 : 0) + BED_JPY[t.bedType];
  const priced = yen * CONDITION_FACTOR[t.condition] * Math.exp(0.15 * z);
  return clamp(Math.round(priced / 1000) * 1000, DEMO_JPY_RANGE.min, DEMO_JPY_RANGE.max);
}
