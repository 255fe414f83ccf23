// Street legality of a kei truck in one of the 51 jurisdictions on a given date. The state records are
// researched facts with a confidence each; a record's dated `changes` apply from their effectiveFrom
// (Colorado's HB25-1281 from 2028-01-01). `unclear` stays unclear: nothing is inferred.
import type { LegalityStatus, StateChange, StateRule } from "../../facts/schemas.js";
import { linkSources, type Source } from "../sources.js";
import type { IsoDate } from "../units/dates.js";

export interface StreetLegality {
  code: string;
  name: string;
  /** The date the answer is for. */
  on: IsoDate;
  status: LegalityStatus;
  maxRoadSpeedMph: number | null;
  /** What the owner must do or the truck must meet: shown as conditions, never assumed met. */
  requirements: string[];
  /** Road restrictions in plain words, derived from the record (e.g. the highest posted speed limit). */
  restrictions: string[];
  statute: string | null;
  summary: string;
  sources: Source[];
  confidence: StateRule["confidence"];
  lastReviewed: IsoDate;
  /** The dated change in force on `on`, if any. */
  appliedChange: { effectiveFrom: IsoDate } | null;
  /** Later dated changes the user should know about. */
  upcomingChanges: { effectiveFrom: IsoDate; status: LegalityStatus | null; summary: string | null }[];
  notes: string[];
  disclaimer: string;
}

export const LEGALITY_DISCLAIMER =
  "Not legal advice. State rules change and DMV practice varies by office: confirm with your state's DMV before you buy.";

export const STATUS_LABELS: Record<LegalityStatus, string> = {
  street_legal: "Street legal",
  restricted: "Street legal with restrictions",
  offroad_only: "Off-road only",
  prohibited: "Not allowed on public roads",
  unclear: "Unclear",
};

export function normalizeStateCode(input: string): string {
  return input.trim().toUpperCase();
}

function changesInForce(rule: StateRule, on: IsoDate): StateChange[] {
  return (rule.changes ?? [])
    .filter((c) => c.effectiveFrom <= on)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
}

function describeRestrictions(status: LegalityStatus, maxMph: number | null): string[] {
  const out: string[] = [];
  if (maxMph !== null) out.push(`Only on roads with a posted speed limit of ${maxMph} mph or less.`);
  if (status === "offroad_only") out.push("Not for public roads: private land and off-road use only.");
  if (status === "prohibited") out.push("May not be registered for public roads under the current rules.");
  return out;
}

function notesFor(rule: StateRule, status: LegalityStatus): string[] {
  const notes: string[] = [];
  if (status === "unclear")
    notes.push(
      "The state's position could not be established from the sources found; ask your DMV before buying.",
    );
  if (rule.confidence !== "high")
    notes.push(`This record's confidence is ${rule.confidence}: it rests on secondary or partial sources.`);
  if (rule.requirements.length > 0 || status === "restricted")
    notes.push(
      "Conditions are listed as the state states them; whether a given truck meets them is not assumed.",
    );
  return notes;
}

/** The state's record as of `on`, with any dated changes in force applied. */
export function checkStreetLegality(rule: StateRule, on: IsoDate): StreetLegality {
  const applied = changesInForce(rule, on);
  let status = rule.status;
  let maxRoadSpeedMph = rule.maxRoadSpeedMph;
  let requirements = [...rule.requirements];
  let summary = rule.summary;
  let statute = rule.statute;
  for (const c of applied) {
    if (c.status !== undefined) status = c.status;
    if (c.maxRoadSpeedMph !== undefined) maxRoadSpeedMph = c.maxRoadSpeedMph;
    if (c.requirements !== undefined) requirements = [...c.requirements];
    if (c.summary !== undefined) summary = c.summary;
    if (c.statute !== undefined) statute = c.statute;
  }
  const last = applied.at(-1);
  return {
    code: rule.code,
    name: rule.name,
    on,
    status,
    maxRoadSpeedMph,
    requirements,
    restrictions: describeRestrictions(status, maxRoadSpeedMph),
    statute,
    summary,
    sources: linkSources(rule.sources),
    confidence: rule.confidence,
    lastReviewed: rule.lastReviewed as IsoDate,
    appliedChange: last ? { effectiveFrom: last.effectiveFrom as IsoDate } : null,
    upcomingChanges: (rule.changes ?? [])
      .filter((c) => c.effectiveFrom > on)
      .map((c) => ({
        effectiveFrom: c.effectiveFrom as IsoDate,
        status: c.status ?? null,
        summary: c.summary ?? null,
      })),
    notes: notesFor(rule, status),
    disclaimer: LEGALITY_DISCLAIMER,
  };
}

export type StateLookup =
  | { kind: "found"; legality: StreetLegality }
  | { kind: "unknown_state"; code: string };

/** Looks a state up by its code (case-insensitive) and answers for `on`. */
export function findStreetLegality(rules: readonly StateRule[], code: string, on: IsoDate): StateLookup {
  const wanted = normalizeStateCode(code);
  const rule = rules.find((r) => r.code === wanted);
  return rule
    ? { kind: "found", legality: checkStreetLegality(rule, on) }
    : { kind: "unknown_state", code: wanted };
}

/** All 51 jurisdictions on `on`, in the order of the fact file (alphabetical by name). */
export function listStreetLegality(rules: readonly StateRule[], on: IsoDate): StreetLegality[] {
  return rules.map((r) => checkStreetLegality(r, on));
}
