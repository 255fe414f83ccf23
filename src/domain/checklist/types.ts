// The shapes of the import-to-plates checklist. Field names are public (pages and the API show them).
import type { EligibilityResult } from "../eligibility/types.js";
import type { Source } from "../sources.js";
import type { IsoDate } from "../units/dates.js";

export interface ChecklistInput {
  /** From checkImportEligibility for this truck and its planned entry date. */
  eligibility: EligibilityResult;
  /** Two-letter state code of the viewer; null when they have not chosen one. */
  state: string | null;
  /** The date the state's rules are read for (dated changes apply from their effectiveFrom). */
  on: IsoDate;
  chassisCode?: string | null;
  frameNumber?: string | null;
}

export type ChecklistPhase = "japan" | "shipping" | "customs" | "federal" | "state";
export type ChecklistWho =
  | "seller/exporter"
  | "you"
  | "customs broker"
  | "carrier"
  | "DMV"
  | "you or your broker";
export type ChecklistStatus = "todo" | "blocked" | "not_possible" | "unknown";

export interface ChecklistStep {
  id: string;
  phase: ChecklistPhase;
  title: string;
  who: ChecklistWho;
  forms: string[];
  detail: string;
  status: ChecklistStatus;
  /** The confidence of the facts the step rests on, as the data states it; null when it rests on none. */
  confidence: string | null;
  /** "Confirm with your customs broker" / "Confirm with your DMV" when the confidence is below high. */
  confirmWith: string | null;
  sources: Source[];
}

export interface ImportChecklist {
  steps: ChecklistStep[];
  summary: string;
  /** One line per step that is blocked or not possible. */
  blockers: string[];
  disclaimer: string;
}
