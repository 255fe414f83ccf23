// The stacked bars of the cost page as plain data: an itemized cost folded into a few parts in the
// order a buyer pays them, each part's place on a shared scale, so two ways of buying the same truck
// compare at a glance. The renderer only multiplies these fractions by its width.
import { sumCents, type UsdCents } from "../units/money.js";
import type { CostGroup } from "./types.js";

export type BarPartKey = "vehicle" | CostGroup;

/** Part order along the bar; the vehicle itself first, then the rest as the buyer meets them. */
export const BAR_PARTS: readonly BarPartKey[] = ["vehicle", "japan", "shipping", "federal", "us", "state"];

export const BAR_PART_LABELS: Record<BarPartKey, string> = {
  vehicle: "The truck",
  japan: "Japan-side fees",
  shipping: "Freight and insurance",
  federal: "Duty and federal fees",
  us: "US-side costs",
  state: "State tax and fees",
};

export interface BarPart {
  key: BarPartKey;
  cents: UsdCents;
}

export interface BarSegment extends BarPart {
  label: string;
  /** Where the segment starts and how long it is, as fractions of the longest bar (0..1). */
  start: number;
  width: number;
}

export interface Bar {
  id: string;
  label: string;
  totalCents: UsdCents;
  segments: BarSegment[];
}

/**
 * Folds cost lines into bar parts: the line with id "vehicle" is the truck, every other line goes to
 * its group. Parts with nothing in them are left out; the order is BAR_PARTS's.
 */
export function barParts(lines: readonly { id: string; group: CostGroup; cents: UsdCents }[]): BarPart[] {
  const keyOf = (l: { id: string; group: CostGroup }): BarPartKey =>
    l.id === "vehicle" ? "vehicle" : l.group;
  return BAR_PARTS.map((key) => ({
    key,
    cents: sumCents(lines.filter((l) => keyOf(l) === key).map((l) => l.cents)),
  })).filter((p) => p.cents > 0);
}

/** Bars on one scale: the longest bar spans the whole width. */
export function stackedBars(
  rows: readonly { id: string; label: string; parts: readonly BarPart[] }[],
): Bar[] {
  const totals = rows.map((r) => sumCents(r.parts.map((p) => p.cents)));
  const scale = Math.max(1, ...totals);
  return rows.map((row, i) => {
    let at = 0;
    const segments = row.parts
      .filter((p) => p.cents > 0)
      .map((p): BarSegment => {
        const segment = { ...p, label: BAR_PART_LABELS[p.key], start: at / scale, width: p.cents / scale };
        at += p.cents;
        return segment;
      });
    return { id: row.id, label: row.label, totalCents: totals[i] ?? (0 as UsdCents), segments };
  });
}
