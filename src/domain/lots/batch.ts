// One file of lots, record by record: the header row picks the columns, every later row becomes one
// result (in file order, blank rows skipped), and the summary builds up as it goes. Pure and
// synchronous, so any face can drive it: the CLI from a file stream, a web upload from a request body.
import { type HeaderMap, mapHeader } from "./columns.js";
import type { CsvRecord } from "./csv.js";
import { createLotEvaluator, type LotContext, type LotEvaluator } from "./evaluate.js";
import { createRowReader } from "./read-row.js";
import { createSummary, type LotSummary } from "./summary.js";
import type { LotResult } from "./types.js";

/** The file as a whole cannot be read as lots (no header, a required column missing). */
export class LotFileError extends Error {
  override name = "LotFileError";
}

export interface LotBatchOptions {
  /** 1, or 1000 for lists in thousands of yen. */
  priceUnit: number;
}

export interface LotBatch {
  /** Null until the header row has been read. */
  readonly header: HeaderMap | null;
  /**
   * The result for a record, or null for the header and blank rows. Throws LotFileError on a bad header.
   * `checkText` false: the caller knows the record holds no U+FFFD (text that was not UTF-8).
   */
  add(record: CsvRecord, checkText?: boolean): LotResult | null;
  summary(): LotSummary;
  /** What landed cost includes and leaves out in this run (from its first computed answer). */
  sampleCost: LotEvaluator["sampleCost"];
}

export function isBlankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== "") return false;
  return true;
}

/** The columns of a header record; throws LotFileError when a required one is missing. */
export function readHeader(record: CsvRecord): HeaderMap {
  const header = mapHeader(record.fields);
  if (header.missing.length > 0)
    throw new LotFileError(
      `line ${record.line}: the header lacks ${header.missing.map((m) => `a ${m} column`).join(" and ")} (see docs/auction-lots.md for the accepted names)`,
    );
  return header;
}

/** What the summary says about the header itself (columns not read, named twice), before the rest. */
export function headerNotes(header: HeaderMap | null): string[] {
  const notes: string[] = [];
  if (header?.ignored.length) notes.push(`Columns not read: ${header.ignored.join(", ")}.`);
  if (header?.duplicates.length)
    notes.push(`Columns named twice (the first one is read): ${header.duplicates.join(", ")}.`);
  return notes;
}

export interface RowEvaluator {
  /** The result for one lot record (not the header, not blank), and how its Grade cell was read. */
  evaluate(
    record: CsvRecord,
    checkText: boolean,
  ): { result: LotResult; gradeReadAs: "score" | "trim" | null };
  /** The landed cost a result's price and year give (what the run's sample cost is made of). */
  landedCostOf(result: LotResult): ReturnType<LotEvaluator["sampleCost"]>;
  sampleCost: LotEvaluator["sampleCost"];
}

/**
 * Evaluates the lot records of a file whose header is known: the per-row work of a batch without the
 * summary, so that parts of a file can be evaluated apart (each with its own summary) and merged.
 */
export function createRowEvaluator(
  ctx: LotContext,
  header: HeaderMap,
  options: LotBatchOptions,
): RowEvaluator {
  const evaluator = createLotEvaluator(ctx);
  const readRow = createRowReader(header, options);
  const arrivalYear = Number(ctx.arrival.slice(0, 4));
  return {
    sampleCost: evaluator.sampleCost,
    landedCostOf: (r) => (r.price ? evaluator.landedCostOf(r.price.jpy, r.year) : null),
    evaluate(record, checkText) {
      const read = readRow(record.fields, record.line, record.malformed, checkText);
      const { lot } = read;
      // The engines date a truck from its year; one after the arrival is a typo, not a truck.
      if (lot.year !== null && lot.year > arrivalYear)
        read.errors.push({
          line: record.line,
          column: lot.firstReg ? "first_reg" : "year",
          reason: `${lot.firstReg ?? lot.year} is after the arrival date ${ctx.arrival}`,
        });
      const result: LotResult =
        read.errors.length > 0
          ? {
              line: record.line,
              lotNo: lot.lotNo,
              auction: lot.auction,
              auctionDate: lot.auctionDate,
              status: "error",
              vehicle: null,
              year: null,
              firstReg: null,
              mileageKm: null,
              score: null,
              eligibility: null,
              price: null,
              landedCents: null,
              fair: null,
              margin: null,
              warnings: read.warnings,
              errors: read.errors,
            }
          : evaluator.evaluate(lot, read.warnings);
      return { result, gradeReadAs: read.gradeReadAs };
    },
  };
}

export function createLotBatch(ctx: LotContext, options: LotBatchOptions): LotBatch {
  const summary = createSummary();
  let header: HeaderMap | null = null;
  let rows: RowEvaluator | null = null;
  let sample: (() => ReturnType<LotEvaluator["sampleCost"]>) | null = null;

  return {
    get header() {
      return header;
    },
    sampleCost: () => (sample ? sample() : null),
    summary() {
      const s = summary.finish();
      return { ...s, warnings: [...headerNotes(header), ...s.warnings] };
    },
    add(record, checkText = true) {
      if (isBlankRecord(record.fields)) return null;
      if (!rows) {
        header = readHeader(record);
        rows = createRowEvaluator(ctx, header, options);
        sample = rows.sampleCost;
        return null;
      }
      const { result, gradeReadAs } = rows.evaluate(record, checkText);
      summary.add(result, gradeReadAs);
      return result;
    },
  };
}
