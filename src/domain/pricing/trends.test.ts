import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { YearMonth } from "../units/dates.js";
import { fitDealModel } from "./fit.js";
import { syntheticComparables } from "./synthetic.fixture.js";
import {
  fairPriceLine,
  type PricePoint,
  priceStats,
  quantile,
  summarizePrices,
  typicalTrucks,
} from "./trends.js";

const point = (over: Partial<PricePoint>): PricePoint => ({
  year: 1996,
  month: "2026-09" as YearMonth,
  priceCents: 500_000,
  make: "Suzuki",
  model: "Carry",
  generation: "DA52T",
  mileageKm: 40_000,
  drive: "4WD",
  ...over,
});

describe("quantile", () => {
  it("interpolates between closest ranks (type 7)", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(3); // 2.5 rounded half up to a whole cent
    expect(quantile([100, 200, 300, 400], 0.25)).toBe(175);
    expect(quantile([100, 200, 300, 400], 0.75)).toBe(325);
    expect(quantile([7], 0.25)).toBe(7);
    expect(quantile([10, 20, 30], 0)).toBe(10);
    expect(quantile([10, 20, 30], 1)).toBe(30);
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it("orders min <= q1 <= median <= q3 <= max, each within the values", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 60 }), (v) => {
        const s = priceStats(v)!;
        expect(s.minCents).toBe(Math.min(...v));
        expect(s.maxCents).toBe(Math.max(...v));
        expect(s.minCents <= s.q1Cents && s.q1Cents <= s.medianCents).toBe(true);
        expect(s.medianCents <= s.q3Cents && s.q3Cents <= s.maxCents).toBe(true);
      }),
    );
    expect(priceStats([])).toBeNull();
  });
});

describe("summarizePrices", () => {
  it("buckets by build year and listing month, with gaps kept and counts", () => {
    const s = summarizePrices([
      point({ year: 1994, month: "2026-07" as YearMonth, priceCents: 400_000 }),
      point({ year: 1994, month: "2026-09" as YearMonth, priceCents: 600_000 }),
      point({ year: 1997, month: "2026-09" as YearMonth, priceCents: 800_000 }),
      point({ year: null, month: "2026-10" as YearMonth, priceCents: 900_000 }),
    ]);
    expect(s.byYear.map((b) => [b.key, b.count])).toEqual([
      ["1994", 2],
      ["1995", 0],
      ["1996", 0],
      ["1997", 1],
    ]);
    expect(s.byYear[0]?.stats?.medianCents).toBe(500_000);
    expect(s.byYear[1]?.stats).toBeNull();
    expect(s.byMonth.map((b) => [b.key, b.count])).toEqual([
      ["2026-07", 1],
      ["2026-08", 0],
      ["2026-09", 2],
      ["2026-10", 1],
    ]);
    expect(s.total).toBe(4);
    expect(s.withoutYear).toBe(1);
  });

  it("crosses a year boundary month by month", () => {
    const s = summarizePrices([
      point({ month: "2025-11" as YearMonth }),
      point({ month: "2026-02" as YearMonth }),
    ]);
    expect(s.byMonth.map((b) => b.key)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("is empty for no listings", () => {
    expect(summarizePrices([])).toEqual({ byYear: [], byMonth: [], total: 0, withoutYear: 0 });
  });

  it("loses no listing: bucket counts add up to the total", () => {
    const arb = fc.record({
      year: fc.option(fc.integer({ min: 1980, max: 2024 }), { nil: null }),
      month: fc
        .tuple(fc.integer({ min: 2024, max: 2026 }), fc.integer({ min: 1, max: 12 }))
        .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}` as YearMonth),
      priceCents: fc.integer({ min: 100, max: 5_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 80 }), (rows) => {
        const s = summarizePrices(rows.map((r) => point(r)));
        const sum = (b: { count: number }[]) => b.reduce((n, x) => n + x.count, 0);
        expect(sum(s.byMonth)).toBe(rows.length);
        expect(sum(s.byYear)).toBe(rows.length - s.withoutYear);
        expect(s.byYear.every((b) => (b.count === 0) === (b.stats === null))).toBe(true);
      }),
    );
  });
});

describe("typicalTrucks", () => {
  it("takes the most common listed truck, the median mileage and a standard bed per year", () => {
    const t = typicalTrucks([
      point({ year: 1999, generation: "DA52T", mileageKm: 30_000, drive: "2WD" }),
      point({ year: 1999, generation: "DA62T", mileageKm: 50_000, drive: "4WD" }),
      point({ year: 1999, generation: "DA62T", mileageKm: null, drive: "4WD" }),
      point({ year: 1998, generation: "DA52T", mileageKm: null, drive: null }),
      point({ year: null }),
    ]);
    expect(t.map((x) => x.year)).toEqual([1998, 1999]);
    expect(t[0]?.truck).toMatchObject({ generation: "DA52T", mileageKm: null, drive: null });
    expect(t[1]?.truck).toEqual({
      make: "Suzuki",
      model: "Carry",
      generation: "DA62T",
      year: 1999,
      mileageKm: 40_000,
      drive: "4WD",
      bedType: "standard",
    });
  });

  it("breaks ties the same way whatever the row order", () => {
    const a = point({ generation: "A", drive: "2WD" });
    const b = point({ generation: "B", drive: "4WD" });
    expect(typicalTrucks([a, b])).toEqual(typicalTrucks([b, a]));
    expect(typicalTrucks([b, a])[0]?.truck.generation).toBe("A");
  });
});

describe("fairPriceLine", () => {
  const model = fitDealModel(syntheticComparables(4_000, 11));

  it("prices the typical truck of each year; years the model cannot price are listed", () => {
    const points = [2005, 2006, 2010].map((year) => point({ year, generation: "DA63T", mileageKm: 60_000 }));
    points.push(point({ year: 1990, make: "Ford", model: "Ranger", generation: null }));
    const line = fairPriceLine(model, points);
    expect(line.points.map((p) => p.year)).toEqual([2005, 2006, 2010]);
    expect(line.notEnoughData).toEqual([1990]);
    for (const p of line.points) {
      expect(p.lowCents).toBeLessThan(p.fairCents);
      expect(p.highCents).toBeGreaterThan(p.fairCents);
      expect(p.comparables).toBeGreaterThanOrEqual(model.minGroupSize);
    }
    // Newer trucks of one generation are worth more (the ground truth's age effect is negative).
    const [p2005, , p2010] = line.points;
    expect(p2010!.fairCents).toBeGreaterThan(p2005!.fairCents);
  });
});
