// A listing's asking-price history and time on the market: what the listing page's step chart, the
// "price dropped" badge and the search's days-on-market and price-drop filters are computed from.
import { daysBetween, type IsoDate } from "../units/dates.js";

/** One asking price, from the moment it was set (a listing's prices are all in one currency). */
export interface PricePoint {
  /** YYYY-MM-DD (UTC) of the change. */
  on: IsoDate;
  /** Dollars for US listings, yen for Japan listings; whole units. */
  amount: number;
}

export type PriceMove =
  | { kind: "none" }
  | { kind: "drop"; from: number; to: number; percent: number; on: IsoDate }
  | { kind: "rise"; from: number; to: number; percent: number; on: IsoDate };

/** Percent below `previous` (positive: a drop), rounded to 0.1; null for a rise or no change. */
export function dropPercent(previous: number, current: number): number | null {
  if (!(previous > 0) || current >= previous) return null;
  return Math.round(((previous - current) / previous) * 1000) / 10;
}

/** Points in time order, with repeated prices merged (re-saving a listing is not a price change). */
export function normalizeHistory(points: readonly PricePoint[]): PricePoint[] {
  const sorted = [...points].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const out: PricePoint[] = [];
  for (const p of sorted) if (out.at(-1)?.amount !== p.amount) out.push(p);
  return out;
}

/** The last change of the asking price: what the badge and the drop filter describe. */
export function lastMove(points: readonly PricePoint[]): PriceMove {
  const h = normalizeHistory(points);
  if (h.length < 2) return { kind: "none" };
  const [before, after] = [h.at(-2)!, h.at(-1)!];
  const percent = Math.round((Math.abs(after.amount - before.amount) / before.amount) * 1000) / 10;
  return {
    kind: after.amount < before.amount ? "drop" : "rise",
    from: before.amount,
    to: after.amount,
    percent,
    on: after.on,
  };
}

/** Whole days a listing has been (or was, until it sold or was withdrawn) on the market; never negative. */
export function daysOnMarket(listedOn: IsoDate, endedOn: IsoDate | null, today: IsoDate): number {
  const end = endedOn ?? today;
  return Math.max(0, daysBetween(listedOn, end));
}

/** A horizontal run of the step chart: the price held from `from` until `to`. */
export interface PriceStep {
  from: IsoDate;
  to: IsoDate;
  amount: number;
}

/** The step chart's runs up to `until` (today, or the day the listing ended), and its value range. */
export function priceSteps(
  points: readonly PricePoint[],
  until: IsoDate,
): { steps: PriceStep[]; min: number; max: number } {
  const h = normalizeHistory(points);
  const steps = h.map((p, i) => ({
    from: p.on,
    to: h[i + 1]?.on ?? (until > p.on ? until : p.on),
    amount: p.amount,
  }));
  const amounts = h.map((p) => p.amount);
  return { steps, min: Math.min(...amounts), max: Math.max(...amounts) };
}
