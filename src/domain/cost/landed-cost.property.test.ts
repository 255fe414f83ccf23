import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { computeLandedCost } from "./landed-cost.js";
import { cents, landedCostInput } from "./landed-cost.test-support.js";

const { importRules: rules, stateFees } = loadFacts();

const input = landedCostInput(stateFees.map((s) => s.code));

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
