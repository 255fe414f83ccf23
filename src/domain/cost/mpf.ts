// Merchandise processing fee (19 U.S.C. 58c(a)(9)) on a formal entry: an ad valorem rate of the entered
// value, clamped to the fiscal year's minimum and maximum. The figures come from
// import-rules.json `fees.mpf.history`, one record per federal fiscal year (1 October - 30 September).
import type { ImportRules, MpfYear } from "../../facts/schemas.js";
import { resolveSources, type Source, uniqueSources } from "../sources.js";
import { dateParts, type IsoDate } from "../units/dates.js";
import { applyRate, dollarsToCents, maxCents, minCents, type UsdCents } from "../units/money.js";
import { percentText, usdText } from "./format.js";

export interface MpfResult {
  cents: UsdCents;
  /** The federal fiscal year of the entry date (FY2026 runs 2025-10-01 to 2026-09-30). */
  fiscalYear: number;
  /** The fiscal year whose rate, minimum and maximum were used (differs from fiscalYear when estimated). */
  figuresFromFiscalYear: number;
  rate: number;
  min: UsdCents;
  max: UsdCents;
  /** Which bound decided the fee, if any. */
  bound: "min" | "max" | null;
  /** True when the entry date's own figures are not in the data and a nearby year's were used. */
  estimate: boolean;
  note: string;
  sources: Source[];
}

/** Federal fiscal year: October to December count toward the next calendar year. */
export function fiscalYearOf(date: IsoDate): number {
  const { year, month } = dateParts(date);
  return month >= 10 ? year + 1 : year;
}

type KnownYear = MpfYear & { min: number; max: number };

function hasLimits(y: MpfYear): y is KnownYear {
  return y.min !== null && y.max !== null;
}

/**
 * The year whose figures apply, and whether that is an estimate. Policy (import-rules.json meta.notes:
 * "FY2027 MPF limits ... were NOT found"): a year in the data without min/max, or a date after the data,
 * uses the LATEST year with known limits; a date before the data uses the EARLIEST. Both are flagged.
 */
function pickYear(history: readonly MpfYear[], date: IsoDate): { own: MpfYear | null; used: KnownYear } {
  const own = history.find((y) => y.effectiveFrom <= date && date <= y.effectiveTo) ?? null;
  if (own && hasLimits(own)) return { own, used: own };
  const known = history.filter(hasLimits).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const first = known[0];
  const last = known.at(-1);
  if (!first || !last) throw new Error("import-rules.json fees.mpf.history has no year with min and max");
  const used = !own && date < first.effectiveFrom ? first : last;
  return { own, used };
}

/** MPF for a formal entry on `entryDate` of goods with `enteredValue`, half-up to the cent. */
export function mpfFor(entryDate: IsoDate, enteredValue: UsdCents, rules: ImportRules): MpfResult {
  const fiscalYear = fiscalYearOf(entryDate);
  const { own, used } = pickYear(rules.fees.mpf.history, entryDate);
  const estimate = own !== used;
  // The entry's own year may carry a newer rate even when its limits are unknown (FY2027 does).
  const rate = own?.rate ?? used.rate;
  const min = dollarsToCents(used.min);
  const max = dollarsToCents(used.max);
  // Rounded to the cent before clamping (fees.mpf.rounding: "to the cent (assumption)").
  const raw = applyRate(enteredValue, rate);
  const cents = maxCents(min, minCents(max, raw));
  const bound = raw < min ? "min" : raw > max ? "max" : null;

  const parts = [
    `FY${fiscalYear}: ${percentText(rate)} of the entered value, minimum ${usdText(min)}, maximum ${usdText(max)}`,
  ];
  if (bound === "min") parts.push("the minimum applies");
  if (bound === "max") parts.push("the maximum applies");
  if (estimate)
    parts.push(
      own
        ? `FY${own.fiscalYear} limits are not in our data yet, so FY${used.fiscalYear}'s are used (estimate)`
        : `no MPF figures for FY${fiscalYear} in our data, so FY${used.fiscalYear}'s are used (estimate)`,
    );
  parts.push("formal entry assumed");

  return {
    cents,
    fiscalYear,
    figuresFromFiscalYear: used.fiscalYear,
    rate,
    min,
    max,
    bound,
    estimate,
    note: `${parts.join("; ")}.`,
    sources: uniqueSources([
      resolveSources(used.source, rules.sources),
      resolveSources(own?.source ?? [], rules.sources),
    ]),
  };
}
