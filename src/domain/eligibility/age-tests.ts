// The two calendar-year age tests next to the FMVSS rule: EPA's exemption code E (import-rules.json `epa`)
// and the Section 232 age exclusion (`section232AgeExclusion`). Both count whole calendar years, not days,
// so they pass earlier than FMVSS; neither makes a truck importable on its own (meta.notes[0]).
import type { ImportRules } from "../../facts/schemas.js";
import { resolveSources } from "../sources.js";
import { dateParts, type IsoDate, monthParts } from "../units/dates.js";
import type { AgeEvidence, EpaOutcome, ModelLastBuild, Section232Outcome } from "./types.js";

export interface EvidenceYear {
  year: number;
  /** A first-registration month bounds the build from above: the true production year may be earlier. */
  isUpperBound: boolean;
  /** Set when the year is the end of the model's production (no evidence for this truck): its code. */
  fromModel?: string;
}

/**
 * The truck's own year, or else its model's last production year: every truck of the model was built by
 * then, so it bounds this one's production year from above, as a registration year does.
 */
function ageYear(evidence: AgeEvidence, model: ModelLastBuild | undefined): EvidenceYear | null {
  return (
    evidenceYear(evidence) ??
    (model ? { year: model.year, isUpperBound: true, fromModel: model.chassisCode } : null)
  );
}

export function evidenceYear(evidence: AgeEvidence): EvidenceYear | null {
  switch (evidence.kind) {
    case "build_date":
      return { year: dateParts(evidence.date).year, isUpperBound: false };
    case "build_month":
      return { year: monthParts(evidence.month).year, isUpperBound: false };
    case "first_registration":
      return { year: monthParts(evidence.month).year, isUpperBound: true };
    case "none":
      return null;
  }
}

/**
 * Passing with an upper-bound year is a real pass (the true age is at least that); falling short is not a
 * real fail (the truck may be older), so it is null: "we don't know" is shown, never guessed.
 */
function passes(age: number, min: number, isUpperBound: boolean): boolean | null {
  if (age >= min) return true;
  return isUpperBound ? null : false;
}

function text(v: unknown, fallback: string): string {
  return typeof v === "string" ? v : fallback;
}

/** The years in section232AgeExclusion.test ("... >= 25"); 25 is the proclamation's figure if unreadable. */
export function section232MinYears(rules: ImportRules): number {
  const m = />=\s*(\d+)/.exec(text(rules.section232AgeExclusion.test, ""));
  return m ? Number(m[1]) : 25;
}

export function checkEpa(
  evidence: AgeEvidence,
  entryDate: IsoDate,
  rules: ImportRules,
  model?: ModelLastBuild,
): EpaOutcome {
  const epa = rules.epa;
  const base = {
    minAgeYears: epa.minAgeYears,
    code: epa.code,
    conditions: [...epa.conditions],
    caveats: [...epa.caveats],
    citation: epa.citation,
    sources: resolveSources(epa.sources, rules.sources),
  };
  const ey = ageYear(evidence, model);
  if (!ey)
    return {
      ageYears: null,
      codeE: null,
      productionYear: null,
      productionYearIsUpperBound: false,
      note: "Without a production year the EPA age cannot be worked out.",
      ...base,
    };
  // epa.measure: calendar_year(importation) - original_production_year >= epa.minAgeYears.
  const ageYears = dateParts(entryDate).year - ey.year;
  const codeE = passes(ageYears, epa.minAgeYears, ey.isUpperBound);
  const measure = `${dateParts(entryDate).year} - ${ey.year} = ${ageYears} calendar years`;
  const bound = ey.fromModel
    ? `every ${ey.fromModel} was built by ${ey.year}, the end of its production, so the truck is at least this old`
    : "the registration year is an upper bound on the production year, so the truck is at least this old";
  const note = ey.isUpperBound
    ? `${measure} at least: ${bound}${codeE === null ? `; ${epa.minAgeYears} is not reached by this evidence, so the build year is needed` : ""}.`
    : `${measure} (${codeE ? "meets" : "below"} the ${epa.minAgeYears} needed for code ${epa.code}).`;
  return {
    ...base,
    productionYear: ey.year,
    productionYearIsUpperBound: ey.isUpperBound,
    ageYears,
    codeE,
    note,
  };
}

export function checkSection232(
  evidence: AgeEvidence,
  entryDate: IsoDate,
  rules: ImportRules,
  model?: ModelLastBuild,
): Section232Outcome {
  const s = rules.section232AgeExclusion;
  const base = {
    effectiveFrom: s.effectiveFrom as IsoDate,
    heading: s.heading,
    test: text(s.test, s.text),
    sources: resolveSources(s.sources, rules.sources),
  };
  // Before effectiveFrom there was no Section 232 vehicle tariff, so nothing to be excluded from.
  if (entryDate < s.effectiveFrom)
    return {
      applicable: false,
      ageExcluded: null,
      calendarYears: null,
      note: `Not applicable: the Section 232 vehicle tariff applies to entries from ${s.effectiveFrom}.`,
      ...base,
    };
  const ey = ageYear(evidence, model);
  if (!ey)
    return {
      applicable: true,
      ageExcluded: null,
      calendarYears: null,
      note: "Without a year of manufacture the age exclusion cannot be worked out.",
      ...base,
    };
  // section232AgeExclusion.test: calendar_year(entry) - calendar_year(manufacture) >= 25.
  const calendarYears = dateParts(entryDate).year - ey.year;
  const ageExcluded = passes(calendarYears, section232MinYears(rules), ey.isUpperBound);
  const verdict =
    ageExcluded === null
      ? "not shown by the registration year alone (the truck may be older)"
      : ageExcluded
        ? `excluded under ${s.heading}`
        : "not excluded";
  return {
    applicable: true,
    ageExcluded,
    calendarYears,
    note: `${dateParts(entryDate).year} - ${ey.year} = ${calendarYears} calendar years${ey.isUpperBound ? " at least" : ""}${ey.fromModel ? ` (every ${ey.fromModel} was built by ${ey.year})` : ""}: ${verdict}.`,
    ...base,
  };
}
