import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateFairPrice, fitDealModel, GOOD_Z, rateDeal } from "./index.js";
import { GENERATIONS, syntheticComparables } from "./synthetic.fixture.js";
import type { BedType, Comparable, DealRating, Drive, FairEstimate, Rating, TruckSpec } from "./types.js";

const model = fitDealModel(syntheticComparables(20_000, 3));
const RANK: Record<Rating, number> = { great: 0, good: 1, fair: 2, high: 3 };

const base: TruckSpec = {
  make: "Daihatsu",
  model: "Hijet",
  generation: "S500P",
  year: 2018,
  mileageKm: 30_000,
  drive: "4WD",
  bedType: "dump",
};
const fair = estimateFairPrice(model, base) as FairEstimate;

function rate(priceCents: number, spec: TruckSpec = base): Extract<DealRating, { kind: "rated" }> {
  const r = rateDeal(model, { ...spec, priceCents });
  if (r.kind !== "rated") throw new Error("expected a rating");
  return r;
}

const spec: fc.Arbitrary<TruckSpec> = fc
  .record({
    make: fc.constant(""),
    model: fc.constant(""),
    generation: fc.constant(""),
    year: fc.option(fc.integer({ min: 1985, max: 2026 }), { nil: null }),
    mileageKm: fc.option(fc.integer({ min: 0, max: 300_000 }), { nil: null }),
    drive: fc.option(fc.constantFrom<Drive>("2WD", "4WD", "both"), { nil: null }),
    bedType: fc.constantFrom<BedType>("standard", "dump", "scissor_dump", "panel", "other"),
  })
  .chain((s) =>
    fc
      .constantFrom(...GENERATIONS)
      .map((g) => ({ ...s, make: g.make, model: g.model, generation: g.generation })),
  );
const cents = fc.integer({ min: 1, max: 10_000_000 });

describe("rateDeal", () => {
  it("rates below the range great, above it high, and labels each rating", () => {
    const goodMax = Math.round((fair.fairCents * Math.exp(-GOOD_Z * fair.spread)) / 100) * 100;
    expect(rate(fair.lowCents - 1)).toMatchObject({ rating: "great", label: "Great deal" });
    expect(rate(fair.lowCents)).toMatchObject({ rating: "good", label: "Good deal" });
    expect(rate(goodMax)).toMatchObject({ rating: "good" });
    expect(rate(goodMax + 1)).toMatchObject({ rating: "fair", label: "Fair price" });
    expect(rate(fair.fairCents)).toMatchObject({ rating: "fair", deltaPct: 0 });
    expect(rate(fair.highCents)).toMatchObject({ rating: "fair" });
    expect(rate(fair.highCents + 1)).toMatchObject({ rating: "high", label: "High price" });
  });

  it("reports the estimate and the difference from it in percent", () => {
    const r = rate(Math.round(fair.fairCents * 0.9));
    expect(r.fair).toEqual(fair);
    expect(r.deltaPct).toBe(-10);
    expect(r.priceCents).toBe(Math.round(fair.fairCents * 0.9));
    expect(rate(fair.fairCents * 2).deltaPct).toBe(100);
  });

  it("never rates a cheaper identical truck worse (property)", () => {
    fc.assert(
      fc.property(spec, cents, cents, (s, a, b) => {
        const [cheap, dear] = a <= b ? [a, b] : [b, a];
        expect(RANK[rate(cheap, s).rating]).toBeLessThanOrEqual(RANK[rate(dear, s).rating]);
      }),
    );
  });

  it("agrees with the range it shows (property)", () => {
    fc.assert(
      fc.property(spec, cents, (s, price) => {
        const r = rate(price, s);
        expect(r.rating === "great").toBe(price < r.fair.lowCents);
        expect(r.rating === "high").toBe(price > r.fair.highCents);
        if (r.rating === "good") expect(price).toBeLessThan(r.fair.fairCents);
      }),
    );
  });

  it("passes 'not enough data' through", () => {
    const unseen: Comparable = { ...base, model: "Atrai", priceCents: 500_000 };
    expect(rateDeal(model, unseen)).toEqual({ kind: "not_enough_data", comparables: 0, needed: 5 });
  });

  it("refuses a price that is not positive whole cents", () => {
    for (const priceCents of [0, -100, 1.5, Number.NaN]) {
      expect(() => rateDeal(model, { ...base, priceCents })).toThrow(RangeError);
    }
  });
});
