// Landed cost: a yen price in Japan -> the delivered and registered total in dollars, itemized. Every
// line is rounded half-up to the cent before summing, so the total is exactly the sum of the lines a
// user sees; every line carries the sources of its rule. Costs the engine cannot know (quotes, unknown
// state fees) are listed under `notIncluded` and never counted as zero.
import type { ImportRules, StateFees } from "../../facts/schemas.js";
import { resolveSources } from "../sources.js";
import { dateParts, type IsoDate } from "../units/dates.js";
import { applyRate, sumCents, type UsdCents } from "../units/money.js";
import { japanSide } from "./customs-value.js";
import { DEFAULT_HTS, type DutyRate, dutyRateFor } from "./duty.js";
import { percentText, usdText } from "./format.js";
import { mpfFor } from "./mpf.js";
import { findStateFees, stateCharges } from "./state-charges.js";
import { type AgeStatus, ageStatusFor, tariffOverlayLines } from "./tariffs.js";
import type { CostGroup, CostLine, LandedCost, LandedCostInput } from "./types.js";
import { quotedCosts } from "./user-costs.js";
import { validateInput } from "./validate.js";

const GROUP_ORDER: readonly CostGroup[] = ["japan", "shipping", "federal", "us", "state"];

function dutyLine(duty: DutyRate, value: UsdCents, rules: ImportRules): CostLine {
  const r = duty.record;
  const caution = r.confidence === "high" ? "" : ` Classification confidence: ${r.confidence}. ${r.notes}`;
  return {
    id: "duty",
    label: `Import duty (HTS ${r.hts})`,
    cents: applyRate(value, duty.rate),
    estimate: false,
    note: `${r.rateText} of the customs value ${usdText(value)}.${caution}`,
    source: resolveSources(r.source, rules.sources),
    group: "federal",
  };
}

function hmfLine(value: UsdCents, rules: ImportRules): CostLine {
  const hmf = rules.fees.hmf;
  // Default on: most kei trucks land at a port listed in 19 CFR 24.24(b) (fees.hmf.appliesTo).
  const where = `Assumed: unloaded at a port listed in 19 CFR 24.24(b); it applies to ${hmf.appliesTo}. If your port is not listed, leave it out.`;
  return {
    id: "hmf",
    label: "Harbor maintenance fee (HMF)",
    cents: applyRate(value, hmf.rate),
    estimate: false,
    note: `${percentText(hmf.rate)} of the customs value, no minimum or maximum. ${where}`,
    source: resolveSources(hmf.source, rules.sources),
    group: "federal",
  };
}

function ageWarnings(input: LandedCostInput, age: AgeStatus): string[] {
  const out: string[] = [];
  if (age.kind === "assumed_excluded")
    out.push(
      "Build year not given: assumed 25 or more calendar years old at entry (a kei vehicle must be 25 years old to be imported), so no Section 232 duty. Enter the build year to check.",
    );
  const buildYear = input.buildYear ?? null;
  const years = buildYear === null ? null : dateParts(input.entryDate).year - buildYear;
  // Fewer than 25 calendar years means fewer than 25 years by date of manufacture too.
  if (years !== null && years < 25)
    out.push(
      `Built in ${buildYear}: under 25 years old at entry. Such a vehicle generally cannot be imported under the FMVSS 25-year exemption (49 U.S.C. 30112(b)(9)); the figures are for comparison only.`,
    );
  return out;
}

function sortLines(lines: CostLine[]): CostLine[] {
  return lines
    .map((line, i) => ({ line, i }))
    .sort((a, b) => GROUP_ORDER.indexOf(a.line.group) - GROUP_ORDER.indexOf(b.line.group) || a.i - b.i)
    .map((x) => x.line);
}

function sumGroup(lines: readonly CostLine[], test: (l: CostLine) => boolean): UsdCents {
  return sumCents(lines.filter(test).map((l) => l.cents));
}

/**
 * The itemized landed cost of a vehicle bought in Japan for `input.priceJpy` and entered on
 * `input.entryDate`. Throws LandedCostError for an unknown HTS line or state, or impossible input.
 */
export function computeLandedCost(
  input: LandedCostInput,
  rules: ImportRules,
  stateFees: readonly StateFees[],
): LandedCost {
  validateInput(input);
  const duty = dutyRateFor(input.hts ?? DEFAULT_HTS, rules);
  const stateRecord = input.state ? findStateFees(stateFees, input.state) : null;
  const entryDate = input.entryDate;
  const warnings: string[] = [];

  const japan = japanSide(input, rules);
  const value = japan.customsValue;
  const age = ageStatusFor(entryDate, input.buildYear ?? null, rules);
  warnings.push(...ageWarnings(input, age));
  const overlays = tariffOverlayLines(value, duty.rate, age, entryDate, rules);
  warnings.push(...overlays.warnings);

  const mpf = mpfFor(entryDate, value, rules);
  if (mpf.estimate) warnings.push(`MPF: ${mpf.note}`);
  const mpfLine: CostLine = {
    id: "mpf",
    label: "Merchandise processing fee (MPF)",
    cents: mpf.cents,
    estimate: mpf.estimate,
    note: mpf.note,
    source: mpf.sources,
    group: "federal",
  };
  const hmfApplies = input.hmfApplies ?? true;
  const hmf = hmfApplies ? [hmfLine(value, rules)] : [];
  if (!hmfApplies)
    warnings.push("Harbor maintenance fee left out: you said the port is not listed in 19 CFR 24.24(b).");

  const quoted = quotedCosts(input, rules);
  const state = stateRecord ? stateCharges(stateRecord, value) : null;
  if (state) warnings.push(...state.warnings);
  // customsValue.currencyConversion: CBP converts at the FRBNY certified quarterly rate (19 CFR 159).
  if (!input.fxRateDate)
    warnings.push(
      "No date given for the exchange rate. CBP converts at the certified rate for the quarter of the date of exportation (19 CFR 159.31-159.34); the figures use the rate you entered.",
    );

  const lines = sortLines([
    ...japan.lines,
    dutyLine(duty, value, rules),
    ...overlays.lines,
    mpfLine,
    ...hmf,
    ...quoted.lines,
    ...(state?.lines ?? []),
  ]);
  const isFederal = (l: CostLine) => l.group === "federal";
  return {
    customsValueCents: value,
    dutyCents: sumGroup(lines, (l) => l.id === "duty"),
    overlayCents: sumCents(overlays.lines.map((l) => l.cents)),
    mpfCents: mpf.cents,
    hmfCents: sumCents(hmf.map((l) => l.cents)),
    federalChargesCents: sumGroup(lines, isFederal),
    totalCents: sumGroup(lines, () => true),
    lines,
    notIncluded: [...japan.notIncluded, ...quoted.notIncluded, ...(state?.notIncluded ?? [])],
    tariffs: overlays.decisions,
    warnings,
    hts: {
      code: duty.record.hts,
      description: duty.record.description,
      rate: duty.rate,
      rateText: duty.record.rateText,
      confidence: duty.record.confidence,
    },
    fx: { jpyPerUsd: input.jpyPerUsd, date: (input.fxRateDate ?? null) as IsoDate | null },
    entryDate,
    state: stateRecord
      ? {
          code: stateRecord.code,
          name: stateRecord.name,
          confidence: stateRecord.confidence,
          lastReviewed: stateRecord.lastReviewed,
        }
      : null,
    disclaimer: rules.meta.disclaimer,
  };
}
