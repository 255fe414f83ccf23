// Evaluating one part of a lots file whose header is already known: parse, read, evaluate, and write
// each result as the results file holds it (CSV or JSON), with the part's own summary. A worker thread
// runs one part after another with one evaluator (its remembered answers carry over); the main thread
// runs it too when a file cannot be cut into parts. The output and summary of the parts, joined in file
// order, are those of one pass (docs/decisions/0028-parallel-lot-evaluation.md).

import type { LandedCost } from "../domain/cost/types.js";
import { createRowEvaluator, isBlankRecord, type RowEvaluator } from "../domain/lots/batch.js";
import type { HeaderMap } from "../domain/lots/columns.js";
import { CsvError, CsvParser, type CsvRecord, SlicedCsvParser } from "../domain/lots/csv.js";
import type { LotContext } from "../domain/lots/evaluate.js";
import { addToSummary, emptySummary, type SummaryState } from "../domain/lots/summary.js";
import type { LotResult } from "../domain/lots/types.js";
import { lotOutputText } from "../present/lots.present.js";
import { LotCsvWriter } from "../present/lots-csv-bytes.js";
import { textSlices } from "./lots-blocks.js";

export type BlockFormat = "csv" | "json";

/** What every part of one run shares (sent once to each worker). */
export interface BlockSetup {
  ctx: LotContext;
  priceUnit: number;
  header: HeaderMap;
  /** The line the header record starts on: records up to it (blank rows, the header) are skipped. */
  headerLine: number;
  format: BlockFormat;
}

/** Where a part starts in the file. */
export interface BlockStart {
  firstLine: number;
  /** The very start of the file, where a byte-order mark is dropped. */
  atFileStart: boolean;
}

/** What a part gives: its summary, its rows, and the run's sample landed cost if its first lot is here. */
export interface BlockTotals {
  rows: number;
  summary: SummaryState;
  sampleCost: LandedCost | null;
}

/** A CSV error (a record too long) with the line it is on, as a plain object a thread can send. */
export interface BlockError {
  message: string;
  line: number;
}

const encoder = new TextEncoder();

/** Where the results of a block are written, as the results file holds them. */
interface ResultSink {
  line(r: LotResult): void;
  /** Called after each slice of text. */
  flush?(): void;
  take(next: NextBuffer): Uint8Array;
}

/** The buffer the next results go to: a size to allocate, or a spare buffer (moved back from a writer). */
export type NextBuffer = number | ArrayBuffer;

export function bufferFor(next: NextBuffer): Buffer {
  return typeof next === "number" ? Buffer.allocUnsafeSlow(next) : Buffer.from(next);
}

/** JSON elements, as text per slice, then as bytes. */
class JsonSink implements ResultSink {
  private text = "";
  private readonly bytes = new ByteSink(64 * 1024);
  line(r: LotResult): void {
    this.text += lotOutputText(r, "json");
  }
  flush(): void {
    this.bytes.append(this.text);
    this.text = "";
  }
  take(next: NextBuffer): Uint8Array {
    this.flush();
    return this.bytes.take(next);
  }
}

/**
 * The results of a block as UTF-8 bytes, appended a slice at a time: text held for a whole block would
 * be a tree of thousands of small strings that outlives the young generation and makes the garbage
 * collector walk it; bytes are one flat object.
 */
class ByteSink {
  // Buffers of their own (not from Node's pool, which could not be moved) and not zeroed: every byte
  // handed on is written first.
  private buf: Buffer;
  private length = 0;

  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafeSlow(capacity);
  }

  append(text: string): void {
    let rest = text;
    for (;;) {
      if (this.buf.length - this.length < rest.length) this.grow(rest.length);
      const { read, written } = encoder.encodeInto(rest, this.buf.subarray(this.length));
      this.length += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.grow(rest.length * 3);
    }
  }

  /** The bytes so far, in a buffer of their own (which may then be moved to another thread). */
  take(next: NextBuffer): Uint8Array {
    const out = this.buf.subarray(0, this.length);
    this.buf = bufferFor(next);
    this.length = 0;
    return out;
  }

  private grow(atLeast: number): void {
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.length + atLeast));
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }
}

export class BlockRun {
  private readonly rows: RowEvaluator;
  private parser = new SlicedCsvParser(new CsvParser());
  private summary = emptySummary();
  private sampleCost: LandedCost | null = null;
  private count = 0;
  private readonly out: ResultSink;

  constructor(private readonly setup: BlockSetup) {
    this.rows = createRowEvaluator(setup.ctx, setup.header, { priceUnit: setup.priceUnit });
    this.out = setup.format === "csv" ? new LotCsvWriter() : new JsonSink();
  }

  begin(start: BlockStart): void {
    this.parser = new SlicedCsvParser(
      new CsvParser({ firstLine: start.firstLine, atFileStart: start.atFileStart }),
    );
    this.summary = emptySummary();
    this.sampleCost = null;
    this.count = 0;
  }

  /** Adds text (any cut); throws CsvError for a record that outgrows the parser's limit. */
  text(text: string): void {
    for (const records of this.parser.push(text)) this.records(records);
  }

  end(): void {
    this.records(this.parser.parser.end());
  }

  /** The results written so far as UTF-8 (and forgotten here); `nextBytes` sizes the next buffer. */
  take(next: NextBuffer = 64 * 1024): Uint8Array {
    return this.out.take(next);
  }

  totals(): BlockTotals {
    return { rows: this.count, summary: this.summary, sampleCost: this.sampleCost };
  }

  private records(records: CsvRecord[]): void {
    const { headerLine } = this.setup;
    const out = this.out;
    for (const record of records) {
      if (record.line <= headerLine || isBlankRecord(record.fields)) continue;
      const { result, gradeReadAs } = this.rows.evaluate(record, this.parser.suspect);
      addToSummary(this.summary, result, gradeReadAs);
      if (this.sampleCost === null && result.status === "ok")
        this.sampleCost = this.rows.landedCostOf(result);
      this.count++;
      out.line(result);
    }
    out.flush?.();
  }
}

/** A whole part at once (what a worker does with a block): its output as UTF-8 bytes and its totals. */
export function runBlock(
  run: BlockRun,
  bytes: Uint8Array,
  start: BlockStart,
  spare?: ArrayBuffer,
): { out: Uint8Array; totals: BlockTotals; error: BlockError | null } {
  // A byte-order mark is dropped at the start of the file only; elsewhere it is text.
  const decoder = new TextDecoder("utf-8", { ignoreBOM: !start.atFileStart });
  run.begin(start);
  // Results take about twice the bytes of their lots: one buffer of that size, rarely grown.
  const need = bytes.length * 2 + 1024;
  run.take(spare && spare.byteLength >= need ? spare : need);
  let error: BlockError | null = null;
  try {
    for (const text of textSlices(bytes, decoder)) run.text(text);
    run.text(decoder.decode());
    run.end();
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    error = { message: e.message, line: e.line };
  }
  return { out: run.take(0), totals: run.totals(), error };
}
