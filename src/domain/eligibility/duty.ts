// Tariff classification by vehicle class, from import-rules.json `duty` (appliesTo): kei trucks, dumps and
// deck vans are goods vehicles (8704.31, the 25% "chicken tax"); a kei van with rear seats is a passenger
// vehicle (8703.21, 2.5%). Headings listed with an empty appliesTo are the ones CBP rejected for kei
// vehicles; they are returned as `notOffered` so a page can say why they are not offered.
import type { ImportRules } from "../../facts/schemas.js";
import { resolveSources } from "../sources.js";
import type { DutyOutcome, VehicleClass } from "./types.js";

export const DEFAULT_VEHICLE_CLASS: VehicleClass = "kei_truck";

/** Throws when no duty line applies to the class: every class is covered by the data, so that is a data bug. */
export function classifyDuty(vehicleClass: VehicleClass, rules: ImportRules): DutyOutcome {
  const line = rules.duty.find((d) => d.appliesTo.includes(vehicleClass));
  if (!line) throw new Error(`import-rules.json duty: no line applies to "${vehicleClass}"`);
  return {
    vehicleClass,
    hts: line.hts,
    rate: line.rate,
    rateText: line.rateText,
    description: line.description,
    confidence: line.confidence,
    notes: line.notes,
    notOffered: rules.duty
      .filter((d) => d.appliesTo.length === 0)
      .map((d) => ({ hts: d.hts, rateText: d.rateText, notes: d.notes })),
    sources: resolveSources(line.source, rules.sources),
  };
}

/** Confidence below "high" is shown to the user (DESIGN.md, Reference data). */
export function isBelowHighConfidence(confidence: string): boolean {
  return !/^high\b/i.test(confidence.trim()) || /\b(medium|low)\b/i.test(confidence);
}
