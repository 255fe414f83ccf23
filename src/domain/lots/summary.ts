// The summary of a run, accumulated row by row in constant memory: counts, the best margins (a short
// sorted list), the first errors, and the file-level warnings that only the whole file can show.
import type { LotIssue, LotResult } from "./types.js";

export const TOP_MARGINS = 5;
export const ERROR_SAMPLES = 20;
/** research/auction-lots §5.2: every price under ¥5,000 means the list is in thousands of yen. */
const THOUSANDS_HINT_JPY = 5000;

export interface TopLot {
  line: number;
  lotNo: string;
  vehicle: string;
  landedCents: number;
  /** The point margin (model), else the low end of the range (fact data). */
  marginCents: number;
  fairSource: "model" | "facts";
}

export interface LotSummary {
  rows: number;
  evaluated: number;
  /** Rows with an error (reported, not evaluated). */
  errorRows: number;
  /** Evaluated rows with at least one warning. */
  warningRows: number;
  verdicts: { importable: number; not_importable: number; needs_evidence: number };
  priceBasis: { sold: number; start: number };
  fairSource: { model: number; facts: number; none: number };
  identifiedBy: { chassis_code: number; frame_no: number; model_name: number; none: number };
  /** Importable lots whose point margin (or, from the fact range, whose whole range) is above zero. */
  positiveMargins: number;
  /** The importable lots with the best margins, best first. */
  top: TopLot[];
  /** The first errors, in file order. */
  errors: LotIssue[];
  /** How a "Grade" column was read, when the file has one. */
  grade: { score: number; trim: number } | null;
  warnings: string[];
}

export interface SummaryBuilder {
  add(result: LotResult, gradeReadAs: "score" | "trim" | null): void;
  finish(): LotSummary;
}

export function createSummary(): SummaryBuilder {
  const s: LotSummary = {
    rows: 0,
    evaluated: 0,
    errorRows: 0,
    warningRows: 0,
    verdicts: { importable: 0, not_importable: 0, needs_evidence: 0 },
    priceBasis: { sold: 0, start: 0 },
    fairSource: { model: 0, facts: 0, none: 0 },
    identifiedBy: { chassis_code: 0, frame_no: 0, model_name: 0, none: 0 },
    positiveMargins: 0,
    top: [],
    errors: [],
    grade: null,
    warnings: [],
  };
  let maxPriceJpy = 0;
  let prices = 0;

  function consider(r: LotResult): void {
    if (r.eligibility?.verdict !== "importable" || !r.margin || r.fair?.source === "none" || !r.fair) return;
    const marginCents = r.margin.cents ?? r.margin.lowCents;
    if (marginCents > 0) s.positiveMargins++;
    const worst = s.top.at(-1);
    if (s.top.length >= TOP_MARGINS && worst && worst.marginCents >= marginCents) return;
    const v = r.vehicle;
    s.top.push({
      line: r.line,
      lotNo: r.lotNo,
      vehicle: v ? `${v.make} ${v.model}${v.chassisCode ? ` ${v.chassisCode}` : ""}` : "unknown truck",
      landedCents: r.landedCents ?? 0,
      marginCents,
      fairSource: r.fair.source,
    });
    // Stable: of equal margins the earlier line stays first.
    s.top.sort((a, b) => b.marginCents - a.marginCents || a.line - b.line);
    if (s.top.length > TOP_MARGINS) s.top.pop();
  }

  return {
    add(r, gradeReadAs) {
      s.rows++;
      if (gradeReadAs) {
        s.grade ??= { score: 0, trim: 0 };
        s.grade[gradeReadAs]++;
      }
      if (r.status === "error") {
        s.errorRows++;
        for (const e of r.errors) if (s.errors.length < ERROR_SAMPLES) s.errors.push(e);
        return;
      }
      s.evaluated++;
      if (r.warnings.length > 0) s.warningRows++;
      if (r.eligibility) s.verdicts[r.eligibility.verdict]++;
      if (r.price) {
        s.priceBasis[r.price.basis]++;
        prices++;
        if (r.price.jpy > maxPriceJpy) maxPriceJpy = r.price.jpy;
      }
      s.fairSource[r.fair?.source ?? "none"]++;
      s.identifiedBy[r.vehicle?.from ?? "none"]++;
      consider(r);
    },
    finish() {
      const warnings: string[] = [];
      if (prices > 0 && maxPriceJpy < THOUSANDS_HINT_JPY)
        warnings.push(
          `Every price is under ¥${THOUSANDS_HINT_JPY.toLocaleString("en-US")}: the list looks like it is in thousands of yen. Run again with --price-unit 1000 if so.`,
        );
      if (s.grade && s.grade.score > 0 && s.grade.trim > 0)
        warnings.push(
          `The "Grade" column was read as the auction score on ${s.grade.score} rows and as the trim on ${s.grade.trim}: check that column.`,
        );
      return { ...s, top: [...s.top], errors: [...s.errors], warnings: [...s.warnings, ...warnings] };
    },
  };
}
