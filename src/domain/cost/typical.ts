// Typical ranges for costs the user has not entered, from import-rules.json `typicalCosts`. They are
// shown beside a "not included" item and never added to the total.
import type { ImportRules } from "../../facts/schemas.js";
import { resolveSources, type Source } from "../sources.js";
import { dollarsToCents, type Jpy, jpyToUsdCents } from "../units/money.js";
import { jpyText, usdText } from "./format.js";
import type { TypicalRange } from "./types.js";

/** Stands for the figure the user typed in: a quote, a price, a rate. */
export const USER_INPUT_SOURCE: Source = { title: "Your input (the price or quote you entered)", url: null };

export type TypicalCost = ImportRules["typicalCosts"][number];

/** The typical costs of a rules object by item (the first of each), made once per rules object. */
const byItem = new WeakMap<ImportRules, Map<string, TypicalCost>>();

export function typicalCost(item: string, rules: ImportRules): TypicalCost | undefined {
  let items = byItem.get(rules);
  if (!items) {
    items = new Map();
    for (const t of rules.typicalCosts) if (!items.has(t.item)) items.set(t.item, t);
    byItem.set(rules, items);
  }
  return items.get(item);
}

/**
 * The item's range in cents, or undefined where the data has none (broker fee, US port fees, delivery).
 * Yen-sourced items are converted at the user's rate: the USD band in the data uses illustrative rates
 * that are "an assumption, not a sourced rate" (import-rules.json meta.notes[4]).
 */
export function typicalRangeFor(
  item: string,
  rules: ImportRules,
  jpyPerUsd: number,
): TypicalRange | undefined {
  const t = typicalCost(item, rules);
  if (!t) return undefined;
  const sources = resolveSources(t.source, rules.sources);
  if (t.lowJpy !== undefined && t.highJpy !== undefined) {
    return {
      low: jpyToUsdCents(t.lowJpy as Jpy, jpyPerUsd),
      high: jpyToUsdCents(t.highJpy as Jpy, jpyPerUsd),
      basis: `${jpyText(t.lowJpy)} to ${jpyText(t.highJpy)} converted at ${jpyPerUsd} JPY/USD. ${t.notes}`,
      confidence: t.confidence,
      sources,
    };
  }
  if (t.lowUsd === null || t.highUsd === null) return undefined;
  const low = dollarsToCents(t.lowUsd);
  const high = dollarsToCents(t.highUsd);
  return {
    low,
    high,
    basis: `${usdText(low)} to ${usdText(high)}. ${t.notes}`,
    confidence: t.confidence,
    sources,
  };
}
