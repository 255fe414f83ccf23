// The public shape of a state's street legality (CLI --json and /api/v1/states).
import { STATUS_LABELS, type StreetLegality } from "../domain/legality/street-legality.js";

export function presentLegality(l: StreetLegality) {
  return {
    code: l.code,
    name: l.name,
    on: l.on,
    status: l.status,
    statusLabel: STATUS_LABELS[l.status],
    maxRoadSpeedMph: l.maxRoadSpeedMph,
    restrictions: l.restrictions,
    requirements: l.requirements,
    statute: l.statute,
    summary: l.summary,
    sources: l.sources,
    confidence: l.confidence,
    lastReviewed: l.lastReviewed,
    appliedChange: l.appliedChange,
    upcomingChanges: l.upcomingChanges,
    notes: l.notes,
    disclaimer: l.disclaimer,
  };
}
export type LegalityView = ReturnType<typeof presentLegality>;
