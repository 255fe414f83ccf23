// What the destination state charges to title and register the truck, from state-fees.json: motor
// vehicle (sales/use) tax, title fee, registration fee and other fixed fees. Unknown values are null in
// the data and become `notIncluded` items with reason "unknown", never a zero.
import type { StateFees } from "../../facts/schemas.js";
import { linkSources, type Source } from "../sources.js";
import { applyRate, dollarsToCents, maxCents, minCents, type UsdCents } from "../units/money.js";
import { LandedCostError } from "./errors.js";
import { percentText, usdText } from "./format.js";
import type { CostLine, NotIncluded } from "./types.js";

export interface StateCharges {
  lines: CostLine[];
  notIncluded: NotIncluded[];
  warnings: string[];
}

/** The state's record by code (case-insensitive); throws LandedCostError "unknown_state". */
/** The records of a state-fees list by code (the first of each), made once per list. */
const byCode = new WeakMap<readonly StateFees[], Map<string, StateFees>>();

export function findStateFees(stateFees: readonly StateFees[], code: string): StateFees {
  let codes = byCode.get(stateFees);
  if (!codes) {
    codes = new Map();
    for (const s of stateFees) if (!codes.has(s.code)) codes.set(s.code, s);
    byCode.set(stateFees, codes);
  }
  const found = codes.get(code.trim().toUpperCase());
  if (!found) throw new LandedCostError("unknown_state", `"${code}" is not a US state or DC code`, "state");
  return found;
}

function confidenceNote(fees: StateFees): string {
  return fees.confidence === "high"
    ? ""
    : ` Confidence: ${fees.confidence} (rests on secondary or partial sources; check with the DMV).`;
}

/**
 * The motor vehicle tax. Taxable base: the purchase price in USD, i.e. the customs value (the price of
 * the vehicle as sold, with Japan-side fees). States differ (fair market value, NADA value, Hawaii's
 * landed value, used-vehicle bands), so the line is always an estimate and carries the state's notes.
 */
function taxLine(fees: StateFees, base: UsdCents, sources: Source[]): CostLine | NotIncluded {
  const tax = fees.motorVehicleTax;
  if (tax.rate === null)
    return {
      id: "state:tax",
      label: `${fees.name} motor vehicle tax`,
      reason: "unknown: the rate is not in our data",
      note: tax.notes ?? undefined,
      group: "state",
      source: sources,
    };
  let cents = applyRate(base, tax.rate);
  const parts = [`${percentText(tax.rate)} of ${usdText(base)}`];
  if (tax.minimumUsd !== undefined && cents < dollarsToCents(tax.minimumUsd)) {
    cents = maxCents(cents, dollarsToCents(tax.minimumUsd));
    parts.push(`the state minimum of ${usdText(cents)} applies`);
  }
  if (tax.capUsd !== undefined && cents > dollarsToCents(tax.capUsd)) {
    cents = minCents(cents, dollarsToCents(tax.capUsd));
    parts.push(`capped at ${usdText(cents)}`);
  }
  return {
    id: "state:tax",
    label: `${fees.name} motor vehicle tax`,
    cents,
    estimate: true,
    note: `${parts.join("; ")}. Taxable base assumed to be the purchase price in USD (the customs value); the base varies by state (see details).${confidenceNote(fees)}`,
    detail: tax.notes ?? undefined,
    source: sources,
    group: "state",
  };
}

function registrationLine(fees: StateFees, sources: Source[]): CostLine | NotIncluded {
  const reg = fees.registrationFeeUsd;
  const label = `${fees.name} registration`;
  if (reg === null)
    return {
      id: "state:registration",
      label,
      reason: "unknown: no single figure in our data",
      note: fees.notes ?? undefined,
      group: "state",
      source: sources,
    };
  const term =
    fees.registrationTermYears !== null && fees.registrationTermYears !== 1
      ? ` Figure per year; the state registers for ${fees.registrationTermYears} years at a time, so the first payment may be larger.`
      : "";
  const isRange = typeof reg !== "number";
  const cents = dollarsToCents(isRange ? reg.min : reg);
  const range = isRange ? `Lowest of the range ${usdText(cents)}-${usdText(dollarsToCents(reg.max))}.` : "";
  return {
    id: "state:registration",
    label,
    cents,
    estimate: isRange,
    note: `${range}${term}${confidenceNote(fees)}`.trim() || undefined,
    detail: fees.notes ?? undefined,
    source: sources,
    group: "state",
  };
}

function titleLine(fees: StateFees, sources: Source[]): CostLine | NotIncluded {
  const label = `${fees.name} title fee`;
  if (fees.titleFeeUsd === null)
    return {
      id: "state:title",
      label,
      reason: "unknown: no single figure in our data",
      note: fees.notes ?? undefined,
      group: "state",
      source: sources,
    };
  return {
    id: "state:title",
    label,
    cents: dollarsToCents(fees.titleFeeUsd),
    estimate: false,
    note: confidenceNote(fees).trim() || undefined,
    detail: fees.notes ?? undefined,
    source: sources,
    group: "state",
  };
}

function isLine(x: CostLine | NotIncluded): x is CostLine {
  return "cents" in x;
}

/** Lines (group "state") for the state's taxes and fees on a purchase of `taxableBase`. */
export function stateCharges(fees: StateFees, taxableBase: UsdCents): StateCharges {
  const sources = linkSources(fees.sources);
  const out: StateCharges = { lines: [], notIncluded: [], warnings: [] };
  for (const item of [
    taxLine(fees, taxableBase, sources),
    titleLine(fees, sources),
    registrationLine(fees, sources),
  ]) {
    if (isLine(item)) out.lines.push(item);
    else out.notIncluded.push(item);
  }
  for (const [i, other] of (fees.otherFees ?? []).entries()) {
    out.lines.push({
      id: `state:other:${i}`,
      label: `${fees.name}: ${other.name}`,
      cents: dollarsToCents(other.usd),
      estimate: false,
      note: confidenceNote(fees).trim() || undefined,
      source: sources,
      group: "state",
    });
  }
  if (fees.motorVehicleTax.localAddOns === true)
    out.warnings.push(`${fees.name}: local taxes not included (counties and cities add their own).`);
  if (fees.motorVehicleTax.localAddOns === null)
    out.warnings.push(`${fees.name}: whether local taxes apply is unknown; local taxes not included.`);
  return out;
}
