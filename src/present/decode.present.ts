// The public shape of a decoded frame number (CLI --json and /api/v1/decode): the catalog record's facts,
// with US units beside metric ones, and unknown values left null.
import type { DecodeResult } from "../domain/catalog/decode.js";
import { linkSources } from "../domain/sources.js";
import { kg, kgToLb, mm, mmToIn, roundTo } from "../domain/units/measures.js";

type Decoded = Extract<DecodeResult, { kind: "decoded" }>;

const lb = (v: number | null) => (v === null ? null : roundTo(kgToLb(kg(v)), 0));
const inches = (v: number | null) => (v === null ? null : roundTo(mmToIn(mm(v)), 1));

export function presentDecoded(d: Decoded) {
  const e = d.entry;
  return {
    chassisCode: d.chassisCode,
    serial: d.serial,
    emissionsPrefix: d.emissionsPrefix,
    prefixHint: d.prefixHint,
    make: e.make,
    model: e.model,
    generation: {
      label: e.generation.label,
      number: e.generation.number,
      note: e.generation.numberingNote ?? null,
    },
    drive: d.drive,
    driveNote: d.driveNote,
    engineCodes: e.engineCodes,
    displacementCc: e.displacementCc,
    cylinders: e.cylinders,
    powerPs: e.powerPs,
    transmissions: e.transmissions,
    layout: e.layout,
    bodyStyles: e.bodyStyles,
    productionStart: e.productionStart,
    productionEnd: e.productionEnd,
    inProduction: e.inProduction,
    rebadgeOf: e.rebadgeOf,
    specs: {
      payloadKg: e.payloadKg,
      payloadLb: lb(e.payloadKg),
      curbWeightKg: e.curbWeightKg,
      curbWeightLb: lb(e.curbWeightKg),
      bedLengthMm: e.bedLengthMm,
      bedLengthIn: inches(e.bedLengthMm),
      bedWidthMm: e.bedWidthMm,
      bedWidthIn: inches(e.bedWidthMm),
      lengthMm: e.dimensions.lengthMm,
      lengthIn: inches(e.dimensions.lengthMm),
      widthMm: e.dimensions.widthMm,
      widthIn: inches(e.dimensions.widthMm),
      heightMm: e.dimensions.heightMm,
      heightIn: inches(e.dimensions.heightMm),
      wheelbaseMm: e.dimensions.wheelbaseMm,
      wheelbaseIn: inches(e.dimensions.wheelbaseMm),
    },
    features: e.features,
    notes: e.notes,
    /** Fields of the record taken from general knowledge, not from a source. */
    unverifiedFields: e.unverifiedFields,
    confidence: e.confidence,
    sources: linkSources(e.sources),
    warnings: d.warnings,
    /** Never derived: a serial does not date a truck. */
    buildDate: null,
  };
}
export type DecodedView = ReturnType<typeof presentDecoded>;
