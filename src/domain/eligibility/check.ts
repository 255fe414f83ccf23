// checkImportEligibility: may this truck enter the US on this date? The verdict comes from the FMVSS
// 25-year rule alone (import-rules.json meta.notes[0]: it is always the binding gate for a kei vehicle);
// EPA code E and the Section 232 age exclusion are reported beside it and never make a truck importable.
import type { ImportRules } from "../../facts/schemas.js";
import { uniqueSources } from "../sources.js";
import type { IsoDate } from "../units/dates.js";
import { checkEpa, checkSection232 } from "./age-tests.js";
import { classifyDuty, DEFAULT_VEHICLE_CLASS, isBelowHighConfidence } from "./duty.js";
import { checkFmvss } from "./fmvss.js";
import { checkKeiEra } from "./kei-era.js";
import type {
  AgeEvidence,
  EligibilityInput,
  EligibilityResult,
  FmvssOutcome,
  FmvssStatus,
  Verdict,
} from "./types.js";

export function verdictOf(status: FmvssStatus): Verdict {
  switch (status) {
    case "eligible":
      return "importable";
    case "not_yet":
      return "not_importable";
    case "needs_evidence":
      return "needs_evidence";
  }
}

function fmvssWarnings(input: EligibilityInput, fmvss: FmvssOutcome): string[] {
  const out: string[] = [];
  const { evidence, entryDate } = input;
  if (evidence.kind === "build_month") {
    // Inside the anniversary month: brokers commonly accept it, the safe reading does not.
    if (fmvss.status === "not_yet" && fmvss.commonPracticeFrom && entryDate >= fmvss.commonPracticeFrom)
      out.push(
        `Brokers commonly accept the whole anniversary month (from ${fmvss.commonPracticeFrom}), but that is ${fmvss.commonPracticeLabel}: the exact build date from the manufacturer plate or label settles it.`,
      );
  }
  if (evidence.kind === "first_registration" && fmvss.status === "needs_evidence")
    out.push(
      `The first-registration month proves eligibility only from ${fmvss.eligibleFrom}; the truck may be eligible earlier if its build date (manufacturer plate or label) is earlier.`,
    );
  return out;
}

/** A date of the truck's that comes after the entry date is a typo more often than a truck from the future. */
function futureEvidenceWarnings(evidence: AgeEvidence, entryDate: IsoDate): string[] {
  const given =
    evidence.kind === "build_date" ? evidence.date : evidence.kind === "none" ? null : evidence.month;
  // A month is after the entry date when even its first day is.
  const first = given === null ? null : given.length === 7 ? `${given}-01` : given;
  if (first === null || first <= entryDate) return [];
  const what = evidence.kind === "first_registration" ? "first registration" : "build date";
  return [`The ${what} ${given} is after the entry date ${entryDate}: check it (a typo?).`];
}

export function checkImportEligibility(input: EligibilityInput, rules: ImportRules): EligibilityResult {
  const { evidence, entryDate } = input;
  const fmvss = checkFmvss(evidence, entryDate, rules);
  const epa = checkEpa(evidence, entryDate, rules, input.modelLastBuild);
  const section232 = checkSection232(evidence, entryDate, rules, input.modelLastBuild);
  const duty = classifyDuty(input.vehicleClass ?? DEFAULT_VEHICLE_CLASS, rules);
  const era = checkKeiEra(input.vehicle, evidence, rules);

  const warnings = [...futureEvidenceWarnings(evidence, entryDate), ...fmvssWarnings(input, fmvss)];
  const ageOnly = [
    epa.codeE && `EPA code ${epa.code}`,
    section232.ageExcluded && "the Section 232 age exclusion",
  ];
  const passed = ageOnly.filter((s): s is string => typeof s === "string");
  if (fmvss.status !== "eligible" && passed.length > 0)
    warnings.push(
      `It meets ${passed.join(" and ")} (whole calendar years), but that does not make it importable: the ${rules.fmvss.minAgeYears}-year safety rule counts from the date of manufacture and decides.`,
    );
  if (era) warnings.push(...era.warnings);
  if (isBelowHighConfidence(duty.confidence))
    warnings.push(`Tariff classification ${duty.hts} is ${duty.confidence} confidence: ${duty.notes}`);

  return {
    entryDate,
    verdict: verdictOf(fmvss.status),
    fmvss,
    epa,
    section232,
    duty,
    keiEra: era?.check ?? null,
    warnings,
    sources: uniqueSources([
      fmvss.sources,
      epa.sources,
      section232.sources,
      duty.sources,
      era?.check.sources ?? [],
    ]),
    disclaimer: rules.meta.disclaimer,
  };
}
