import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { epochDay, fromEpochDay, isoDate } from "../units/dates.js";
import { jpy, usdCents } from "../units/money.js";
import { computeLandedCost } from "./landed-cost.js";
import { prepareLandedTotals } from "./landed-total.js";
import type { LandedCostInput } from "./types.js";

const { importRules: rules, stateFees } = loadFacts();
const codes = stateFees.map((s) => s.code);

const yen = (max: number) => fc.integer({ min: 0, max }).map(jpy);
const cents = (max: number) => fc.option(fc.integer({ min: 0, max }).map(usdCents), { nil: null });

// Entry dates from before the first fact (FY2024) to well after the last (FY2029), so every overlay
// window, fiscal-year boundary and the "beyond the data" estimate are exercised.
const entryDate = fc
  .integer({ min: epochDay(isoDate("2024-01-01")), max: epochDay(isoDate("2029-12-31")) })
  .map(fromEpochDay);

const landedCostInput: fc.Arbitrary<LandedCostInput> = fc.record({
  priceJpy: yen(80_000_000),
  japanFees: fc.option(
    fc.uniqueArray(
      fc.record({
        id: fc.constantFrom("auction", "agent", "inland", "port", "other"),
        label: fc.constant("fee"),
        jpy: yen(500_000),
        dutiable: fc.boolean(),
      }),
      { selector: (f) => f.id, maxLength: 5 },
    ),
    { nil: undefined },
  ),
  // 0.01 to 500 yen per dollar, with up to 6 decimals
  jpyPerUsd: fc.integer({ min: 10_000, max: 500_000_000 }).map((n) => n / 1_000_000),
  fxRateDate: fc.constant(null),
  entryDate,
  buildYear: fc.option(fc.integer({ min: 1960, max: 2024 }), { nil: null }),
  hts: fc.constantFrom("8704.31.0120", "8703.21.0150"),
  freightUsd: cents(1_000_000),
  insuranceJpy: fc.option(yen(100_000), { nil: null }),
  usCosts: fc.record({
    brokerUsd: cents(200_000),
    portUsd: cents(200_000),
    deliveryUsd: cents(500_000),
    isfBondUsd: cents(50_000),
    customsBondUsd: cents(50_000),
  }),
  hmfApplies: fc.boolean(),
  state: fc.option(fc.constantFrom(...codes), { nil: null }),
});

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
