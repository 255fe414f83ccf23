// The total of computeLandedCost (landed-cost.ts) for many prices and build years with everything else
// the same, as `keiyard lots` needs it: a million lots, a few hundred distinct prices, one arrival date,
// state and set of costs. computeLandedCost builds every line with its note and sources, which a lot's
// total does not need; run some thousand times in a worker that has just started, that cold work was
// the largest part of the worker's first block. Here what does not depend on the price is worked out
// once, by the engine's own functions, and a price costs a few multiplications.
//
// The total is the same number computeLandedCost gives, by construction and by a property test over
// states, dates, tariff periods, fees, quotes and prices (landed-total.test.ts). The lines that depend
// on the price are the vehicle price, and the charges on the customs value: duty, tariff overlays, MPF
// (clamped to its year's minimum and maximum), HMF and the state's motor vehicle tax (with its minimum
// and cap). Their rates, bounds and the sum of every other line come from one run of the engine's parts.
import type { ImportRules, StateFees } from "../../facts/schemas.js";
import {
  applyRate,
  dollarsToCents,
  type Jpy,
  jpyToUsdCents,
  maxCents,
  minCents,
  type UsdCents,
  usdCents,
} from "../units/money.js";
import { japanSide } from "./customs-value.js";
import { DEFAULT_HTS, dutyRateFor } from "./duty.js";
import { computeLandedCost } from "./landed-cost.js";
import { mpfFor } from "./mpf.js";
import { findStateFees, stateCharges } from "./state-charges.js";
import { type AgeStatus, ageStatusFor, tariffOverlayLines } from "./tariffs.js";
import type { LandedCostInput } from "./types.js";
import { quotedCosts } from "./user-costs.js";
import { validateInput } from "./validate.js";

/** What stays the same for every lot of a run. */
export type LandedCostBase = Omit<LandedCostInput, "priceJpy" | "buildYear">;

export interface LandedTotals {
  /** computeLandedCost({ ...base, priceJpy, buildYear }).totalCents; throws as it does for bad input. */
  total(priceJpy: number, buildYear: number | null): UsdCents;
}

/** A state's motor vehicle tax: a rate of the value, raised to a minimum, then capped (state-charges.ts). */
interface StateTax {
  rate: number;
  min: UsdCents | null;
  cap: UsdCents | null;
}

function stateTax(value: UsdCents, t: StateTax): UsdCents {
  let cents = applyRate(value, t.rate);
  if (t.min !== null && cents < t.min) cents = maxCents(cents, t.min);
  if (t.cap !== null && cents > t.cap) cents = minCents(cents, t.cap);
  return cents;
}

export function prepareLandedTotals(
  base: LandedCostBase,
  rules: ImportRules,
  stateFees: readonly StateFees[],
): LandedTotals {
  const probe: LandedCostInput = { ...base, priceJpy: 0 as Jpy, buildYear: null };
  validateInput(probe);
  const rate = base.jpyPerUsd;
  const entryDate = base.entryDate;
  const dutyRate = dutyRateFor(base.hts ?? DEFAULT_HTS, rules).rate;

  // Japan side without the vehicle: the fee lines (all counted in the total) and those in the customs value.
  const japan = japanSide(probe, rules);
  let feesCents = 0;
  let dutiableFeesCents = 0;
  for (const [i, fee] of (base.japanFees ?? []).entries()) {
    const cents = japan.lines[i + 1]!.cents;
    feesCents += cents;
    if (fee.dutiable !== false) dutiableFeesCents += cents;
  }

  // MPF: the entry date picks the year's rate, minimum and maximum, whatever the value.
  const mpf = mpfFor(entryDate, usdCents(0), rules);
  const hmfRate = (base.hmfApplies ?? true) ? rules.fees.hmf.rate : null;
  const quotedCents = quotedCosts(probe, rules).lines.reduce((a, l) => a + l.cents, 0);

  // The state: its fixed fees once; the tax, a rate with an optional minimum and cap, per value.
  let stateFixedCents = 0;
  let tax: StateTax | null = null;
  if (base.state) {
    const record = findStateFees(stateFees, base.state);
    for (const line of stateCharges(record, usdCents(0)).lines)
      if (line.id !== "state:tax") stateFixedCents += line.cents;
    const t = record.motorVehicleTax;
    if (t.rate !== null)
      tax = {
        rate: t.rate,
        min: t.minimumUsd === undefined ? null : dollarsToCents(t.minimumUsd),
        cap: t.capUsd === undefined ? null : dollarsToCents(t.capUsd),
      };
  }
  const fixedCents = feesCents + quotedCents + stateFixedCents;

  // Tariff overlays: which are charged, and at what rate, depends on the entry date, the duty rate and
  // whether the vehicle is age-excluded, not on the value (their lines are the rate of the value).
  const overlayRates = new Map<AgeStatus["kind"], number[]>();
  const ratesFor = (age: AgeStatus): number[] => {
    let rates = overlayRates.get(age.kind);
    if (!rates) {
      rates = tariffOverlayLines(usdCents(0), dutyRate, age, entryDate, rules)
        .decisions.filter((d) => d.outcome !== "not_charged")
        .map((d) => d.rate);
      overlayRates.set(age.kind, rates);
    }
    return rates;
  };

  const entryYear = Number(entryDate.slice(0, 4));
  return {
    total(priceJpy, buildYear) {
      // Anything computeLandedCost would refuse goes to it, for its error.
      if (
        !Number.isSafeInteger(priceJpy) ||
        priceJpy < 0 ||
        (buildYear !== null && (!Number.isInteger(buildYear) || buildYear < 1900 || buildYear > entryYear))
      )
        return computeLandedCost({ ...base, priceJpy: priceJpy as Jpy, buildYear }, rules, stateFees)
          .totalCents;
      const vehicle = jpyToUsdCents(priceJpy as Jpy, rate);
      const value = usdCents(vehicle + dutiableFeesCents);
      // MPF as mpf.ts rounds and clamps it: the rate of the value, within the year's minimum and maximum.
      const mpfCents = maxCents(mpf.min, minCents(mpf.max, applyRate(value, mpf.rate)));
      let total = vehicle + fixedCents + applyRate(value, dutyRate) + mpfCents;
      for (const r of ratesFor(ageStatusFor(entryDate, buildYear, rules))) total += applyRate(value, r);
      if (hmfRate !== null) total += applyRate(value, hmfRate);
      if (tax) total += stateTax(value, tax);
      return usdCents(total);
    },
  };
}
