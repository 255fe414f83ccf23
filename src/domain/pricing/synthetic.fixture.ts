// Test data only: comparables drawn from a known ground-truth price formula with seeded noise, so the
// tests can check that the fit recovers what was put in. Deterministic (mulberry32), no Math.random.
import { mulberry32 } from "../units/random.js";
import type { BedType, Comparable, Drive, TruckSpec } from "./types.js";

export { mulberry32 };

/** Standard normal by Box-Muller. */
export function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

export const REFERENCE_YEAR = 2024;

/** The truth: effects on log(price). */
export const TRUTH = {
  age: -0.06,
  logKm: -0.1,
  fourWd: 0.12,
  bed: { standard: 0, dump: 0.25, scissor_dump: 0.35, panel: 0.05, other: -0.05 } as Record<BedType, number>,
  noise: 0.12,
};

/** Base log price (cents) of a new-ish 2WD standard-bed truck, and the model years it was built. */
export const GENERATIONS = [
  { make: "Suzuki", model: "Carry", generation: "DA63T", base: Math.log(1_400_000), years: [1999, 2013] },
  { make: "Suzuki", model: "Carry", generation: "DA16T", base: Math.log(1_650_000), years: [2013, 2024] },
  { make: "Suzuki", model: "Carry", generation: "DA52T", base: Math.log(1_250_000), years: [1991, 2001] },
  { make: "Daihatsu", model: "Hijet", generation: "S500P", base: Math.log(1_600_000), years: [2014, 2024] },
  { make: "Daihatsu", model: "Hijet", generation: "S200P", base: Math.log(1_300_000), years: [1999, 2014] },
  { make: "Honda", model: "Acty", generation: "HA9", base: Math.log(1_500_000), years: [2009, 2021] },
  { make: "Honda", model: "Acty", generation: "HA4", base: Math.log(1_150_000), years: [1990, 1999] },
  { make: "Subaru", model: "Sambar", generation: "TT2", base: Math.log(1_550_000), years: [1999, 2012] },
  {
    make: "Mitsubishi",
    model: "Minicab",
    generation: "U62T",
    base: Math.log(1_200_000),
    years: [1999, 2014],
  },
] as const;

const DRIVES: readonly Drive[] = ["2WD", "4WD", "both"];
const BEDS: readonly BedType[] = [
  "standard",
  "standard",
  "standard",
  "dump",
  "scissor_dump",
  "panel",
  "other",
];

/** The median price (cents) the truth assigns to a truck with every field known. */
export function truePriceCents(spec: TruckSpec): number {
  const g = GENERATIONS.find((x) => x.make === spec.make && x.generation === spec.generation);
  if (!g || spec.year === null || spec.mileageKm === null || spec.drive === null) throw new Error("unknown");
  const log =
    g.base +
    TRUTH.age * (REFERENCE_YEAR - spec.year) +
    TRUTH.logKm * Math.log1p(spec.mileageKm / 1000) +
    (spec.drive === "2WD" ? 0 : TRUTH.fourWd) +
    TRUTH.bed[spec.bedType];
  return Math.exp(log);
}

/** A random fully known truck spec of one of the generations. */
export function randomSpec(rand: () => number, only?: (typeof GENERATIONS)[number]): TruckSpec {
  const g = only ?? GENERATIONS[Math.floor(rand() * GENERATIONS.length)]!;
  const year = g.years[0] + Math.floor(rand() * (g.years[1] - g.years[0] + 1));
  const age = REFERENCE_YEAR - year;
  return {
    make: g.make,
    model: g.model,
    generation: g.generation,
    year,
    mileageKm: Math.round(age * 4000 * (0.3 + 1.4 * rand()) + 500),
    drive: DRIVES[Math.floor(rand() * DRIVES.length)]!,
    bedType: BEDS[Math.floor(rand() * BEDS.length)]!,
  };
}

/** n comparables with noise and, if asked, some missing fields (as real listings have). */
export function syntheticComparables(n: number, seed: number, missing = true): Comparable[] {
  const rand = mulberry32(seed);
  const out: Comparable[] = [];
  for (let i = 0; i < n; i++) {
    const spec = randomSpec(rand);
    const priceCents = Math.round(truePriceCents(spec) * Math.exp(TRUTH.noise * normal(rand)));
    out.push({
      ...spec,
      year: missing && rand() < 0.03 ? null : spec.year,
      mileageKm: missing && rand() < 0.1 ? null : spec.mileageKm,
      drive: missing && rand() < 0.05 ? null : spec.drive,
      generation: missing && rand() < 0.03 ? null : spec.generation,
      priceCents,
    });
  }
  return out;
}
