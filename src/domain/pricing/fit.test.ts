import { describe, expect, it } from "vitest";
import { estimateFairPrice, fitDealModel } from "./index.js";
import {
  GENERATIONS,
  mulberry32,
  REFERENCE_YEAR,
  randomSpec,
  syntheticComparables,
  TRUTH,
} from "./synthetic.fixture.js";
import type { Comparable, DealModel, GroupEffect } from "./types.js";

const comps = syntheticComparables(20_000, 1);
const model = fitDealModel(comps, { referenceYear: REFERENCE_YEAR });

/** The total log-price effect of one generation: make + family + generation. */
function levelOf(m: DealModel, generation: string): number {
  const gen = m.generations.find((g) => g.generation === generation.toLowerCase()) as GroupEffect;
  const fam = m.families.find((f) => f.make === gen.make && f.model === gen.model) as GroupEffect;
  const make = m.makes.find((k) => k.make === gen.make) as GroupEffect;
  return m.intercept + make.effect + fam.effect + gen.effect;
}

describe("fitDealModel recovers a known price formula", () => {
  it("older and more used trucks are cheaper, by the amounts put in", () => {
    const c = model.coefficients;
    expect(c.age).toBeLessThan(0);
    expect(c.age).toBeCloseTo(TRUTH.age, 2);
    expect(Math.abs(c.ageSquared)).toBeLessThan(0.01);
    expect(c.logKm).toBeLessThan(0);
    expect(Math.abs(c.logKm - TRUTH.logKm)).toBeLessThan(0.02);
  });

  it("finds the 4WD premium and the bed-type premiums", () => {
    const c = model.coefficients;
    expect(Math.abs(c.fourWd - TRUTH.fourWd)).toBeLessThan(0.015);
    expect(Math.abs(c.bedDump - TRUTH.bed.dump)).toBeLessThan(0.015);
    expect(Math.abs(c.bedScissorDump - TRUTH.bed.scissor_dump)).toBeLessThan(0.015);
    expect(Math.abs(c.bedPanel - TRUTH.bed.panel)).toBeLessThan(0.015);
    expect(Math.abs(c.bedOther - TRUTH.bed.other)).toBeLessThan(0.015);
  });

  it("finds each generation's price level and the noise level", () => {
    for (const g of GENERATIONS) expect(Math.abs(levelOf(model, g.generation) - g.base)).toBeLessThan(0.03);
    expect(model.sigma).toBeGreaterThan(TRUTH.noise * 0.9);
    expect(model.sigma).toBeLessThan(TRUTH.noise * 1.15);
    for (const g of model.generations) expect(Math.abs(g.sigma - TRUTH.noise)).toBeLessThan(0.02);
  });

  it("widens the spread for listings without a year or mileage", () => {
    const [complete, noYear, noKm, neither] = model.spreadFactors;
    expect(complete).toBe(1);
    expect(noYear).toBeGreaterThan(1.2);
    expect(noKm).toBeGreaterThanOrEqual(1);
    expect(neither).toBeGreaterThanOrEqual(Math.max(noYear, noKm));
  });

  it("counts what it used, skipped and left out", () => {
    const withGeneration = comps.filter((c) => c.generation !== null).length;
    expect(model.unknownGeneration).toBe(comps.length - withGeneration);
    expect(model.fittedOn + model.excluded).toBe(withGeneration);
    expect(model.excluded).toBeLessThan(20);
    const total = model.generations.reduce((s, g) => s + g.count, 0);
    expect(total).toBe(model.fittedOn);
  });
});

describe("fitDealModel is robust and well-behaved", () => {
  it("drops gross price errors instead of letting them move the estimate", () => {
    const spec = randomSpec(mulberry32(5), GENERATIONS[0]);
    const clean = estimateFairPrice(model, spec);
    const bad: Comparable[] = [
      ...comps,
      ...[100, 100, 250, 99_999_999_00].map((priceCents) => ({ ...spec, priceCents })),
    ];
    const dirty = fitDealModel(bad, { referenceYear: REFERENCE_YEAR });
    expect(dirty.excluded).toBeGreaterThanOrEqual(model.excluded + 4);
    const after = estimateFairPrice(dirty, spec);
    if (clean.kind !== "estimate" || after.kind !== "estimate") throw new Error("expected estimates");
    expect(Math.abs(after.fairCents / clean.fairCents - 1)).toBeLessThan(0.01);
    const kept = fitDealModel(bad, { referenceYear: REFERENCE_YEAR, outlierZ: Number.POSITIVE_INFINITY });
    expect(kept.excluded).toBe(0);
    const swayed = estimateFairPrice(kept, spec);
    if (swayed.kind !== "estimate") throw new Error("expected an estimate");
    expect(Math.abs(swayed.fairCents / clean.fairCents - 1)).toBeGreaterThan(0.01);
  });

  it("shrinks a thin generation toward its family, more with a larger ridge", () => {
    const rand = mulberry32(11);
    const thin = Array.from({ length: 6 }, () => ({
      ...randomSpec(rand, GENERATIONS[0]),
      generation: "DA65T",
      priceCents: 9_000_000,
    }));
    const effectOf = (ridge: number) =>
      fitDealModel([...comps, ...thin], { ridge }).generations.find((g) => g.generation === "da65t")!.effect;
    expect(effectOf(1)).toBeGreaterThan(0.5);
    expect(effectOf(50)).toBeLessThan(effectOf(1) / 2);
  });

  it("is deterministic and order-insensitive", () => {
    const again = fitDealModel(structuredClone(comps), { referenceYear: REFERENCE_YEAR });
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
    const reversed = fitDealModel([...comps].reverse(), { referenceYear: REFERENCE_YEAR });
    expect(reversed.generations.map((g) => g.generation)).toEqual(model.generations.map((g) => g.generation));
    expect(reversed.coefficients.age).toBeCloseTo(model.coefficients.age, 9);
  });

  it("round-trips through JSON with identical estimates", () => {
    const stored: DealModel = JSON.parse(JSON.stringify(model));
    expect(stored).toEqual(model);
    const rand = mulberry32(3);
    for (let i = 0; i < 200; i++) {
      const spec = randomSpec(rand);
      expect(estimateFairPrice(stored, spec)).toEqual(estimateFairPrice(model, spec));
    }
  });

  it("treats names by their normalised form", () => {
    const messy = comps.map((c) => ({
      ...c,
      make: ` ${c.make.toUpperCase()} `,
      model: c.model.toLowerCase(),
    }));
    const m = fitDealModel(messy, { referenceYear: REFERENCE_YEAR });
    expect(m.generations.map((g) => [g.make, g.model, g.generation])).toEqual(
      model.generations.map((g) => [g.make, g.model, g.generation]),
    );
    const spec = randomSpec(mulberry32(8));
    expect(estimateFairPrice(m, { ...spec, make: spec.make.toLowerCase() })).toMatchObject({
      kind: "estimate",
    });
  });

  it("skips rows without a usable price and fits nothing to nothing", () => {
    const empty = fitDealModel([]);
    expect(empty).toMatchObject({ fittedOn: 0, skipped: 0, generations: [] });
    expect(JSON.parse(JSON.stringify(empty))).toEqual(empty);
    const invalid = comps
      .slice(0, 3)
      .map((c, i) => ({ ...c, generation: "X", priceCents: [0, -5, Number.NaN][i]! }));
    const m = fitDealModel(invalid);
    expect(m).toMatchObject({ fittedOn: 0, skipped: 3 });
    expect(estimateFairPrice(m, { ...invalid[0]!, generation: "X" })).toEqual({
      kind: "not_enough_data",
      comparables: 0,
      needed: 5,
    });
  });

  it("refuses nonsensical options", () => {
    expect(() => fitDealModel(comps, { minGroupSize: 0 })).toThrow(RangeError);
    expect(() => fitDealModel(comps, { minGroupSize: 2.5 })).toThrow(RangeError);
    expect(() => fitDealModel(comps, { ridge: 0 })).toThrow(RangeError);
    expect(() => fitDealModel(comps, { outlierZ: -1 })).toThrow(RangeError);
    expect(() => fitDealModel(comps, { referenceYear: 2024.5 })).toThrow(RangeError);
  });

  it("fits 100,000 comparables", () => {
    const big = syntheticComparables(100_000, 42);
    const m = fitDealModel(big);
    expect(m.referenceYear).toBe(REFERENCE_YEAR);
    expect(m.fittedOn).toBeGreaterThan(95_000);
    expect(Math.abs(m.coefficients.age - TRUTH.age)).toBeLessThan(0.003);
    expect(estimateFairPrice(m, randomSpec(mulberry32(1))).kind).toBe("estimate");
  });
});
