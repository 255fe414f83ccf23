import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type UsdCents, usdCents } from "../units/money.js";
import { compareImportWithUsSeller, sideRange } from "./compare.js";

const c = usdCents;
const range = (low: number, high: number) => ({ typicalRange: { low: c(low), high: c(high) } });

describe("a side's range", () => {
  it("adds the ends of every typical range and counts the costs with no figure", () => {
    expect(
      sideRange(c(500_000), [range(100_000, 200_000), range(10_000, 30_000), {}, { typicalRange: null }]),
    ).toEqual({
      totalCents: 500_000,
      lowCents: 610_000,
      highCents: 730_000,
      unknownCount: 2,
    });
  });
});

describe("import it yourself against a US seller", () => {
  const us = (total: number) => sideRange(c(total), []);

  it("says importing is cheaper only when it is at the top of its range", () => {
    const imported = sideRange(c(500_000), [range(100_000, 200_000)]);
    expect(compareImportWithUsSeller(imported, us(800_000))).toEqual({
      verdict: "import_cheaper",
      usMinusImportLowCents: 100_000,
      usMinusImportHighCents: 200_000,
      unknownCount: 0,
    });
    expect(compareImportWithUsSeller(imported, us(650_000)).verdict).toBe("depends");
    expect(compareImportWithUsSeller(imported, us(550_000))).toMatchObject({
      verdict: "us_cheaper",
      usMinusImportLowCents: -150_000,
      usMinusImportHighCents: -50_000,
    });
  });

  it("counts the unknowns of both sides", () => {
    const imported = sideRange(c(500_000), [{}]);
    expect(compareImportWithUsSeller(imported, sideRange(c(900_000), [{}, {}])).unknownCount).toBe(3);
  });

  it("never calls a side cheaper when the ranges overlap", () => {
    const money = fc.integer({ min: 0, max: 5_000_000 }).map((n) => n as UsdCents);
    fc.assert(
      fc.property(money, money, money, money, (t, lo, extra, u) => {
        const imported = sideRange(t, [{ typicalRange: { low: lo, high: (lo + extra) as UsdCents } }]);
        const r = compareImportWithUsSeller(imported, us(u));
        const overlaps = u >= imported.lowCents && u <= imported.highCents;
        if (overlaps) expect(r.verdict).toBe("depends");
        if (r.verdict === "import_cheaper") expect(u).toBeGreaterThan(imported.highCents);
        if (r.verdict === "us_cheaper") expect(u).toBeLessThan(imported.lowCents);
        expect(r.usMinusImportLowCents).toBeLessThanOrEqual(r.usMinusImportHighCents);
      }),
    );
  });
});
