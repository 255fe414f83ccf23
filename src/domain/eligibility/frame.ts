// Combines the model-level answer for a chassis code (its production window) with the truck's own age
// evidence. The window can settle a truck on its own: if every build of the code is old enough, so is this
// one; if none is, this one is not. Where the two disagree the data or the evidence is wrong, and we say
// so rather than pick one.
import type { ModelEligibility } from "./model.js";
import type { EligibilityResult, Verdict } from "./types.js";

export interface FrameVerdict {
  verdict: Verdict;
  /** Which answer decided: the truck's own evidence, or the code's production window. */
  decidedBy: "evidence" | "model" | "conflict";
  warnings: string[];
}

export function combineFrameVerdict(truck: EligibilityResult, model: ModelEligibility): FrameVerdict {
  const hasEvidence = truck.fmvss.evidence.kind !== "none";
  if (model.status === "all") {
    if (hasEvidence && truck.fmvss.status === "not_yet")
      return conflict(
        `The truck's evidence says it is not yet eligible, but every ${model.chassisCode} in the catalog's production window is: check the evidence and the frame number.`,
      );
    return {
      verdict: "importable",
      decidedBy: truck.verdict === "importable" ? "evidence" : "model",
      warnings: hasEvidence
        ? []
        : [
            `Every ${model.chassisCode} is old enough by its production window; HS-7 box 1 still needs this truck's date of manufacture.`,
          ],
    };
  }
  if (model.status === "none") {
    if (hasEvidence && truck.fmvss.status === "eligible")
      return conflict(
        `The truck's evidence says it is eligible, but no ${model.chassisCode} in the catalog's production window is old enough yet: check the evidence and the frame number.`,
      );
    return { verdict: "not_importable", decidedBy: "model", warnings: [] };
  }
  if (!hasEvidence)
    return {
      verdict: "needs_evidence",
      decidedBy: "model",
      warnings: [
        model.status === "some"
          ? `Some ${model.chassisCode} trucks are old enough and some are not: give this truck's build month (manufacturer plate) or the first-registration month of its export certificate.`
          : `The production window of ${model.chassisCode} is not known well enough: give this truck's build month.`,
      ],
    };
  return { verdict: truck.verdict, decidedBy: "evidence", warnings: [] };
}

function conflict(message: string): FrameVerdict {
  return { verdict: "needs_evidence", decidedBy: "conflict", warnings: [message] };
}
