// Additional duties layered on the column-1 rate by entry date, from import-rules.json `tariffOverlays`
// (each in force from effectiveFrom to effectiveTo inclusive; effectiveTo null = open-ended).
//
// Policy for overlays whose applicability is uncertain (an overlay with `appliesToAgeExemptVehicles:
// "uncertain"` or a "low" in its confidence, i.e. the IEEPA baseline of 2025-04-05..2025-08-06 and the
// Section 122 surcharge of 2026-02-24..2026-07-23): they are INCLUDED as lines flagged `estimate: true`
// with a note saying applicability is uncertain. Conservative: the estimate errs on the higher cost, and
// the buyer sees the line and can ask a broker, instead of finding a surprise on the entry summary.
import type { ImportRules } from "../../facts/schemas.js";
import { resolveSources, type Source, uniqueSources } from "../sources.js";
import { dateParts, type IsoDate } from "../units/dates.js";
import { applyRate, type UsdCents } from "../units/money.js";
import { fromPpm, percentText, toPpm } from "./format.js";
import { field } from "./loose.js";
import type { CostLine, TariffDecision } from "./types.js";

type Overlay = ImportRules["tariffOverlays"][number];

/**
 * 15% all-in for products of Japan under the 2025 US-Japan agreement. The data states it only in prose:
 * tariffOverlays["s232-autos"].japanRule.rule (9903.94.40) and ["ieepa-reciprocal-japan"].rule
 * (9903.02.72 / 9903.02.73): column-1 >= 15% adds 0%; below 15% is topped up to 15% in total.
 */
export const JAPAN_ALL_IN_PPM = 150_000;

/** Section 232 age exclusion (section232AgeExclusion, 9903.94.04): whole calendar years, not days. */
export type AgeStatus =
  | { kind: "excluded"; calendarYears: number }
  | { kind: "not_excluded"; calendarYears: number | null }
  | { kind: "assumed_excluded" };

export function ageStatusFor(entryDate: IsoDate, buildYear: number | null, rules: ImportRules): AgeStatus {
  const rule = rules.section232AgeExclusion;
  // Before the exclusion existed there was nothing to be excluded from; no 232 overlay was in force then.
  if (entryDate < rule.effectiveFrom) return { kind: "not_excluded", calendarYears: null };
  // Unknown build year: every legally imported kei vehicle passes the FMVSS 25-year test, and anything
  // passing it also passes the 25-calendar-year 232 exclusion (import-rules.json meta.notes[0]).
  if (buildYear === null) return { kind: "assumed_excluded" };
  const calendarYears = dateParts(entryDate).year - buildYear;
  return calendarYears >= 25 ? { kind: "excluded", calendarYears } : { kind: "not_excluded", calendarYears };
}

function isAgeExcluded(age: AgeStatus): boolean {
  return age.kind !== "not_excluded";
}

function isUncertain(o: Overlay): boolean {
  return field(o, "appliesToAgeExemptVehicles") === "uncertain" || /\blow\b/i.test(o.confidence);
}

export function overlaysInForce(rules: ImportRules, entryDate: IsoDate): Overlay[] {
  return rules.tariffOverlays
    .filter((o) => o.effectiveFrom <= entryDate && (o.effectiveTo === null || entryDate <= o.effectiveTo))
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

type Verdict =
  | { charge: false; reason: string; extraSources?: readonly string[] }
  | { charge: true; ppm: number; reason: string; extraSources?: readonly string[]; forceEstimate?: boolean };

interface Context {
  entryDate: IsoDate;
  dutyPpm: number;
  /** Column-1 plus every overlay charged so far, for the "top up to 15% all-in" rules. */
  allInPpm: number;
  age: AgeStatus;
  rules: ImportRules;
}

function ageReason(age: AgeStatus): string {
  if (age.kind === "excluded")
    return `Age-excluded: ${age.calendarYears} calendar years old at entry (25 or more, 9903.94.04).`;
  return "Assumed age-excluded (build year not given): a kei vehicle must be 25 years old to be imported, which also meets the 25-calendar-year exclusion (9903.94.04).";
}

function topUp(ctx: Context, heading: string): Verdict {
  const ppm = Math.max(0, JAPAN_ALL_IN_PPM - ctx.allInPpm);
  if (ppm === 0)
    return { charge: false, reason: `Already at least 15% in total: nothing to top up (${heading}).` };
  return {
    charge: true,
    ppm,
    reason: `Product of Japan with a column-1 rate of ${percentText(fromPpm(ctx.dutyPpm))} (< 15%): topped up to 15% in total (${heading}).`,
  };
}

function s232(o: Overlay, ctx: Context): Verdict {
  const exclusion = ctx.rules.section232AgeExclusion.sources;
  if (isAgeExcluded(ctx.age)) return { charge: false, reason: ageReason(ctx.age), extraSources: exclusion };
  const japanFrom = field(field(o, "japanRule"), "effectiveFrom");
  if (typeof japanFrom === "string" && japanFrom <= ctx.entryDate) {
    if (ctx.dutyPpm >= JAPAN_ALL_IN_PPM)
      return {
        charge: false,
        reason: `Product of Japan with a column-1 rate of ${percentText(fromPpm(ctx.dutyPpm))} (15% or more): no additional Section 232 duty (9903.94.40).`,
      };
    return topUp(ctx, "9903.94.40");
  }
  return {
    charge: true,
    ppm: toPpm(o.rate ?? 0),
    reason: "Not age-excluded: additional Section 232 duty (9903.94.01).",
  };
}

function ieepaJapan(ctx: Context): Verdict {
  if (ctx.dutyPpm >= JAPAN_ALL_IN_PPM)
    return {
      charge: false,
      reason: "Product of Japan with a column-1 rate of 15% or more: +0% (9903.02.72).",
    };
  return topUp(ctx, "9903.02.73");
}

function s122(o: Overlay, ctx: Context): Verdict {
  // The surcharge exempts "goods subject to Section 232" (exemptions, 9903.03.02-9903.03.11): that is
  // certain for a vehicle that is not age-excluded; for an age-excluded one it is not verified.
  if (!isAgeExcluded(ctx.age))
    return { charge: false, reason: "Exempt: goods subject to Section 232 (9903.03.02-9903.03.11)." };
  const why = field(o, "appliesToKeiTrucks");
  return {
    charge: true,
    ppm: toPpm(o.rate ?? 0),
    reason: typeof why === "string" ? `Kei trucks: ${why}.` : "",
  };
}

const MODELLED = new Set([
  "s232-autos",
  "ieepa-reciprocal-japan",
  "s122-surcharge",
  "ieepa-reciprocal-baseline",
]);

function verdictFor(o: Overlay, ctx: Context): Verdict {
  switch (o.id) {
    case "s232-autos":
      return s232(o, ctx);
    case "ieepa-reciprocal-japan":
      return ieepaJapan(ctx);
    case "s122-surcharge":
      return s122(o, ctx);
    case "ieepa-reciprocal-baseline":
      return { charge: true, ppm: toPpm(o.rate ?? 0), reason: "Baseline reciprocal duty on most imports." };
    default:
      // An overlay added to the data without a rule here: charge its flat rate if it has one, flagged.
      if (typeof o.rate === "number")
        return { charge: true, ppm: toPpm(o.rate), reason: "Not modelled in detail.", forceEstimate: true };
      return { charge: false, reason: "Not modelled in detail and has no flat rate: not included." };
  }
}

export interface OverlayResult {
  lines: CostLine[];
  decisions: TariffDecision[];
  warnings: string[];
}

/** Lines (group "federal") for the overlays in force on the entry date, on the customs value. */
export function tariffOverlayLines(
  customsValue: UsdCents,
  dutyRate: number,
  age: AgeStatus,
  entryDate: IsoDate,
  rules: ImportRules,
): OverlayResult {
  const ctx: Context = { entryDate, dutyPpm: toPpm(dutyRate), allInPpm: toPpm(dutyRate), age, rules };
  const out: OverlayResult = { lines: [], decisions: [], warnings: [] };
  for (const o of overlaysInForce(rules, entryDate)) {
    const v = verdictFor(o, ctx);
    if (!MODELLED.has(o.id))
      out.warnings.push(
        `Tariff overlay ${o.id} (${o.authority}) is in force on the entry date but not modelled in detail.`,
      );
    const sources: Source[] = uniqueSources([
      resolveSources(o.source, rules.sources),
      resolveSources(v.extraSources ?? [], rules.sources),
    ]);
    const base = { id: o.id, authority: o.authority, sources };
    if (!v.charge) {
      out.decisions.push({ ...base, outcome: "not_charged", rate: 0, reason: v.reason });
      continue;
    }
    ctx.allInPpm += v.ppm;
    const rate = fromPpm(v.ppm);
    const estimate = isUncertain(o) || v.forceEstimate === true;
    const uncertainty = estimate
      ? ` Applicability to this vehicle is uncertain (confidence: ${o.confidence}); included to be conservative (higher cost).`
      : "";
    out.decisions.push({ ...base, outcome: estimate ? "estimated" : "charged", rate, reason: v.reason });
    out.lines.push({
      id: `tariff:${o.id}`,
      label: `Additional duty: ${o.authority}`,
      cents: applyRate(customsValue, rate),
      estimate,
      note: `${percentText(rate)} of the customs value, in force ${o.effectiveFrom} to ${o.effectiveTo ?? "further notice"}. ${v.reason}${uncertainty}`.trim(),
      detail: typeof o.notes === "string" ? o.notes : undefined,
      source: sources,
      group: "federal",
    });
    if (estimate)
      out.warnings.push(
        `${o.authority}: included as an estimate because whether it applies to this vehicle is uncertain; ask your broker.`,
      );
  }
  return out;
}
