// What the state map shows, as plain data: one region per jurisdiction with its status and how sure the
// record is, and the legend's counts. The SVG renderer only draws this; the rules of what looks certain
// live here. An `unclear` status or a low-confidence record is marked uncertain, so the map never makes
// a guess look like a fact.
import type { LegalityStatus } from "../../facts/schemas.js";
import { STATUS_LABELS, type StreetLegality } from "./street-legality.js";

/** Legend order: from most to least permissive, then the unknowns. */
export const MAP_STATUSES: readonly LegalityStatus[] = [
  "street_legal",
  "restricted",
  "offroad_only",
  "prohibited",
  "unclear",
];

export type MapInput = Pick<StreetLegality, "code" | "name" | "status" | "confidence" | "maxRoadSpeedMph">;

export interface MapRegion {
  code: string;
  name: string;
  status: LegalityStatus;
  statusLabel: string;
  confidence: StreetLegality["confidence"];
  /** The record rests on secondary or partial sources: drawn as uncertain. */
  isLowConfidence: boolean;
  /** Unclear status or low confidence. */
  isUncertain: boolean;
  /** The region's accessible name and tooltip, e.g. "Texas: Street legal with restrictions (…)". */
  label: string;
}

export interface LegalityMap {
  regions: MapRegion[];
  legend: { status: LegalityStatus; label: string; count: number }[];
  lowConfidenceCount: number;
  /**
   * Identifies what the map looks like: equal keys draw identical maps, so a renderer may cache by it.
   * It changes only when a status, a speed limit or a confidence changes (a dated change taking effect).
   */
  key: string;
}

function regionLabel(s: MapInput): string {
  const speed = s.maxRoadSpeedMph === null ? "" : `, roads posted ${s.maxRoadSpeedMph} mph or less`;
  return `${s.name}: ${STATUS_LABELS[s.status]}${speed} (confidence ${s.confidence})`;
}

export function legalityMap(states: readonly MapInput[]): LegalityMap {
  const regions = states.map((s): MapRegion => {
    const isLowConfidence = s.confidence === "low";
    return {
      code: s.code,
      name: s.name,
      status: s.status,
      statusLabel: STATUS_LABELS[s.status],
      confidence: s.confidence,
      isLowConfidence,
      isUncertain: isLowConfidence || s.status === "unclear",
      label: regionLabel(s),
    };
  });
  const legend = MAP_STATUSES.map((status) => ({
    status,
    label: STATUS_LABELS[status],
    count: regions.filter((r) => r.status === status).length,
  }));
  return {
    regions,
    legend,
    lowConfidenceCount: regions.filter((r) => r.isLowConfidence).length,
    key: regions.map((r) => r.label).join("|"),
  };
}
