// Steps 5-6, the federal declarations filed with the entry: NHTSA HS-7 box 1 (the 25-year rule, which
// decides whether the truck may enter at all) and EPA 3520-1 code E. Their status follows the
// eligibility result: an unproven age blocks HS-7, a truck under 25 cannot use box 1 yet.
import type { ImportRules } from "../../facts/schemas.js";
import type { EligibilityResult } from "../eligibility/types.js";
import { CONFIRM_BROKER, confidenceValues, confirmWith, lowestConfidence } from "./confidence.js";
import { section, sentence, text } from "./facts.js";
import type { ChecklistStatus, ChecklistStep } from "./types.js";

function manufactureLine(e: EligibilityResult["fmvss"]["evidence"]): string {
  switch (e.kind) {
    case "build_date":
      return `Date of manufacture: ${e.value} (${e.note.replace(/\.$/, "")})`;
    case "build_month":
      return `Month of manufacture: ${e.value} (${e.note.replace(/\.$/, "")})`;
    case "first_registration":
      return `Date of manufacture: not known; the first-registration month is ${e.value} (${e.note.replace(/\.$/, "")})`;
    case "none":
      return `Date of manufacture: unknown (${e.note.replace(/\.$/, "")})`;
  }
}

function identifierLine(
  form: Readonly<Record<string, unknown>>,
  frame: string | null,
  chassis: string | null,
) {
  const field = text(form, "identifierField");
  if (!field) return null;
  const own = frame ? ` This truck: ${frame}.` : chassis ? ` This truck's chassis code: ${chassis}.` : "";
  return `Identifier: ${field}.${own}`;
}

function acceptedEvidence(rules: ImportRules): string {
  const list = Array.isArray(rules.fmvss.acceptedEvidence) ? rules.fmvss.acceptedEvidence : [];
  const descriptions = list
    .map((e) => text(section(e), "description")?.replace(/\.$/, "") ?? null)
    .filter((d) => d !== null);
  return descriptions.length > 0 ? `Evidence NHTSA accepts: ${descriptions.join("; ")}.` : "";
}

function hs7Status(e: EligibilityResult): { status: ChecklistStatus; line: string } {
  const { fmvss, verdict, entryDate } = e;
  const last = fmvss.reasoning.at(-1) ?? "";
  if (verdict === "needs_evidence")
    return { status: "blocked", line: `Blocked until the date of manufacture is proven: ${last}` };
  if (verdict === "not_importable")
    return {
      status: "not_possible",
      line: `Not possible for an entry on ${entryDate}: it is eligible only from ${fmvss.eligibleFrom ?? "an unknown date"} (${fmvss.minAgeYears} years from the date of manufacture). ${last}`,
    };
  return {
    status: "todo",
    line: `Eligible from ${fmvss.eligibleFrom}: the ship's arrival and the entry date must both be on or after it.`,
  };
}

export function hs7Step(
  rules: ImportRules,
  e: EligibilityResult,
  frame: string | null,
  chassis: string | null,
): ChecklistStep {
  const form = section(rules.fmvss.form);
  const { status, line } = hs7Status(e);
  const kind = e.fmvss.evidence.kind;
  const keys = [
    "rule",
    "dateOfManufactureBasis",
    ...(kind === "build_month" ? ["dayVsMonthHandling"] : []),
    ...(kind === "first_registration" || kind === "none" ? ["evidenceList"] : []),
  ];
  const boxText = text(form, "boxText");
  const penalty = text(rules.fmvss, "falseDeclarationPenalty");
  const confidence = lowestConfidence(confidenceValues(rules.fmvss.confidence, keys));
  return {
    id: "nhtsa-hs7",
    phase: "federal",
    title: `${text(form, "name") ?? "NHTSA HS-7"} box ${text(form, "box") ?? "1"}: the 25-year exemption`,
    who: "you or your broker",
    forms: [`${text(form, "name") ?? "NHTSA HS-7"} (box ${text(form, "box") ?? "1"})`],
    detail: [
      boxText ? `Box 1 reads: "${boxText}".` : null,
      `${manufactureLine(e.fmvss.evidence)}.`,
      identifierLine(form, frame, chassis),
      line,
      status === "blocked" ? acceptedEvidence(rules) : null,
      penalty ? `False declaration: ${sentence(penalty)}` : null,
    ]
      .filter((l): l is string => l !== null && l !== "")
      .join(" "),
    status,
    confidence,
    confirmWith: confirmWith(confidence, CONFIRM_BROKER),
    sources: e.fmvss.sources,
  };
}

export function epaStep(rules: ImportRules, e: EligibilityResult): ChecklistStep {
  const { epa } = e;
  const status: ChecklistStatus =
    epa.codeE === true ? "todo" : epa.codeE === false ? "not_possible" : "blocked";
  const form = typeof rules.epa.form === "string" ? rules.epa.form : "EPA 3520-1";
  const confidence = lowestConfidence(confidenceValues(rules.epa.confidence));
  const lead =
    status === "todo"
      ? `Code ${epa.code} applies: ${epa.note}`
      : status === "not_possible"
        ? `Code ${epa.code} does not apply (${epa.minAgeYears} calendar years needed): ${epa.note}`
        : `Code ${epa.code} cannot be confirmed yet: ${epa.note}`;
  return {
    id: "epa-3520-1",
    phase: "federal",
    title: `EPA Form 3520-1, code ${epa.code}`,
    who: "you or your broker",
    forms: [`${form}, code ${epa.code}`],
    detail: [
      lead,
      `Conditions: ${epa.conditions.join("; ")}.`,
      epa.caveats.length > 0 ? `Caveats: ${epa.caveats.join(" ")}` : null,
    ]
      .filter((l): l is string => l !== null)
      .join(" "),
    status,
    confidence,
    confirmWith: confirmWith(confidence, CONFIRM_BROKER),
    sources: epa.sources,
  };
}
