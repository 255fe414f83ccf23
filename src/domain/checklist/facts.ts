// Readers for the descriptive parts of import-rules.json that the schema leaves loose (fees.isf,
// fees.customsBond, fees.entryDeadline, fmvss.form, typicalCosts): a missing value reads as null, never
// as a guess, so the step can say "unknown".
import type { ImportRules } from "../../facts/schemas.js";
import { resolveSources, type Source } from "../sources.js";

export type Loose = Readonly<Record<string, unknown>>;

export function section(value: unknown): Loose {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Loose) : {};
}

export function text(obj: Loose, key: string): string | null {
  const v = obj[key];
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

export function amount(obj: Loose, key: string): number | null {
  const v = obj[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function texts(obj: Loose, key: string): string[] {
  const v = obj[key];
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
}

/** Source ids of a loose section: its `source`/`sources` list plus any `source` of its nested examples. */
export function sectionSourceIds(obj: Loose): string[] {
  const ids = [...texts(obj, "source"), ...texts(obj, "sources")];
  for (const v of Object.values(obj)) {
    const nested = Array.isArray(v) ? v : [v];
    for (const n of nested) {
      const s = section(n);
      const src = s.source;
      if (typeof src === "string") ids.push(src);
      else ids.push(...texts(s, "source"));
    }
  }
  return [...new Set(ids)];
}

export function sourcesOf(ids: readonly string[], rules: ImportRules): Source[] {
  return resolveSources([...new Set(ids)], rules.sources);
}

export function typicalCost(rules: ImportRules, item: string) {
  return rules.typicalCosts.find((c) => c.item === item) ?? null;
}

export function fee(rules: ImportRules, key: string): Loose {
  return section((rules.fees as Loose)[key]);
}

/** "$5,000" (whole dollars) or "$141.37". */
export function usd(n: number): string {
  const [whole = "0", cents] = String(n).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return cents === undefined ? `$${grouped}` : `$${grouped}.${cents.padEnd(2, "0")}`;
}

/** The text as one sentence: trimmed, ending in exactly one full stop (or its own ? or !). */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
