import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { axisTicks, labelEvery, niceCeil, px } from "./scale.js";

describe("chart scales", () => {
  it("writes short coordinates", () => {
    expect(px(12)).toBe("12");
    expect(px(12.345)).toBe("12.3");
    expect(px(-0.04)).toBe("0");
  });

  it("rounds up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect([0.7, 1, 1.1, 2.2, 3, 7, 12, 2500, 2501].map(niceCeil)).toEqual([
      1, 1, 2, 2.5, 5, 10, 20, 2500, 5000,
    ]);
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(Number.NaN)).toBe(1);
  });

  it("gives ticks from 0 to a round top that covers the data", () => {
    expect(axisTicks(1_234_000)).toEqual([0, 500_000, 1_000_000, 1_500_000]);
    expect(axisTicks(0)).toEqual([0, 1]);
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e9, noNaN: true }), (max) => {
        const t = axisTicks(max);
        expect(t[0]).toBe(0);
        expect(t.at(-1)!).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        expect(t.length).toBeLessThanOrEqual(9);
      }),
    );
  });

  it("thins labels to fit", () => {
    expect(labelEvery(10, 12)).toBe(1);
    expect(labelEvery(40, 12)).toBe(4);
    expect(labelEvery(0, 12)).toBe(1);
  });
});
