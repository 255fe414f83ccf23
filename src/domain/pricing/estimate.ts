// The fair-price estimate for one truck from a fitted model.
//
// fair = exp(predicted log price): the median price of trucks like this one (not the mean, which a few
// pricey listings would pull up). The range is the middle 80 % of that price distribution,
// fair x exp(-/+ 1.2816 s), where s combines the group's residual SD with the uncertainty of its effect:
// s = sigma_group x factor x sqrt(1 + 1 / (n + ridge)), where factor widens it for a truck whose year
// or mileage is unknown. All three amounts are rounded to whole dollars; cents would be false precision.
import { usdCents } from "../units/money.js";
import {
  ageOf,
  bedColumnOf,
  denseFeatures,
  findGroup,
  fourWdOf,
  logKmOf,
  normalizeName,
  patternOf,
} from "./features.js";
import { DENSE_NAMES, type DealModel, type FairPrice, type GroupEffect, type TruckSpec } from "./types.js";

/** z for the 10th and 90th percentiles of a normal: the range holds ~80 % of comparable prices. */
export const RANGE_Z = 1.2816;

/** Feature buffer, filled and read within one synchronous call. */
const SCRATCH = new Float64Array(DENSE_NAMES.length);

/**
 * A model's coefficients in DENSE_NAMES order, made once per model: read by name for every truck, each
 * was a property lookup by a computed key (`npm run bench -- knowledge`, estimateWithGroups).
 */
const coefficientVectors = new WeakMap<DealModel, Float64Array>();

function coefficientVector(model: DealModel): Float64Array {
  let v = coefficientVectors.get(model);
  if (!v) {
    v = Float64Array.from(DENSE_NAMES, (name) => model.coefficients[name]);
    coefficientVectors.set(model, v);
  }
  return v;
}

/** The group effects a truck's make, model and generation resolve to: the part of an estimate that
 * depends only on the names, so a batch can resolve it once per name and estimate many trucks with it. */
export type FairGroups =
  | {
      kind: "found";
      makeEffect: GroupEffect;
      family: GroupEffect;
      gen: GroupEffect | undefined;
      group: GroupEffect;
      level: "generation" | "family";
      basis: string;
    }
  | { kind: "not_enough_data"; comparables: number; needed: number };

export function resolveFairGroups(
  model: DealModel,
  truck: Pick<TruckSpec, "make" | "model" | "generation">,
): FairGroups {
  const make = normalizeName(truck.make);
  const modelName = normalizeName(truck.model);
  const generation = truck.generation === null ? "" : normalizeName(truck.generation);
  const makeEffect = findGroup(model.makes, { make, model: "", generation: null });
  const family = findGroup(model.families, { make, model: modelName, generation: null });
  const gen =
    generation === "" ? undefined : findGroup(model.generations, { make, model: modelName, generation });
  // A truck of unknown generation could be any of them: it is estimated at family level, with the
  // family's spread (which includes the differences between generations).
  const level = generation === "" ? "family" : "generation";
  const group = level === "family" ? family : gen;
  const comparables = group?.count ?? 0;
  if (!group || !makeEffect || !family || comparables < model.minGroupSize) {
    return { kind: "not_enough_data", comparables, needed: model.minGroupSize };
  }
  return {
    kind: "found",
    makeEffect,
    family,
    gen,
    group,
    level,
    basis: basisText(truck, comparables, level),
  };
}

export function estimateFairPrice(model: DealModel, truck: TruckSpec): FairPrice {
  return estimateWithGroups(model, resolveFairGroups(model, truck), truck);
}

/** estimateFairPrice with the groups already resolved (by resolveFairGroups for this truck's names). */
export function estimateWithGroups(model: DealModel, groups: FairGroups, truck: TruckSpec): FairPrice {
  if (groups.kind === "not_enough_data") return groups;
  const { makeEffect, family, gen, group, level, basis } = groups;
  const comparables = group.count;
  const age = ageOf(truck.year, model.referenceYear);
  const logKm = logKmOf(truck.mileageKm);
  const dense = SCRATCH;
  denseFeatures(age, logKm, fourWdOf(truck.drive), bedColumnOf(truck.bedType), model, dense);
  let logFair = model.intercept + makeEffect.effect + family.effect + (gen?.effect ?? 0);
  // A plain loop over a reused buffer: a batch estimates a million trucks.
  const coefficients = coefficientVector(model);
  for (let i = 0; i < coefficients.length; i++) logFair += coefficients[i]! * dense[i]!;
  const factor = model.spreadFactors[patternOf(age, logKm)];
  const spread = group.sigma * factor * Math.sqrt(1 + 1 / (comparables + model.ridge));
  const fairCents = roundToDollar(Math.exp(logFair));
  return {
    kind: "estimate",
    fairCents,
    lowCents: roundToDollar(Math.exp(logFair - RANGE_Z * spread)),
    highCents: roundToDollar(Math.exp(logFair + RANGE_Z * spread)),
    comparables,
    level,
    spread,
    basis,
  };
}

/** Whole dollars, and never below $1, so a ratio against the estimate is always defined. */
export function roundToDollar(cents: number) {
  return usdCents(Math.max(100, Math.round(cents / 100) * 100));
}

function basisText(
  truck: Pick<TruckSpec, "make" | "model" | "generation">,
  comparables: number,
  level: "generation" | "family",
): string {
  const name = [truck.make, truck.model, level === "generation" ? truck.generation : null]
    .filter((s): s is string => s !== null)
    .map((s) => s.trim().replace(/\s+/g, " "))
    .join(" ");
  const listings = comparables === 1 ? "listing" : "listings";
  const scope = level === "family" ? " (all generations; this truck's generation is unknown)" : "";
  return `${comparables} comparable ${name} ${listings}${scope}, adjusted for year, mileage, drive and bed type`;
}
