// The page formatters give the text toLocaleString gives (they only keep their Intl.NumberFormat).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { count, num, usd, yen } from "./format.js";

const amounts = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.double({ min: -1e7, max: 1e7, noNaN: true }),
  // Cents, as prices are stored and divided.
  fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((c) => c / 100),
);

describe("format", () => {
  it("usd is $ and toLocaleString with whole numbers bare and others to the cent", () => {
    fc.assert(
      fc.property(amounts, (n) => {
        const expected = `$${n.toLocaleString("en-US", { minimumFractionDigits: n % 1 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
        expect(usd(n)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    expect(usd(12345)).toBe("$12,345");
    expect(usd(1234.5)).toBe("$1,234.50");
    expect(usd(0.004)).toBe("$0.00");
  });

  it("yen, num and count group thousands the en-US way", () => {
    expect(yen(1234567)).toBe("¥1,234,567");
    expect(num(1234.5678)).toBe("1,234.568");
    expect(count(40000, true)).toBe("about 40,000");
    expect(count(12, false)).toBe("12");
  });
});
