// One file of lots, record by record: the header row picks the columns, every later row becomes one
// result (in file order, blank rows skipped), and the summary builds up as it goes. Pure and
// synchronous, so any face can drive it: the CLI from a file stream, a web upload from a request body.
import { type HeaderMap, mapHeader } from "./columns.js";
import type { CsvRecord } from "./csv.js";
import { createLotEvaluator, type LotContext } from "./evaluate.js";
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
  sampleCost: ReturnType<typeof createLotEvaluator>["sampleCost"];
}

function isBlankRecord(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== "") return false;
  return true;
}

export function createLotBatch(ctx: LotContext, options: LotBatchOptions): LotBatch {
  const evaluator = createLotEvaluator(ctx);
  const summary = createSummary();
  let header: HeaderMap | null = null;
  let readRow: ReturnType<typeof createRowReader> | null = null;
  const arrivalYear = Number(ctx.arrival.slice(0, 4));

  return {
    get header() {
      return header;
    },
    sampleCost: evaluator.sampleCost,
    summary() {
      const s = summary.finish();
      const notes: string[] = [];
      if (header?.ignored.length) notes.push(`Columns not read: ${header.ignored.join(", ")}.`);
      if (header?.duplicates.length)
        notes.push(`Columns named twice (the first one is read): ${header.duplicates.join(", ")}.`);
      return { ...s, warnings: [...notes, ...s.warnings] };
    },
    add(record, checkText = true) {
      if (isBlankRecord(record.fields)) return null;
      if (!readRow) {
        header = mapHeader(record.fields);
        if (header.missing.length > 0)
          throw new LotFileError(
            `line ${record.line}: the header lacks ${header.missing.map((m) => `a ${m} column`).join(" and ")} (see docs/auction-lots.md for the accepted names)`,
          );
        readRow = createRowReader(header, options);
        return null;
      }
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
              lot: null,
            }
          : evaluator.evaluate(lot, read.warnings);
      summary.add(result, read.gradeReadAs);
      return result;
    },
  };
}
