import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { estimateFairPrice, fitDealModel } from "./index.js";
import {
  GENERATIONS,
  mulberry32,
  normal,
  REFERENCE_YEAR,
  randomSpec,
  syntheticComparables,
  TRUTH,
  truePriceCents,
} from "./synthetic.fixture.js";
import type { Comparable, FairEstimate, FairPrice, TruckSpec } from "./types.js";

const comps = syntheticComparables(20_000, 7);
const model = fitDealModel(comps);

function estimate(spec: TruckSpec): FairEstimate {
  const e = estimateFairPrice(model, spec);
  if (e.kind !== "estimate") throw new Error(`no estimate for ${JSON.stringify(spec)}`);
  return e;
}

const carry = GENERATIONS[0];
const base: TruckSpec = {
  make: "Suzuki",
  model: "Carry",
  generation: "DA63T",
  year: 2008,
  mileageKm: 60_000,
  drive: "4WD",
  bedType: "standard",
};

describe("estimateFairPrice", () => {
  it("lands close to the true median price", () => {
    const rand = mulberry32(99);
    const errors = Array.from({ length: 500 }, () => {
      const spec = randomSpec(rand);
      return Math.abs(Math.log(estimate(spec).fairCents / truePriceCents(spec)));
    }).sort((a, b) => a - b);
    expect(errors[250]).toBeLessThan(0.01);
    expect(errors[494]).toBeLessThan(0.03);
  });

  it("puts about 80 % of fresh listings inside the range", () => {
    const rand = mulberry32(123);
    let inside = 0;
    const n = 3000;
    for (let i = 0; i < n; i++) {
      const spec = randomSpec(rand);
      const price = truePriceCents(spec) * Math.exp(TRUTH.noise * normal(rand));
      const e = estimate(spec);
      if (price >= e.lowCents && price <= e.highCents) inside++;
    }
    expect(inside / n).toBeGreaterThan(0.76);
    expect(inside / n).toBeLessThan(0.84);
  });

  it("gives whole dollars with low <= fair <= high, and says what it rests on", () => {
    const e = estimate(base);
    expect(e.lowCents).toBeLessThan(e.fairCents);
    expect(e.fairCents).toBeLessThan(e.highCents);
    for (const c of [e.lowCents, e.fairCents, e.highCents]) expect(c % 100).toBe(0);
    const count = model.generations.find((g) => g.generation === "da63t")!.count;
    expect(e).toMatchObject({ comparables: count, level: "generation" });
    expect(e.basis).toBe(
      `${count} comparable Suzuki Carry DA63T listings, adjusted for year, mileage, drive and bed type`,
    );
  });

  it("prices older, more used, 2WD and plain-bed trucks lower", () => {
    const fair = (patch: Partial<TruckSpec>) => estimate({ ...base, ...patch }).fairCents;
    expect(fair({ year: 2004 })).toBeLessThan(fair({}));
    expect(fair({ mileageKm: 150_000 })).toBeLessThan(fair({}));
    expect(fair({ drive: "2WD" })).toBeLessThan(fair({}));
    expect(fair({ drive: "both" })).toBe(fair({}));
    expect(fair({ bedType: "dump" })).toBeGreaterThan(fair({}));
    expect(fair({ bedType: "scissor_dump" })).toBeGreaterThan(fair({ bedType: "dump" }));
  });

  it("never gets dearer with age or mileage (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1985, max: 2030 }),
        fc.integer({ min: 0, max: 400_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        (year, km, more) => {
          expect(fair({ year: year - 1, mileageKm: km })).toBeLessThanOrEqual(fair({ year, mileageKm: km }));
          expect(fair({ year, mileageKm: km + more })).toBeLessThanOrEqual(fair({ year, mileageKm: km }));
        },
      ),
    );
    function fair(patch: Partial<TruckSpec>) {
      return estimate({ ...base, ...patch }).fairCents;
    }
  });

  it("clamps age and mileage to what the data covered", () => {
    expect(model.referenceYear).toBe(REFERENCE_YEAR);
    const far = estimate({ ...base, year: 1950, mileageKm: 9_000_000 });
    const edge = estimate({ ...base, year: REFERENCE_YEAR - model.bounds.maxAge, mileageKm: 9_000_000 });
    expect(far).toEqual(edge);
    expect(estimate({ ...base, year: 2099 })).toEqual(estimate({ ...base, year: REFERENCE_YEAR }));
  });

  it("widens the range when the year or mileage is unknown", () => {
    const known = estimate(base);
    const noYear = estimate({ ...base, year: null });
    const noKm = estimate({ ...base, mileageKm: null });
    expect(noYear.spread).toBeGreaterThan(known.spread);
    expect(noKm.spread).toBeGreaterThanOrEqual(known.spread);
  });

  it("estimates a truck of unknown generation from its family, with a wider range", () => {
    const e = estimate({ ...base, generation: null });
    const family = model.families.find((f) => f.model === "carry")!;
    expect(e).toMatchObject({ level: "family", comparables: family.count });
    expect(e.basis).toContain("Suzuki Carry listings (all generations");
    expect(e.spread).toBeGreaterThan(estimate(base).spread);
  });
});

describe("not enough data", () => {
  const rand = mulberry32(17);
  const fewRows = (k: number): Comparable[] =>
    Array.from({ length: k }, () => {
      const spec = randomSpec(rand, carry);
      return { ...spec, generation: "DA65T", priceCents: Math.round(truePriceCents(spec)) };
    });

  it("refuses a generation below the threshold and answers at it", () => {
    const four = fitDealModel([...comps, ...fewRows(4)]);
    const spec = { ...base, generation: "DA65T" };
    expect(estimateFairPrice(four, spec)).toEqual<FairPrice>({
      kind: "not_enough_data",
      comparables: 4,
      needed: 5,
    });
    const five = fitDealModel([...comps, ...fewRows(5)]);
    expect(estimateFairPrice(five, spec)).toMatchObject({ kind: "estimate", comparables: 5 });
    expect(estimateFairPrice(fitDealModel(comps, { minGroupSize: 50_000 }), base)).toMatchObject({
      kind: "not_enough_data",
      needed: 50_000,
    });
  });

  it("refuses an unseen family, make or generation", () => {
    const none = { kind: "not_enough_data", comparables: 0, needed: 5 };
    expect(estimateFairPrice(model, { ...base, make: "Toyota", model: "Town Ace" })).toEqual(none);
    expect(estimateFairPrice(model, { ...base, model: "Every" })).toEqual(none);
    expect(estimateFairPrice(model, { ...base, generation: "DA99T" })).toEqual(none);
    expect(estimateFairPrice(model, { ...base, model: "Every", generation: null })).toEqual(none);
  });
});
