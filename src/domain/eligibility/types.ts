// The shapes of the import-eligibility engine: what a caller knows about a truck and the answer it gets.
// Field names are public: the CLI prints them as JSON and the API returns them, so rename nothing.

import type { Source } from "../sources.js";
import type { IsoDate, YearMonth } from "../units/dates.js";

/** What the buyer can show about the truck's age, strongest first. */
export type AgeEvidence =
  /** Exact date of manufacture (manufacturer plate or label). */
  | { kind: "build_date"; date: IsoDate }
  /** Month of manufacture only. */
  | { kind: "build_month"; month: YearMonth }
  /**
   * The Japanese export certificate's first-registration month (初度登録年月): an UPPER BOUND on the build
   * date, so a conservative proxy for it (import-rules.json fmvss.acceptedEvidence[2]).
   */
  | { kind: "first_registration"; month: YearMonth }
  | { kind: "none" };

export type VehicleClass = "kei_truck" | "kei_dump" | "deck_van" | "kei_van_passenger";

export interface VehicleFacts {
  displacementCc: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  chassisCode?: string;
}

/** The last year a model was built (its catalog production end), when the truck itself has no date. */
export interface ModelLastBuild {
  chassisCode: string;
  year: number;
}

export interface EligibilityInput {
  evidence: AgeEvidence;
  /** The US entry date (the vessel's arrival must not be earlier either: fmvss.comparedAgainstPolicy). */
  entryDate: IsoDate;
  /** Default "kei_truck". */
  vehicleClass?: VehicleClass;
  /** For the kei-era sanity check; unknown values are null and skipped. */
  vehicle?: VehicleFacts;
  /**
   * The decoded model's last production year, for the calendar-year tests (EPA, Section 232) when the
   * evidence has no year: it bounds the truck's year from above. Not for FMVSS, which needs the date.
   */
  modelLastBuild?: ModelLastBuild;
}

export type FmvssStatus = "eligible" | "not_yet" | "needs_evidence";

export interface FmvssOutcome {
  status: FmvssStatus;
  minAgeYears: number;
  /** Conservative: the day from which this evidence proves 25 years. For a registration month that is
   * "eligible by this evidence from", which an exact build date may bring forward. */
  eligibleFrom: IsoDate | null;
  /** Only for month-only build evidence: the 1st of the anniversary month, as brokers commonly accept. */
  commonPracticeFrom: IsoDate | null;
  /** "commonly accepted, not guaranteed" when commonPracticeFrom is set, else null. */
  commonPracticeLabel: string | null;
  /** Days from the entry date to eligibleFrom; 0 when eligible, null when nothing is known. */
  daysRemaining: number | null;
  evidence: { kind: AgeEvidence["kind"]; value: string | null; note: string };
  /** Step-by-step sentences a page can show as they are. */
  reasoning: string[];
  citation: string;
  sources: Source[];
}

export interface EpaOutcome {
  code: string;
  /** Year of the evidence; for a registration month it is an upper bound on the production year. */
  productionYear: number | null;
  productionYearIsUpperBound: boolean;
  /** calendar year(entry) - production year; a minimum when productionYearIsUpperBound. */
  ageYears: number | null;
  /** ageYears >= minAgeYears; null when unknown (no evidence, or an upper-bound year that falls short). */
  codeE: boolean | null;
  minAgeYears: number;
  note: string;
  conditions: string[];
  caveats: string[];
  citation: string;
  sources: Source[];
}

export interface Section232Outcome {
  /** False for entries before section232AgeExclusion.effectiveFrom: there was no 232 tariff to exclude. */
  applicable: boolean;
  effectiveFrom: IsoDate;
  /** null when not applicable, without evidence, or an upper-bound year that falls short. */
  ageExcluded: boolean | null;
  /** calendar year(entry) - calendar year(manufacture); a minimum for a registration month. */
  calendarYears: number | null;
  heading: string;
  test: string;
  note: string;
  sources: Source[];
}

export interface DutyOutcome {
  vehicleClass: VehicleClass;
  hts: string;
  rate: number | null;
  rateText: string;
  description: string;
  confidence: string;
  notes: string;
  /** Headings CBP rejected for kei vehicles (rate null in the data), so a page can say why. */
  notOffered: { hts: string; rateText: string; notes: string }[];
  sources: Source[];
}

export interface KeiEraCheck {
  /** The build date the era was chosen by (a month's first day, or a registration month's first day). */
  checkedDate: IsoDate;
  era: { from: IsoDate; to: IsoDate | null };
  limits: { lengthMm: number; widthMm: number; heightMm: number; displacementCc: number };
  /** Names of the values over the era's limit, e.g. "displacementCc". */
  exceeded: string[];
  sources: Source[];
}

export type Verdict = "importable" | "not_importable" | "needs_evidence";

export interface EligibilityResult {
  entryDate: IsoDate;
  /** From FMVSS alone: EPA and Section 232 never make a truck importable on their own. */
  verdict: Verdict;
  fmvss: FmvssOutcome;
  epa: EpaOutcome;
  section232: Section232Outcome;
  duty: DutyOutcome;
  /** null when there are no vehicle facts, no build date, or no era covers the date. */
  keiEra: KeiEraCheck | null;
  warnings: string[];
  /** Every source above, once. */
  sources: Source[];
  disclaimer: string;
}
