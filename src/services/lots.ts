// Use case: evaluate a file of auction lots. Any face hands in the file as a stream of bytes (the CLI
// from disk, a web upload from its request body) and gets an async iterator of events: batches of
// results in file order, each with the progress so far, then the summary. Only the current chunk and
// the unfinished record are held, so a million rows take the memory of a few thousand.
import type { LandedCost } from "../domain/cost/types.js";
import { createLotBatch, LotFileError } from "../domain/lots/batch.js";
import type { HeaderMap } from "../domain/lots/columns.js";
import { CsvError, CsvParser, type CsvRecord, SlicedCsvParser } from "../domain/lots/csv.js";
import type { LotContext, LotCosts } from "../domain/lots/evaluate.js";
import type { LotSummary } from "../domain/lots/summary.js";
import type { LotResult } from "../domain/lots/types.js";
import { dollarsToCents, jpy } from "../domain/units/money.js";
import { AppError } from "./app-error.js";
import type { LotsInput } from "./lots.schema.js";
import { textSlices } from "./lots-blocks.js";

export interface LotProgress {
  /** Bytes of the file read so far, and its size when known (for the ETA). */
  bytes: number;
  totalBytes: number | null;
  /** Lot rows done (header and blank rows not counted). */
  rows: number;
}

export type LotEvent =
  | { kind: "header"; header: HeaderMap }
  | { kind: "results"; results: LotResult[]; progress: LotProgress }
  | { kind: "done"; summary: LotSummary; progress: LotProgress; sampleCost: LandedCost | null };

export interface LotStreamOptions extends LotContext {
  /** 1, or 1000 for lists in thousands of yen. */
  priceUnit: number;
  totalBytes?: number | null;
}

/** How much of the file's start is checked for being UTF-8 before any result is given. */
const ENCODING_PROBE_BYTES = 64 * 1024;

/**
 * Reads `source` (bytes or text, in chunks of any size) and yields the results. Throws AppError for a
 * file that cannot be read as lots at all: not UTF-8 at its start, no usable header, a record too long.
 */
export async function* evaluateLotStream(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: LotStreamOptions,
): AsyncGenerator<LotEvent> {
  const batch = createLotBatch(options, { priceUnit: options.priceUnit });
  const parser = new SlicedCsvParser(new CsvParser());
  const decoder = new TextDecoder("utf-8");
  const progress: LotProgress = { bytes: 0, totalBytes: options.totalBytes ?? null, rows: 0 };
  let headerSent = false;
  let probed = 0;

  /** Parses `text` a slice at a time, so each batch of results is small and short-lived. */
  function* take(text: string): Generator<LotEvent> {
    const slices = parser.push(text);
    for (;;) {
      let next: IteratorResult<CsvRecord[]>;
      try {
        next = slices.next();
      } catch (e) {
        throw toAppError(e);
      }
      if (next.done) return;
      yield* run(next.value);
    }
  }

  function* run(records: ReturnType<CsvParser["push"]>): Generator<LotEvent> {
    const results: LotResult[] = [];
    for (const record of records) {
      let result: LotResult | null;
      try {
        result = batch.add(record, parser.suspect);
      } catch (e) {
        throw toAppError(e);
      }
      if (!headerSent && batch.header) {
        headerSent = true;
        yield { kind: "header", header: batch.header };
      }
      if (result) results.push(result);
    }
    progress.rows += results.length;
    if (results.length > 0) yield { kind: "results", results, progress: { ...progress } };
  }

  /** The start of the file is checked for being UTF-8, a whole chunk at a time, before its results. */
  function probe(texts: readonly string[]): void {
    for (const text of texts) {
      probed += text.length;
      if (text.includes("\uFFFD")) throw new AppError("invalid_input", NOT_UTF8);
    }
  }

  for await (const chunk of source) {
    const isText = typeof chunk === "string";
    progress.bytes += isText ? Buffer.byteLength(chunk) : chunk.byteLength;
    // Bytes are decoded a slice at a time, as the worker threads decode: a chunk's text decoded whole
    // is an object large enough to live in the old generation (the parse about three times slower).
    const texts = isText ? [chunk] : [...textSlices(chunk, decoder)];
    if (probed < ENCODING_PROBE_BYTES) probe(texts);
    for (const text of texts) yield* take(text);
  }
  yield* take(decoder.decode());
  let last: ReturnType<CsvParser["end"]>;
  try {
    last = parser.parser.end();
  } catch (e) {
    throw toAppError(e);
  }
  yield* run(last);
  if (!batch.header) throw new AppError("invalid_input", "the file is empty: expected a header row and lots");
  yield { kind: "done", summary: batch.summary(), progress: { ...progress }, sampleCost: batch.sampleCost() };
}

export const NOT_UTF8 =
  "the file is not UTF-8 text, nor Shift_JIS text with Japanese in it: save it as UTF-8 CSV and try again";

/** The errors of a file that cannot be read as lots, as the user sees them. */
export function toAppError(e: unknown): unknown {
  if (e instanceof LotFileError) return new AppError("invalid_input", e.message);
  if (e instanceof CsvError) return new AppError("invalid_input", `line ${e.line}: ${e.message}`);
  return e;
}

const cents = (v: number | undefined) => (v === undefined ? null : dollarsToCents(v));

/** The per-lot costs a user gave, as the landed-cost engine takes them (the same for every lot). */
export function lotCostsFrom(q: LotsInput): LotCosts {
  return {
    fxRateDate: null,
    freightUsd: cents(q.freightUsd),
    insuranceJpy: q.insuranceJpy === undefined ? null : jpy(q.insuranceJpy),
    usCosts: {
      brokerUsd: cents(q.brokerUsd),
      portUsd: cents(q.portUsd),
      deliveryUsd: cents(q.deliveryUsd),
      isfBondUsd: cents(q.isfBondUsd),
      customsBondUsd: cents(q.customsBondUsd),
    },
    // As in `keiyard cost`: not given, the typical Japan-side fees are listed as not included.
    ...(q.japanFeesJpy === undefined
      ? {}
      : {
          japanFees:
            q.japanFeesJpy === 0
              ? []
              : [
                  {
                    id: "japan_fees",
                    label: "Japan-side fees (auction, agent, inland, port)",
                    jpy: jpy(q.japanFeesJpy),
                  },
                ],
        }),
  };
}
