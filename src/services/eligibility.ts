// Use case: import eligibility. Builds the age evidence from what the user gave, runs the engine for the
// truck and, given a frame number, for its chassis code's production window, and combines the two.

import { checkImportEligibility } from "../domain/eligibility/check.js";
import { combineFrameVerdict } from "../domain/eligibility/frame.js";
import { checkModelEligibility } from "../domain/eligibility/model.js";
import type { AgeEvidence } from "../domain/eligibility/types.js";
import type { IsoDate, YearMonth } from "../domain/units/dates.js";
import type { Facts } from "../facts/schemas.js";
import { presentDecoded } from "../present/decode.present.js";
import { decodeOrThrow } from "./decode.js";
import type { EligibilityInputQuery } from "./inputs.schema.js";

export function evidenceFrom(q: Pick<EligibilityInputQuery, "built" | "firstRegistered">): AgeEvidence {
  if (q.built && q.built.length === 10) return { kind: "build_date", date: q.built as IsoDate };
  if (q.built) return { kind: "build_month", month: q.built as YearMonth };
  if (q.firstRegistered) return { kind: "first_registration", month: q.firstRegistered as YearMonth };
  return { kind: "none" };
}

export function eligibilityFor(facts: Facts, q: EligibilityInputQuery, today: IsoDate) {
  const entryDate = (q.on ?? today) as IsoDate;
  const decoded = q.frame ? decodeOrThrow(facts, q.frame) : null;
  const e = decoded?.entry;
  const truck = checkImportEligibility(
    {
      evidence: evidenceFrom(q),
      entryDate,
      ...(q.vehicleClass ? { vehicleClass: q.vehicleClass } : {}),
      ...(e && !e.inProduction && e.productionEnd
        ? { modelLastBuild: { chassisCode: e.chassisCode, year: Number(e.productionEnd.slice(0, 4)) } }
        : {}),
      ...(e
        ? {
            vehicle: {
              displacementCc: e.displacementCc,
              lengthMm: e.dimensions.lengthMm,
              widthMm: e.dimensions.widthMm,
              heightMm: e.dimensions.heightMm,
              chassisCode: e.chassisCode,
            },
          }
        : {}),
    },
    facts.importRules,
  );
  if (!decoded || !e) return { ...truck, model: null, vehicle: null, decidedBy: "evidence" as const };
  const model = checkModelEligibility(e, entryDate, facts.importRules);
  const combined = combineFrameVerdict(truck, model);
  return {
    ...truck,
    verdict: combined.verdict,
    decidedBy: combined.decidedBy,
    warnings: [...combined.warnings, ...truck.warnings],
    model,
    vehicle: presentDecoded(decoded),
  };
}
