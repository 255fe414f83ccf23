import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cc, ccToCuIn, kg, kgToLb, lb, lbToKg, mm, mmToIn, ps, psToHp, roundTo } from "./measures.js";

describe("unit conversions", () => {
  it("converts by the exact definitions", () => {
    expect(kgToLb(kg(350))).toBeCloseTo(771.6179, 4);
    expect(mmToIn(mm(1940))).toBeCloseTo(76.378, 4);
    expect(ccToCuIn(cc(658))).toBeCloseTo(40.1536, 4);
    // A 46 PS kei engine is 45.4 hp: PS is the smaller unit.
    expect(psToHp(ps(46))).toBeCloseTo(45.3707, 4);
    expect(psToHp(ps(100))).toBeCloseTo(98.632, 4);
  });

  it("kg -> lb -> kg is the identity", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (v) => {
        expect(lbToKg(kgToLb(kg(v)))).toBeCloseTo(v, 6);
        expect(kgToLb(kg(v)) >= v).toBe(true);
      }),
    );
  });

  it("rounds for display", () => {
    expect(roundTo(771.6179)).toBe(772);
    expect(roundTo(76.378, 1)).toBe(76.4);
    expect(lb(1)).toBe(1);
  });
});
