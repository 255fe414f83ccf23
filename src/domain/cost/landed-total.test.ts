import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jpy } from "../units/money.js";
import { landedCostInput, rules, stateFees } from "./landed-cost.arbitrary.js";
import { computeLandedCost } from "./landed-cost.js";
import { prepareLandedTotals } from "./landed-total.js";

describe("prepareLandedTotals", () => {
  it("gives computeLandedCost's total for every price and build year of a run (property)", () => {
    fc.assert(
      fc.property(
        landedCostInput,
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

  it("refuses what computeLandedCost refuses, with its error", () => {
    const base = { jpyPerUsd: 150, entryDate: "2027-01-15", state: "TX", fxRateDate: null } as const;
    const totals = prepareLandedTotals(base as never, rules, stateFees);
    expect(() => totals.total(-1, null)).toThrow(/priceJpy/);
    expect(() => totals.total(1.5, null)).toThrow(/priceJpy/);
    expect(() => totals.total(100_000, 2030)).toThrow(/buildYear/);
    expect(() => prepareLandedTotals({ ...base, state: "ZZ" } as never, rules, stateFees)).toThrow(/ZZ/);
  });
});
