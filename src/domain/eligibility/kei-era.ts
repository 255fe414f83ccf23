// Kei-era sanity check: a truck's size and engine should fit the Japanese kei rules in force when it was
// built (import-rules.json `keiRegulations`). Per `keiRegulationsUse`, transitional sales straddle the
// cut-over dates, so a value over the limit is a warning that the build date or the figures may be wrong,
// never a rejection. Unknown values are skipped silently.
import type { ImportRules } from "../../facts/schemas.js";
import { resolveSources } from "../sources.js";
import { firstDayOfMonth, type IsoDate } from "../units/dates.js";
import type { AgeEvidence, KeiEraCheck, VehicleFacts } from "./types.js";

type Era = ImportRules["keiRegulations"][number];

/**
 * The date the era is chosen by: the build date, or the first day of a build month (as the brief of this
 * engine asks). For a registration month we also take its first day: the limits only ever grew, so the
 * latest possible era is the most permissive one and the check stays quiet rather than wrongly loud.
 */
export function eraCheckDate(evidence: AgeEvidence): IsoDate | null {
  switch (evidence.kind) {
    case "build_date":
      return evidence.date;
    case "build_month":
    case "first_registration":
      return firstDayOfMonth(evidence.month);
    case "none":
      return null;
  }
}

export function findKeiEra(date: IsoDate, rules: ImportRules): Era | null {
  return rules.keiRegulations.find((e) => e.from <= date && (e.to === null || date <= e.to)) ?? null;
}

const CHECKS = [
  { key: "displacementCc", limit: "maxDisplacementCc", label: "Displacement", unit: "cc" },
  { key: "lengthMm", limit: "maxLengthMm", label: "Length", unit: "mm" },
  { key: "widthMm", limit: "maxWidthMm", label: "Width", unit: "mm" },
  { key: "heightMm", limit: "maxHeightMm", label: "Height", unit: "mm" },
] as const;

export interface KeiEraResult {
  check: KeiEraCheck;
  warnings: string[];
}

export function checkKeiEra(
  vehicle: VehicleFacts | undefined,
  evidence: AgeEvidence,
  rules: ImportRules,
): KeiEraResult | null {
  const date = eraCheckDate(evidence);
  if (!vehicle || !date) return null;
  const era = findKeiEra(date, rules);
  if (!era) return null;
  const span = `${era.from} to ${era.to ?? "today"}`;
  const exceeded: string[] = [];
  const warnings: string[] = [];
  for (const c of CHECKS) {
    const value = vehicle[c.key];
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    // maxDisplacementCc is the four-stroke figure; early eras allowed less for two-strokes
    // (maxDisplacementCc2Stroke), but the stroke is not an input, so the larger limit is the safe one.
    if (value <= era[c.limit]) continue;
    exceeded.push(c.key);
    warnings.push(
      `${c.label} ${value} ${c.unit} is over the ${era[c.limit]} ${c.unit} kei limit for vehicles built ${span}.`,
    );
  }
  if (warnings.length > 0)
    warnings.push(
      `The kei rules changed on set dates and transitional sales straddle them, so this is only a warning: check the build date${vehicle.chassisCode ? ` and the figures for ${vehicle.chassisCode}` : " and the figures"}.`,
    );
  return {
    check: {
      checkedDate: date,
      era: { from: era.from as IsoDate, to: era.to as IsoDate | null },
      limits: {
        lengthMm: era.maxLengthMm,
        widthMm: era.maxWidthMm,
        heightMm: era.maxHeightMm,
        displacementCc: era.maxDisplacementCc,
      },
      exceeded,
      sources: resolveSources(era.source, rules.sources),
    },
    warnings,
  };
}
