import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { isoDate } from "../units/dates.js";
import { jpy } from "../units/money.js";
import { computeLandedCost } from "./landed-cost.js";
import { landedCostInput } from "./landed-cost.test-support.js";
import { prepareLandedTotals } from "./landed-total.js";
import type { LandedCostInput } from "./types.js";

const { importRules: rules, stateFees } = loadFacts();

describe("prepareLandedTotals", () => {
  it("gives computeLandedCost's total for every price and build year of a run (property)", () => {
    fc.assert(
      fc.property(
        landedCostInput(stateFees.map((s) => s.code)),
        fc.array(
          fc.record({
            price: fc.oneof(
              fc.integer({ min: 0, max: 80_000_000 }),
              fc.integer({ min: 0, max: 3000 }).map((k) => k * 1000),
            ),
            buildYear: fc.option(fc.integer({ min: 1960, max: 2024 }), { nil: null }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        ({ priceJpy: _, buildYear: __, ...base }, lots) => {
          const totals = prepareLandedTotals(base, rules, stateFees);
          for (const { price, buildYear } of lots) {
            const year =
              buildYear !== null && buildYear > Number(base.entryDate.slice(0, 4)) ? null : buildYear;
            const full = computeLandedCost(
              { ...base, priceJpy: jpy(price), buildYear: year },
              rules,
              stateFees,
            );
            expect(totals.total(price, year)).toBe(full.totalCents);
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  // Fixed cases the property test reaches only by chance: a state's tax minimum and cap, and the
  // defaults of inputs left out (dutiable Japan fees, the harbor maintenance fee).
  const base = { jpyPerUsd: 150, entryDate: isoDate("2027-01-15"), fxRateDate: null } as const;
  const full = (input: Omit<LandedCostInput, "priceJpy">, price: number) =>
    computeLandedCost({ ...input, priceJpy: jpy(price), buildYear: null }, rules, stateFees);

  it.each([
    { state: "VA", price: 1_000, taxCents: 7_500, why: "4.15% of a few dollars is under the $75 minimum" },
    { state: "WV", price: 1_000, taxCents: 3_000, why: "6% of a few dollars is under the $30 minimum" },
    { state: "SC", price: 5_000_000, taxCents: 50_000, why: "5% of some $33,000 is over the $500 cap" },
  ])("gives the engine's total in $state, where $why", ({ state, price, taxCents }) => {
    const cost = full({ ...base, state }, price);
    expect(cost.lines.find((l) => l.id === "state:tax")?.cents).toBe(taxCents);
    expect(prepareLandedTotals({ ...base, state }, rules, stateFees).total(price, null)).toBe(
      cost.totalCents,
    );
  });

  it("takes Japan fees as dutiable and the harbor fee as due when the input leaves them out", () => {
    const fees = [{ id: "auction", label: "fee", jpy: jpy(60_000) }];
    const omitted = { ...base, state: "TX", japanFees: fees };
    const spelled = { ...omitted, japanFees: [{ ...fees[0]!, dutiable: true }], hmfApplies: true };
    const price = 400_000;
    const total = prepareLandedTotals(omitted, rules, stateFees).total(price, null);
    expect(total).toBe(full(omitted, price).totalCents);
    expect(total).toBe(full(spelled, price).totalCents);
    // and the defaults matter: the other choice of either gives another total
    expect(total).not.toBe(full({ ...spelled, hmfApplies: false }, price).totalCents);
    const notDutiable = { ...spelled, japanFees: [{ ...fees[0]!, dutiable: false }] };
    expect(total).not.toBe(full(notDutiable, price).totalCents);
  });

  it("refuses what computeLandedCost refuses, with its error", () => {
    const base = { jpyPerUsd: 150, entryDate: "2027-01-15", state: "TX", fxRateDate: null } as const;
    const totals = prepareLandedTotals(base as never, rules, stateFees);
    expect(() => totals.total(-1, null)).toThrow(/priceJpy/);
    expect(() => totals.total(1.5, null)).toThrow(/priceJpy/);
    expect(() => totals.total(100_000, 2030)).toThrow(/buildYear/);
    expect(() => prepareLandedTotals({ ...base, state: "ZZ" } as never, rules, stateFees)).toThrow(/ZZ/);
  });
});
