// The shapes of batch lot evaluation: a lot as read from its CSV row, and the answer for it. Field
// names are public (the CLI writes them to JSON and CSV, a web upload will show them): rename nothing.
import type { Verdict } from "../eligibility/types.js";
import type { AuctionResult, DriveValue, MileageFlag } from "./values.js";

/** A problem with one cell (or the row): where it is and why, in words for the user. */
export interface LotIssue {
  /** 1-based line of the row in the file (the header is line 1). */
  line: number;
  /** The canonical column (docs/auction-lots.md), or "row" for the row as a whole. */
  column: string;
  reason: string;
}

/** One lot as read from its row: every value normalised, blank cells null. */
export interface Lot {
  line: number;
  lotNo: string;
  auction: string | null;
  auctionDate: string | null;
  make: string | null;
  model: string | null;
  chassisCode: string | null;
  frameNo: string | null;
  trim: string | null;
  /** From the year column (or the first-registration month): on most lists the registration year. */
  year: number | null;
  /** YYYY-MM: the first-registration month, from first_reg or a year cell with a month. */
  firstReg: string | null;
  mileageKm: number | null;
  mileageFlag: MileageFlag | null;
  displacementCc: number | null;
  transmission: string | null;
  drive: DriveValue | null;
  color: string | null;
  score: string | null;
  interior: string | null;
  exterior: string | null;
  startPriceJpy: number | null;
  soldPriceJpy: number | null;
  result: AuctionResult | null;
  notes: string | null;
}

export interface ReadLot {
  /** As far as it could be read; a row with errors is reported, not evaluated. */
  lot: Lot;
  errors: LotIssue[];
  warnings: LotIssue[];
  /** How a "Grade" cell was read, for the summary. */
  gradeReadAs: "score" | "trim" | null;
}

export type FairSource = "model" | "facts" | "none";

export type FairPriceAnswer =
  | {
      source: "model";
      fairCents: number;
      lowCents: number;
      highCents: number;
      comparables: number;
      /** "generation" when the chassis code was decoded, "family" from a model name alone. */
      level: "generation" | "family";
    }
  | { source: "facts"; lowCents: number; highCents: number }
  | { source: "none"; reason: string };

export interface LotVehicle {
  /** How the truck was identified. */
  from: "chassis_code" | "frame_no" | "model_name";
  chassisCode: string | null;
  make: string;
  model: string;
  generation: string | null;
  drive: "2WD" | "4WD" | "both" | null;
}

export interface LotEligibility {
  verdict: Verdict;
  /** The first day this lot is proven eligible by its evidence or its code's production window. */
  eligibleFrom: string | null;
  decidedBy: "evidence" | "model" | "conflict";
  /** What the age rests on. */
  evidence: "first_registration" | "registration_year" | "none";
}

export interface LotResult {
  line: number;
  lotNo: string;
  auction: string | null;
  auctionDate: string | null;
  status: "ok" | "error";
  vehicle: LotVehicle | null;
  year: number | null;
  firstReg: string | null;
  mileageKm: number | null;
  score: string | null;
  eligibility: LotEligibility | null;
  /** The price landed cost is computed from: the sold price, else the start price. */
  price: { basis: "sold" | "start"; jpy: number } | null;
  /** Delivered and registered in the target state, in cents; costs not given are not in it. */
  landedCents: number | null;
  fair: FairPriceAnswer | null;
  /** fair - landed; low/high from the fair range (for a fact-data range, only low and high). */
  margin: { cents: number | null; lowCents: number; highCents: number } | null;
  warnings: LotIssue[];
  errors: LotIssue[];
}
