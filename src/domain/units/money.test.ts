import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyRate,
  centsToDollars,
  dollarsToCents,
  jpy,
  jpyToUsdCents,
  sumCents,
  usdCents,
  usdCentsToJpy,
} from "./money.js";

describe("money", () => {
  it.each([
    [33.58, 3358],
    [651.5, 65150],
    [0.005, 1], // half a cent rounds up
    [0.0049, 0],
    [1.005, 101], // 1.005 is 1.00499999... in binary; exact decimal rounding still gives 101
    [2.675, 268],
  ])("dollarsToCents(%s) = %s", (dollars, cents) => {
    expect(dollarsToCents(dollars)).toBe(cents);
  });

  it.each([
    [1000_00, 0.25, 250_00],
    [9694_00, 0.003464, 3358], // 33.5800... -> 33.58
    [1_00, 0.003464, 0], // 0.3464 cent -> 0
    [1_45, 0.003464, 1], // 0.50228 cent -> 1 (half-up)
    [10_00, 0.00125, 1], // 1.25 cents -> 1
    [12_00, 0.00125, 2], // 1.5 cents -> 2
  ])("applyRate(%s, %s) = %s", (cents, rate, out) => {
    expect(applyRate(usdCents(cents), rate)).toBe(out);
  });

  it.each([
    [400_000, 150, 2666_67], // 2666.666... -> .67
    [1, 200, 1], // half a cent -> 1
    [1, 201, 0],
    [1_500_000, 149.5, 10033_44],
  ])("jpyToUsdCents(%s JPY at %s) = %s cents", (yen, rate, cents) => {
    expect(jpyToUsdCents(jpy(yen), rate)).toBe(cents);
  });

  it("rejects a non-positive exchange rate and non-integer money", () => {
    expect(() => jpyToUsdCents(jpy(1), 0)).toThrow(RangeError);
    expect(() => usdCents(1.5)).toThrow(RangeError);
    expect(() => jpy(Number.NaN)).toThrow(RangeError);
  });

  it("formats cents as dollars with two decimals", () => {
    expect(centsToDollars(usdCents(123456))).toBe(1234.56);
    expect(centsToDollars(usdCents(5))).toBe(0.05);
    expect(sumCents([usdCents(1), usdCents(2)])).toBe(3);
  });

  it("converts yen to dollars and back within a yen", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.double({ min: 80, max: 300, noNaN: true }),
        (y, r) => {
          const back = usdCentsToJpy(jpyToUsdCents(jpy(y), r), r);
          expect(Math.abs(back - y)).toBeLessThanOrEqual(Math.ceil(r / 100));
        },
      ),
    );
  });

  it("applyRate agrees with exact decimal arithmetic", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_00 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (c, ppm) => {
          const exact = (BigInt(c) * BigInt(ppm) * 2n + 1_000_000n) / 2_000_000n;
          expect(applyRate(usdCents(c), ppm / 1_000_000)).toBe(Number(exact));
        },
      ),
    );
  });
});
