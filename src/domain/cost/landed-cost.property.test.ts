import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { epochDay, fromEpochDay, isoDate } from "../units/dates.js";
import { jpy, usdCents } from "../units/money.js";
import { computeLandedCost } from "./landed-cost.js";
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

const input = landedCostInput;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe("computeLandedCost properties", () => {
  it("the lines sum to the total and the federal lines to the federal charges", () => {
    fc.assert(
      fc.property(input, (i) => {
        const c = computeLandedCost(i, rules, stateFees);
        expect(c.totalCents).toBe(sum(c.lines.map((l) => l.cents)));
        const federal = c.lines.filter((l) => l.group === "federal");
        expect(c.federalChargesCents).toBe(sum(federal.map((l) => l.cents)));
        expect(c.federalChargesCents).toBe(c.dutyCents + c.overlayCents + c.mpfCents + c.hmfCents);
        for (const l of c.lines) {
          expect(Number.isSafeInteger(l.cents) && l.cents >= 0, l.id).toBe(true);
          expect(l.source.length, l.id).toBeGreaterThan(0);
        }
        expect(new Set(c.lines.map((l) => l.id)).size).toBe(c.lines.length);
      }),
      { numRuns: 500 },
    );
  });

  it("the customs value is the dutiable Japan lines, and MPF stays within its limits", () => {
    fc.assert(
      fc.property(input, (i) => {
        const c = computeLandedCost(i, rules, stateFees);
        const dutiable = new Set([
          "vehicle",
          ...(i.japanFees ?? []).filter((f) => f.dutiable).map((f) => `japan:${f.id}`),
        ]);
        expect(c.customsValueCents).toBe(sum(c.lines.filter((l) => dutiable.has(l.id)).map((l) => l.cents)));
        expect(c.mpfCents).toBeGreaterThanOrEqual(3271);
        expect(c.mpfCents).toBeLessThanOrEqual(65_150);
      }),
      { numRuns: 300 },
    );
  });

  it("freight, insurance and US-side quotes never change the customs value or federal charges", () => {
    fc.assert(
      fc.property(input, cents(5_000_000), (i, freight) => {
        const a = computeLandedCost(
          { ...i, freightUsd: null, insuranceJpy: null, usCosts: {} },
          rules,
          stateFees,
        );
        const b = computeLandedCost({ ...i, freightUsd: freight }, rules, stateFees);
        expect(b.customsValueCents).toBe(a.customsValueCents);
        expect(b.dutyCents).toBe(a.dutyCents);
        expect(b.federalChargesCents).toBe(a.federalChargesCents);
        // what was not entered is listed, never silently zero
        for (const id of ["shipping:freight", "shipping:insurance", "us:broker"])
          expect(a.notIncluded.map((n) => n.id)).toContain(id);
      }),
      { numRuns: 200 },
    );
  });
});
