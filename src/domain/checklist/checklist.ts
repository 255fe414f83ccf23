// buildImportChecklist: the ordered steps from a truck in Japan to plates in the viewer's state, each
// with its forms, who files them, its sources and "confirm with …" where the data is below high
// confidence. It only arranges what the eligibility result and the fact tables say.
import type { ImportRules, StateRule } from "../../facts/schemas.js";
import type { EligibilityResult } from "../eligibility/types.js";
import { LEGALITY_DISCLAIMER, STATUS_LABELS, type StreetLegality } from "../legality/street-legality.js";
import { epaStep, hs7Step } from "./federal-steps.js";
import { billOfLadingStep, entryStep, exportCertificateStep, isfStep } from "./shipping-steps.js";
import { stateSteps } from "./state-steps.js";
import type { ChecklistInput, ChecklistStep, ImportChecklist } from "./types.js";

function federalSummary(e: EligibilityResult): string {
  switch (e.verdict) {
    case "importable":
      return `The truck may enter the US on ${e.entryDate} under the ${e.fmvss.minAgeYears}-year rule.`;
    case "needs_evidence":
      return `Import is blocked until the date of manufacture is proven (${e.fmvss.evidence.note.replace(/\.$/, "")}).`;
    case "not_importable":
      return `The truck cannot be imported on ${e.entryDate}: it is eligible from ${e.fmvss.eligibleFrom ?? "an unknown date"}.`;
  }
}

function stateSummary(l: StreetLegality | null, state: string | null): string {
  if (l === null)
    return state === null
      ? "Choose your state to see its registration path."
      : `No state record for ${state}.`;
  switch (l.status) {
    case "street_legal":
    case "restricted":
      return `${l.name} (${l.on}): ${STATUS_LABELS[l.status].toLowerCase()}.`;
    case "prohibited":
    case "offroad_only":
      return `${l.name} (${l.on}): will not register it for public roads (${STATUS_LABELS[l.status].toLowerCase()}).`;
    case "unclear":
      return `${l.name} (${l.on}): the state's position is not known; ask your DMV.`;
  }
}

function blockerLine(s: ChecklistStep): string {
  return `${s.title} (${s.status === "blocked" ? "blocked" : "not possible"}).`;
}

export function buildImportChecklist(
  input: ChecklistInput,
  rules: ImportRules,
  stateRules: readonly StateRule[],
): ImportChecklist {
  const { eligibility, state, on } = input;
  const frame = input.frameNumber?.trim() || null;
  const chassis = input.chassisCode?.trim() || null;
  const stateCode = state?.trim() || null;
  const path = stateSteps(stateCode, stateRules, on);
  const steps = [
    exportCertificateStep(rules, frame),
    billOfLadingStep(rules),
    isfStep(rules),
    entryStep(rules, eligibility),
    hs7Step(rules, eligibility, frame, chassis),
    epaStep(rules, eligibility),
    ...path.steps,
  ];
  const blockers = steps
    .filter((s) => s.status === "blocked" || s.status === "not_possible")
    .map(blockerLine);
  const summary = [
    federalSummary(eligibility),
    stateSummary(path.legality, stateCode),
    `${steps.length} steps, ${blockers.length} blocked or not possible.`,
  ].join(" ");
  const stateNote = path.legality ? ` ${LEGALITY_DISCLAIMER.replace(/^Not legal advice\.\s*/, "")}` : "";
  return { steps, summary, blockers, disclaimer: `${rules.meta.disclaimer}${stateNote}` };
}
