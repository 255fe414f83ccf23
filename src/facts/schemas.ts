// Zod schemas of the fact files in data/facts. They are strict where an engine reads a field and loose
// (extra keys allowed) around descriptive prose, so a researcher can add notes without a code change.
// Unknown values are null in the data and stay null here: nothing is defaulted or filled in.

import { z } from "zod";
import type { AuctionSheetFacts } from "./auction-sheet.schema.js";

const confidence = z.enum(["high", "medium", "low"]);
const yearOrMonth = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, "expected YYYY or YYYY-MM");
const isoDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "expected YYYY-MM-DD");
const positiveOrNull = z.number().positive().nullable();

export const linkSourceSchema = z.object({
  url: z.string().url(),
  title: z.string().min(1),
  date: z.string().nullable().optional(),
});

// ---- kei-catalog.json -------------------------------------------------------------------------
export const catalogEntrySchema = z.object({
  id: z.string().min(1),
  make: z.string().min(1),
  model: z.string().min(1),
  rebadgeOf: z.string().nullable(),
  generation: z.looseObject({
    label: z.string(),
    number: z.number().int().nullable(),
    numberingNote: z.string().nullable().optional(),
  }),
  chassisCode: z.string().regex(/^[A-Z0-9]+$/, "expected upper-case letters and digits"),
  framePrefix: z.string().regex(/^[A-Z0-9]+$/, "expected upper-case letters and digits"),
  bodyStyles: z.array(z.string()),
  productionStart: yearOrMonth.nullable(),
  productionEnd: yearOrMonth.nullable(),
  inProduction: z.boolean(),
  engineCodes: z.array(z.string()),
  displacementCc: positiveOrNull,
  powerPs: positiveOrNull,
  cylinders: z.number().int().positive().nullable(),
  drive: z.enum(["2WD", "4WD", "both"]).nullable(),
  transmissions: z.array(z.string()),
  layout: z.string().nullable(),
  payloadKg: positiveOrNull,
  curbWeightKg: positiveOrNull,
  bedLengthMm: positiveOrNull,
  bedFloorLengthMm: positiveOrNull,
  bedWidthMm: positiveOrNull,
  dimensions: z.object({
    lengthMm: positiveOrNull,
    widthMm: positiveOrNull,
    heightMm: positiveOrNull,
    wheelbaseMm: positiveOrNull,
  }),
  features: z.array(z.string()),
  notes: z.string().nullable(),
  unverifiedFields: z.array(z.string()),
  confidence,
  sources: z.array(linkSourceSchema).min(1, "every catalog record needs at least one source"),
});
export const catalogSchema = z.array(catalogEntrySchema);

// ---- state-rules.json -------------------------------------------------------------------------
export const legalityStatusSchema = z.enum([
  "street_legal",
  "restricted",
  "offroad_only",
  "prohibited",
  "unclear",
]);
const stateCode = z.string().regex(/^[A-Z]{2}$/, "expected a two-letter upper-case code");
export const stateChangeSchema = z.object({
  effectiveFrom: isoDay,
  status: legalityStatusSchema.optional(),
  maxRoadSpeedMph: z.number().int().positive().nullable().optional(),
  requirements: z.array(z.string()).optional(),
  summary: z.string().optional(),
  statute: z.string().nullable().optional(),
});
export const stateRuleSchema = z.object({
  code: stateCode,
  name: z.string().min(1),
  status: legalityStatusSchema,
  maxRoadSpeedMph: z.number().int().positive().nullable(),
  requirements: z.array(z.string()),
  statute: z.string().nullable(),
  summary: z.string(),
  sources: z.array(linkSourceSchema).min(1, "every state record needs at least one source"),
  confidence,
  lastReviewed: isoDay,
  changes: z.array(stateChangeSchema).optional(),
});
export const stateRulesSchema = z.array(stateRuleSchema).length(51, "expected the 50 states and DC");

// ---- state-fees.json --------------------------------------------------------------------------
const feeRange = z.object({ min: z.number().nonnegative(), max: z.number().nonnegative() });
export const stateFeesSchema = z
  .array(
    z.object({
      code: stateCode,
      name: z.string().min(1),
      motorVehicleTax: z.object({
        rate: z.number().min(0).max(0.2).nullable(),
        localAddOns: z.boolean().nullable(),
        minimumUsd: z.number().nonnegative().optional(),
        capUsd: z.number().positive().optional(),
        notes: z.string().nullable().optional(),
      }),
      titleFeeUsd: z.number().nonnegative().nullable(),
      registrationFeeUsd: z.union([z.number().nonnegative(), feeRange]).nullable(),
      registrationTermYears: z.number().positive().nullable(),
      otherFees: z.array(z.object({ name: z.string(), usd: z.number().nonnegative() })).optional(),
      notes: z.string().nullable(),
      sources: z.array(linkSourceSchema).min(1),
      confidence,
      lastReviewed: isoDay,
    }),
  )
  .length(51, "expected the 50 states and DC");

// ---- import-rules.json ------------------------------------------------------------------------
const sourceIds = z.array(z.string().min(1));
export const sourceRefSchema = z.looseObject({
  title: z.string().min(1),
  url: z.string().url().nullable(),
  publisher: z.string().optional(),
  date: z.string().nullable().optional(),
  primary: z.boolean().optional(),
});

const mpfYear = z.object({
  fiscalYear: z.number().int(),
  effectiveFrom: isoDay,
  effectiveTo: isoDay,
  rate: z.number().positive(),
  min: z.number().positive().nullable(),
  max: z.number().positive().nullable(),
  source: sourceIds,
  confidence: z.string(),
});

export const importRulesSchema = z.looseObject({
  meta: z.looseObject({ schemaVersion: z.literal(1), reviewedOn: isoDay, disclaimer: z.string() }),
  fmvss: z.looseObject({
    minAgeYears: z.number().int().positive(),
    precision: z.looseObject({
      exactDayKnown: z.string(),
      monthOnlyConservative: z.string(),
      monthOnlyCommonPractice: z.string(),
      feb29: z.string(),
    }),
    comparedAgainstPolicy: z.string(),
    citation: z.string(),
    sources: sourceIds,
  }),
  epa: z.looseObject({
    minAgeYears: z.number().int().positive(),
    code: z.string(),
    conditions: z.array(z.string()),
    caveats: z.array(z.string()),
    citation: z.string(),
    sources: sourceIds,
  }),
  section232AgeExclusion: z.looseObject({
    heading: z.string(),
    effectiveFrom: isoDay,
    text: z.string(),
    sources: sourceIds,
  }),
  duty: z.array(
    z.looseObject({
      hts: z.string(),
      description: z.string(),
      rate: z.number().min(0).max(1).nullable(),
      rateText: z.string(),
      appliesTo: z.array(z.string()),
      notes: z.string(),
      confidence: z.string(),
      source: sourceIds,
    }),
  ),
  tariffOverlays: z.array(
    z.looseObject({
      id: z.string(),
      authority: z.string(),
      rate: z.number().min(0).max(1).optional(),
      effectiveFrom: isoDay,
      effectiveTo: isoDay.nullable(),
      confidence: z.string(),
      notes: z.string().optional(),
      source: sourceIds,
    }),
  ),
  customsValue: z.looseObject({ basis: z.string(), excludes: z.array(z.string()), sources: sourceIds }),
  fees: z.looseObject({
    mpf: z.looseObject({ history: z.array(mpfYear).min(1), appliesTo: z.string() }),
    hmf: z.looseObject({ rate: z.number().positive(), appliesTo: z.string(), source: sourceIds }),
  }),
  typicalCosts: z.array(
    z.looseObject({
      item: z.string(),
      label: z.string(),
      lowJpy: z.number().nonnegative().optional(),
      highJpy: z.number().nonnegative().optional(),
      lowUsd: z.number().nonnegative().nullable(),
      highUsd: z.number().nonnegative().nullable(),
      notes: z.string(),
      source: sourceIds,
      confidence: z.string(),
    }),
  ),
  /** Optional: the batch lot tool's fallback when no fair-price model can price a truck. */
  usRetailPrices: z
    .looseObject({
      typicalRangeUsd: z.tuple([z.number().positive(), z.number().positive()]),
      estimate: z.boolean(),
      notes: z.string(),
      dataPoints: z.array(z.looseObject({ vehicle: z.string(), priceUsd: z.number(), source: z.string() })),
      confidence: z.string(),
    })
    .optional(),
  keiRegulations: z.array(
    z.looseObject({
      from: isoDay,
      to: isoDay.nullable(),
      maxLengthMm: z.number().positive(),
      maxWidthMm: z.number().positive(),
      maxHeightMm: z.number().positive(),
      maxDisplacementCc: z.number().positive(),
      source: sourceIds,
      confidence: z.string(),
    }),
  ),
  sources: z.record(z.string(), sourceRefSchema),
});

// ---- haul-loads.json ---------------------------------------------------------------------------
// What loads weigh, for the haul planner. Weights stay in the units of their sources (lb, inches, feet);
// the domain converts. A range is min <= typical <= max; "typical" is the documented middle of the
// sourced values (see data/facts/README.md), never a number of its own.
const weightRange = z
  .object({ min: z.number().positive(), typical: z.number().positive(), max: z.number().positive() })
  .refine((r) => r.min <= r.typical && r.typical <= r.max, "expected min <= typical <= max");
const haulId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "expected a lower-case-kebab id");
const haulBase = {
  id: haulId,
  name: z.string().min(1),
  sources: z.array(linkSourceSchema).min(1, "every load record needs at least one source"),
  confidence,
  reviewed: isoDay,
  notes: z.string(),
};
const positive = z.number().positive();
export const haulLoadSchema = z.discriminatedUnion("kind", [
  z.object({
    ...haulBase,
    kind: z.literal("stack_unit"),
    heightFt: positive,
    lengthFt: positive,
    depthIn: positive,
  }),
  z.object({
    ...haulBase,
    kind: z.literal("firewood"),
    botanicalName: z.string().nullable(),
    lbPerCord: z
      .object({ green: weightRange.nullable(), seasoned: weightRange.nullable() })
      .refine((w) => w.green || w.seasoned, "expected a green or a seasoned weight"),
  }),
  // Nested: a bale is rectangular (length x width x height) or round (width x diameter).
  z.discriminatedUnion("shape", [
    z.object({
      ...haulBase,
      kind: z.literal("hay_bale"),
      shape: z.literal("rectangular"),
      sizeIn: z.object({ lengthIn: positive, widthIn: positive, heightIn: positive }),
      lbPerBale: weightRange,
    }),
    z.object({
      ...haulBase,
      kind: z.literal("hay_bale"),
      shape: z.literal("round"),
      sizeIn: z.object({ widthIn: positive, diameterIn: positive }),
      lbPerBale: weightRange,
    }),
  ]),
  z.object({ ...haulBase, kind: z.literal("bulk"), lbPerCubicYard: weightRange }),
  z.object({
    ...haulBase,
    kind: z.literal("sheet"),
    material: z.enum(["plywood", "drywall"]),
    thicknessIn: positive,
    sizeIn: z.object({ lengthIn: positive, widthIn: positive }),
    lbPerSheet: weightRange,
  }),
  z.object({
    ...haulBase,
    kind: z.literal("bed_side"),
    chassisCodes: z.array(z.string().regex(/^[A-Z0-9]+$/, "expected upper-case letters and digits")).min(1),
    sideHeightMm: positive,
  }),
]);
export const haulLoadsSchema = z.array(haulLoadSchema);
export type HaulLoad = z.infer<typeof haulLoadSchema>;
export type WeightRange = z.infer<typeof weightRange>;
// ---- engine-timing.json -----------------------------------------------------------------------
/** How an engine drives its camshaft; null camDrive: not found in a source (the site says so). */
export const engineTimingSchema = z.object({
  meta: z.looseObject({ schemaVersion: z.literal(1), reviewedOn: isoDay }),
  engines: z.array(
    z.object({
      engine: z.string().regex(/^[A-Z0-9]+$/, "expected an engine code as in kei-catalog.json"),
      make: z.string().min(1),
      camDrive: z.enum(["belt", "chain"]).nullable(),
      note: z.string().nullable(),
      sources: z.array(linkSourceSchema),
      confidence,
    }),
  ),
});
export type EngineTiming = z.infer<typeof engineTimingSchema>["engines"][number];

// ---- fx-default.json (optional) ----------------------------------------------------------------
/** A dated default exchange rate for estimates; the user can always give their own. */
export const fxDefaultSchema = z.object({
  jpyPerUsd: z.number().gt(10).lt(1000),
  date: isoDay,
  kind: z.string().min(1),
  source: linkSourceSchema,
  confidence,
  note: z.string(),
});
export type FxDefault = z.infer<typeof fxDefaultSchema>;

// ---- model-names.json ------------------------------------------------------------------------
/** How auction lists spell makes and model families, in English and Japanese, pointing at the catalog. */
const spellings = z.array(z.string().min(1)).min(1);
export const modelNamesSchema = z.object({
  schemaVersion: z.literal(1),
  reviewedOn: isoDay,
  purpose: z.string(),
  makes: z.array(
    z.object({ make: z.string().min(1), names: spellings, sources: z.array(linkSourceSchema).min(1) }),
  ),
  families: z.array(
    z.object({
      make: z.string().min(1),
      model: z.string().min(1),
      names: spellings,
      sources: z.array(linkSourceSchema).min(1),
    }),
  ),
});
export type ModelNames = z.infer<typeof modelNamesSchema>;

export type LinkSource = z.infer<typeof linkSourceSchema>;
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type LegalityStatus = z.infer<typeof legalityStatusSchema>;
export type StateRule = z.infer<typeof stateRuleSchema>;
export type StateChange = z.infer<typeof stateChangeSchema>;
export type StateFees = z.infer<typeof stateFeesSchema>[number];
export type ImportRules = z.infer<typeof importRulesSchema>;
export type SourceRef = z.infer<typeof sourceRefSchema>;
export type MpfYear = z.infer<typeof mpfYear>;

/** Every fact table, validated and frozen; the engines take this (or parts of it) as an argument. */
export interface Facts {
  catalog: readonly CatalogEntry[];
  importRules: ImportRules;
  stateRules: readonly StateRule[];
  stateFees: readonly StateFees[];
  /** Timing belt or chain, by engine code (a buying check). */
  engineTiming: readonly EngineTiming[];
  /** Null when the project ships no dated default rate: then the user must give one. */
  fxDefault: FxDefault | null;
  /** Weights of common loads (firewood, hay, bulk, sheets) and bed side heights, for the haul planner. */
  haulLoads: readonly HaulLoad[];
  /** Model and make spellings of auction lists (English and Japanese). */
  modelNames: ModelNames;
  /** What the marks on a Japanese auction sheet mean. */
  auctionSheet: AuctionSheetFacts;
}

export type { AuctionSheetFacts } from "./auction-sheet.schema.js";
// Shared with the fact files whose schemas live in files of their own.
export { confidence as confidenceSchema, isoDay as isoDaySchema };
