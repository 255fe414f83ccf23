import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jpyText, usdText } from "./format.js";

// The grouping the helpers used to do with a regular expression, kept here as the reference.
const reference = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

describe("money text", () => {
  it.each([
    [0, "$0.00"],
    [5, "$0.05"],
    [123456, "$1,234.56"],
    [-100000, "-$1,000.00"],
    [100_000_000_00, "$100,000,000.00"],
  ])("usdText(%d) is %s", (cents, text) => expect(usdText(cents)).toBe(text));

  it.each([
    [0, "¥0"],
    [999, "¥999"],
    [1000, "¥1,000"],
    [1234567, "¥1,234,567"],
    [-45000, "¥-45,000"],
  ])("jpyText(%d) is %s", (yen, text) => expect(jpyText(yen)).toBe(text));

  it("groups every whole number as the regular expression did", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(jpyText(n)).toBe(`¥${reference(n)}`);
        const abs = Math.abs(n);
        expect(usdText(n)).toBe(
          `${n < 0 ? "-" : ""}$${reference(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, "0")}`,
        );
      }),
      { numRuns: 2000 },
    );
  });
});
