// What a valid deal-model snapshot file is. The file is ours, but it sits in a folder users copy, edit
// and restore, and an older or newer keiyard may have written it: anything that does not match exactly
// is rejected (and the model fitted anew), never half-used.
import { z } from "zod";
import { compareKeys } from "../domain/pricing/features.js";
import { DENSE_NAMES, type DealModel, type DenseName } from "../domain/pricing/types.js";

/** Bumped when the file's shape or the model's meaning changes: older files are then ignored. */
export const DEAL_SNAPSHOT_VERSION = 1;

const finite = z.number().finite();
const count = z.number().int().min(0);

const groupEffect = z
  .object({
    make: z.string(),
    model: z.string(),
    generation: z.string().nullable(),
    effect: finite,
    count,
    sigma: finite.min(0),
  })
  .strict();

// Lookups are binary searches: a list out of order would silently miss groups.
const sortedGroups = z
  .array(groupEffect)
  .refine((groups) => groups.every((g, i) => i === 0 || compareKeys(groups[i - 1]!, g) < 0), {
    message: "groups out of order",
  });

const coefficients = z
  .object(Object.fromEntries(DENSE_NAMES.map((n) => [n, finite])) as Record<DenseName, typeof finite>)
  .strict();

export const dealModelSchema = z
  .object({
    version: z.literal(1),
    method: z.literal("ridge-log-linear"),
    referenceYear: z.number().int(),
    ridge: finite.min(0),
    minGroupSize: count,
    fittedOn: count,
    excluded: count,
    skipped: count,
    unknownGeneration: count,
    intercept: finite,
    coefficients,
    means: z.object({ age: finite, ageSquared: finite, logKm: finite, fourWd: finite }).strict(),
    bounds: z.object({ minAge: finite, maxAge: finite, maxLogKm: finite }).strict(),
    sigma: finite.min(0),
    spreadFactors: z.tuple([finite, finite, finite, finite]),
    makes: sortedGroups,
    families: sortedGroups,
    generations: sortedGroups,
  })
  .strict() satisfies z.ZodType<DealModel>;

export const dealSnapshotSchema = z
  .object({
    version: z.literal(DEAL_SNAPSHOT_VERSION),
    fittedAt: z.iso.datetime(),
    /** The data folder's fingerprint when the file was written (data-dir-fingerprint.ts). */
    fingerprint: z.string().min(1),
    /** null: the marketplace had no US listings with prices. */
    model: dealModelSchema.nullable(),
    listings: count,
    demoListings: count,
  })
  .strict()
  .refine((s) => s.demoListings <= s.listings, { message: "more demo listings than listings" });

export type DealSnapshot = z.infer<typeof dealSnapshotSchema>;
