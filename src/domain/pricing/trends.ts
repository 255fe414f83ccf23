// Price trends of a model family: asking prices summarised by build year and by listing month (count,
// quartiles, median), and the fair-price line of the current deal model for a typical truck of each
// build year. Pure: the listings and the fitted model are arguments. The "typical truck" is read from
// the listings themselves (their most common generation and drive, their median mileage, a standard
// bed), so the line describes the trucks actually on offer rather than an invented average truck.
import { addMonths, type YearMonth } from "../units/dates.js";
import { estimateFairPrice } from "./estimate.js";
import type { DealModel, Drive, TruckSpec } from "./types.js";

export interface PricePoint {
  /** Build year; null when the listing does not give one. */
  year: number | null;
  /** The month the listing was created. */
  month: YearMonth;
  /** Integer USD cents, > 0. */
  priceCents: number;
  make: string;
  model: string;
  generation: string | null;
  mileageKm: number | null;
  drive: Drive | null;
}

export interface PriceStats {
  minCents: number;
  q1Cents: number;
  medianCents: number;
  q3Cents: number;
  maxCents: number;
}

export interface PriceBucket {
  /** "1996" for a build year, "2026-09" for a listing month. */
  key: string;
  count: number;
  /** null for an empty bucket (kept so the axis has no gaps). */
  stats: PriceStats | null;
}

export interface PriceSummary {
  /** Every build year from the oldest to the newest listed, empty ones included. */
  byYear: PriceBucket[];
  /** Every month from the first to the last listing month, empty ones included. */
  byMonth: PriceBucket[];
  total: number;
  /** Listings without a build year: in byMonth, not in byYear. */
  withoutYear: number;
}

/**
 * The p-quantile of ascending values by linear interpolation between closest ranks (Hyndman and Fan's
 * type 7, the default of R and NumPy), rounded to a whole cent.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be within 0..1: ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return Math.round(a + (h - lo) * (b - a));
}

export function priceStats(cents: readonly number[]): PriceStats | null {
  if (cents.length === 0) return null;
  const s = [...cents].sort((a, b) => a - b);
  return {
    minCents: s[0]!,
    q1Cents: quantile(s, 0.25),
    medianCents: quantile(s, 0.5),
    q3Cents: quantile(s, 0.75),
    maxCents: s[s.length - 1]!,
  };
}

function buckets(keys: readonly string[], groups: Map<string, number[]>): PriceBucket[] {
  return keys.map((key) => {
    const prices = groups.get(key) ?? [];
    return { key, count: prices.length, stats: priceStats(prices) };
  });
}

function groupBy(points: readonly PricePoint[], keyOf: (p: PricePoint) => string | null) {
  const groups = new Map<string, number[]>();
  for (const p of points) {
    const key = keyOf(p);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(p.priceCents);
    else groups.set(key, [p.priceCents]);
  }
  return groups;
}

export function summarizePrices(points: readonly PricePoint[]): PriceSummary {
  const years = points.flatMap((p) => (p.year === null ? [] : [p.year]));
  const yearKeys: string[] = [];
  if (years.length > 0)
    for (let y = Math.min(...years); y <= Math.max(...years); y++) yearKeys.push(String(y));
  const months = points.map((p) => p.month).sort();
  const monthKeys: string[] = [];
  if (months.length > 0) {
    const last = months[months.length - 1]!;
    for (let m = months[0]!; m <= last; m = addMonths(m, 1)) monthKeys.push(m);
  }
  return {
    byYear: buckets(
      yearKeys,
      groupBy(points, (p) => (p.year === null ? null : String(p.year))),
    ),
    byMonth: buckets(
      monthKeys,
      groupBy(points, (p) => p.month),
    ),
    total: points.length,
    withoutYear: points.length - years.length,
  };
}

/** The most common value (ties: the smallest in code-unit order, so the answer never depends on row order). */
function mode<T extends string>(values: readonly T[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | null = null;
  for (const [v, n] of counts) {
    const bestN = best === null ? 0 : (counts.get(best) ?? 0);
    if (n > bestN || (n === bestN && best !== null && v < best)) best = v;
  }
  return best;
}

/** The typical truck of each build year that has listings, as the deal model's input. */
export function typicalTrucks(points: readonly PricePoint[]): { year: number; truck: TruckSpec }[] {
  const byYear = new Map<number, PricePoint[]>();
  for (const p of points) {
    if (p.year === null) continue;
    const list = byYear.get(p.year);
    if (list) list.push(p);
    else byYear.set(p.year, [p]);
  }
  return [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, list]) => {
      // Make, model and generation are taken together, so the truck is one that was actually listed.
      const key = mode(list.map((p) => JSON.stringify([p.make, p.model, p.generation])))!;
      const [make, model, generation] = JSON.parse(key) as [string, string, string | null];
      const km = list.flatMap((p) => (p.mileageKm === null ? [] : [p.mileageKm])).sort((a, b) => a - b);
      return {
        year,
        truck: {
          make,
          model,
          generation,
          year,
          mileageKm: km.length === 0 ? null : quantile(km, 0.5),
          drive: mode(list.flatMap((p) => (p.drive === null ? [] : [p.drive]))),
          bedType: "standard",
        },
      };
    });
}

export interface FairPoint {
  year: number;
  fairCents: number;
  lowCents: number;
  highCents: number;
  comparables: number;
  truck: TruckSpec;
}

export interface FairLine {
  points: FairPoint[];
  /** Build years with listings where the model has too few comparables for an estimate. */
  notEnoughData: number[];
}

export function fairPriceLine(model: DealModel, points: readonly PricePoint[]): FairLine {
  const line: FairLine = { points: [], notEnoughData: [] };
  for (const { year, truck } of typicalTrucks(points)) {
    const fair = estimateFairPrice(model, truck);
    if (fair.kind === "estimate")
      line.points.push({
        year,
        fairCents: fair.fairCents,
        lowCents: fair.lowCents,
        highCents: fair.highCents,
        comparables: fair.comparables,
        truck,
      });
    else line.notEnoughData.push(year);
  }
  return line;
}
