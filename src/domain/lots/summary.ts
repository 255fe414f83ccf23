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
  /** The row's warnings (a suspect mileage, a start price, ...): such lots rank after clean ones. */
  warnings: number;
  /**
   * The price the landed cost rests on. A start price (unsold, in negotiation) is below what the truck
   * will cost, so its margin is an upper bound: such lots rank after those with a sold price.
   */
  basis: "sold" | "start";
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

/**
 * The running state of a summary: plain data, so that the summaries of parts of a file (evaluated apart,
 * even in other threads) can be sent, merged in file order, and finished as if read in one pass.
 */
export interface SummaryState {
  counts: Omit<LotSummary, "top" | "errors" | "grade" | "warnings">;
  top: TopLot[];
  errors: LotIssue[];
  grade: { score: number; trim: number } | null;
  maxPriceJpy: number;
  prices: number;
}

export function emptySummary(): SummaryState {
  return {
    counts: {
      rows: 0,
      evaluated: 0,
      errorRows: 0,
      warningRows: 0,
      verdicts: { importable: 0, not_importable: 0, needs_evidence: 0 },
      priceBasis: { sold: 0, start: 0 },
      fairSource: { model: 0, facts: 0, none: 0 },
      identifiedBy: { chassis_code: 0, frame_no: 0, model_name: 0, none: 0 },
      positiveMargins: 0,
    },
    top: [],
    errors: [],
    grade: null,
    maxPriceJpy: 0,
    prices: 0,
  };
}

// Lots without warnings first (a best margin that rests on a suspect row is not a headline), then those
// priced on a sold price (a start price leaves out the bidding), then the best margin; of equal margins
// the earlier line (a file is read in line order, so this is the order a single pass keeps).
// (Taken field by field, so that a row is compared with the worst kept one before anything is made for it.)
function compareTop(a: TopLot, warnings: number, basis: TopLot["basis"], marginCents: number, line: number) {
  return (
    Number(a.warnings > 0) - Number(warnings > 0) ||
    Number(a.basis === "start") - Number(basis === "start") ||
    marginCents - a.marginCents ||
    a.line - line
  );
}
const byMargin = (a: TopLot, b: TopLot) => compareTop(a, b.warnings, b.basis, b.marginCents, b.line);

function considerTop(s: SummaryState, r: LotResult): void {
  if (r.eligibility?.verdict !== "importable" || !r.margin || r.fair?.source === "none" || !r.fair) return;
  const marginCents = r.margin.cents ?? r.margin.lowCents;
  if (marginCents > 0) s.counts.positiveMargins++;
  const worst = s.top.at(-1);
  const basis = r.price?.basis ?? "sold";
  // Most rows rank below the worst kept one: they are turned away before a candidate is made.
  if (
    s.top.length >= TOP_MARGINS &&
    worst &&
    compareTop(worst, r.warnings.length, basis, marginCents, r.line) <= 0
  )
    return;
  const v = r.vehicle;
  s.top.push({
    line: r.line,
    lotNo: r.lotNo,
    vehicle: v ? `${v.make} ${v.model}${v.chassisCode ? ` ${v.chassisCode}` : ""}` : "unknown truck",
    landedCents: r.landedCents ?? 0,
    marginCents,
    fairSource: r.fair.source,
    warnings: r.warnings.length,
    basis,
  });
  s.top.sort(byMargin);
  if (s.top.length > TOP_MARGINS) s.top.pop();
}

/** A value the type says cannot occur: a new kind added to a union fails to compile here. */
function unreachable(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

/** Adds one result (in file order) to `s`. */
export function addToSummary(s: SummaryState, r: LotResult, gradeReadAs: "score" | "trim" | null): void {
  const c = s.counts;
  c.rows++;
  if (gradeReadAs) {
    s.grade ??= { score: 0, trim: 0 };
    s.grade[gradeReadAs]++;
  }
  if (r.status === "error") {
    c.errorRows++;
    for (const e of r.errors) if (s.errors.length < ERROR_SAMPLES) s.errors.push(e);
    return;
  }
  c.evaluated++;
  if (r.warnings.length > 0) c.warningRows++;
  // Each count by name, not `counts[key]++`: a key that varies from row to row makes that a slow
  // generic property access, which cost a worker about 3% of its time.
  const verdicts = c.verdicts;
  const verdict = r.eligibility?.verdict;
  switch (verdict) {
    case "importable":
      verdicts.importable++;
      break;
    case "not_importable":
      verdicts.not_importable++;
      break;
    case "needs_evidence":
      verdicts.needs_evidence++;
      break;
    case undefined: // no truck identified: no verdict to count
      break;
    default:
      unreachable(verdict);
  }
  if (r.price) {
    const basis = r.price.basis;
    switch (basis) {
      case "sold":
        c.priceBasis.sold++;
        break;
      case "start":
        c.priceBasis.start++;
        break;
      default:
        unreachable(basis);
    }
    s.prices++;
    if (r.price.jpy > s.maxPriceJpy) s.maxPriceJpy = r.price.jpy;
  }
  const fair = c.fairSource;
  const source = r.fair?.source ?? "none";
  switch (source) {
    case "model":
      fair.model++;
      break;
    case "facts":
      fair.facts++;
      break;
    case "none":
      fair.none++;
      break;
    default:
      unreachable(source);
  }
  const by = c.identifiedBy;
  const from = r.vehicle?.from ?? "none";
  switch (from) {
    case "chassis_code":
      by.chassis_code++;
      break;
    case "frame_no":
      by.frame_no++;
      break;
    case "model_name":
      by.model_name++;
      break;
    case "none":
      by.none++;
      break;
    default:
      unreachable(from);
  }
  considerTop(s, r);
}

function addCounts<T extends Record<string, number>>(a: T, b: T): T {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof T)[]) out[k] = ((a[k] as number) + (b[k] as number)) as T[keyof T];
  return out;
}

/**
 * The summary of a part of a file followed by the summary of the part after it: the same state as one
 * pass over both. Pure; associative, so parts can be merged as they finish, in file order.
 */
export function mergeSummaries(a: SummaryState, b: SummaryState): SummaryState {
  const ca = a.counts;
  const cb = b.counts;
  return {
    counts: {
      rows: ca.rows + cb.rows,
      evaluated: ca.evaluated + cb.evaluated,
      errorRows: ca.errorRows + cb.errorRows,
      warningRows: ca.warningRows + cb.warningRows,
      verdicts: addCounts(ca.verdicts, cb.verdicts),
      priceBasis: addCounts(ca.priceBasis, cb.priceBasis),
      fairSource: addCounts(ca.fairSource, cb.fairSource),
      identifiedBy: addCounts(ca.identifiedBy, cb.identifiedBy),
      positiveMargins: ca.positiveMargins + cb.positiveMargins,
    },
    top: [...a.top, ...b.top].sort(byMargin).slice(0, TOP_MARGINS),
    errors: [...a.errors, ...b.errors].slice(0, ERROR_SAMPLES),
    grade:
      a.grade && b.grade
        ? { score: a.grade.score + b.grade.score, trim: a.grade.trim + b.grade.trim }
        : a.grade || b.grade
          ? { ...(a.grade ?? b.grade)! }
          : null,
    maxPriceJpy: Math.max(a.maxPriceJpy, b.maxPriceJpy),
    prices: a.prices + b.prices,
  };
}

/** The summary with its file-level warnings, which only the whole file can show. */
export function finishSummary(s: SummaryState): LotSummary {
  const warnings: string[] = [];
  if (s.prices > 0 && s.maxPriceJpy < THOUSANDS_HINT_JPY)
    warnings.push(
      `Every price is under ¥${THOUSANDS_HINT_JPY.toLocaleString("en-US")}: the list looks like it is in thousands of yen. Run again with --price-unit 1000 if so.`,
    );
  if (s.grade && s.grade.score > 0 && s.grade.trim > 0)
    warnings.push(
      `The "Grade" column was read as the auction score on ${s.grade.score} rows and as the trim on ${s.grade.trim}: check that column.`,
    );
  const c = s.counts;
  return {
    ...c,
    verdicts: { ...c.verdicts },
    priceBasis: { ...c.priceBasis },
    fairSource: { ...c.fairSource },
    identifiedBy: { ...c.identifiedBy },
    top: [...s.top],
    errors: [...s.errors],
    grade: s.grade ? { ...s.grade } : null,
    warnings,
  };
}

export interface SummaryBuilder {
  add(result: LotResult, gradeReadAs: "score" | "trim" | null): void;
  /** The state so far, to merge with the summaries of other parts of the file. */
  state(): SummaryState;
  finish(): LotSummary;
}

export function createSummary(): SummaryBuilder {
  const s = emptySummary();
  return {
    add: (r, gradeReadAs) => addToSummary(s, r, gradeReadAs),
    state: () => s,
    finish: () => finishSummary(s),
  };
}
