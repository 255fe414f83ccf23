// `keiyard lots` on all cores: the main thread reads the file, cuts it into blocks at record boundaries
// (src/services/lots-blocks.ts) with the line each starts on, and worker threads parse, evaluate and
// write the results of a block each (src/services/lots-block-run.ts). The main thread hands the
// results on in file order, merges the blocks' summaries, and keeps a few blocks in flight, so memory
// stays bounded whatever the file size. Output and summary are byte for byte those of one pass
// (docs/decisions/0028-parallel-lot-evaluation.md).
import { type FileHandle, open } from "node:fs/promises";
import type { LandedCost } from "../domain/cost/types.js";
import { headerNotes, isBlankRecord, readHeader } from "../domain/lots/batch.js";
import type { HeaderMap } from "../domain/lots/columns.js";
import { CsvParser } from "../domain/lots/csv.js";
import type { LotContext } from "../domain/lots/evaluate.js";
import { emptySummary, finishSummary, type LotSummary, mergeSummaries } from "../domain/lots/summary.js";
import { AppError } from "../services/app-error.js";
import { type LotProgress, NOT_UTF8, toAppError } from "../services/lots.js";
import { type BlockFormat, BlockRun, type BlockSetup, type BlockTotals } from "../services/lots-block-run.js";
import { countLineBreaks, firstFieldStart, lastRecordEnd, textSlices } from "../services/lots-blocks.js";
import type { FromWorker } from "./lots-block.worker.js";
import type { LotWorkers } from "./lots-workers.js";

/** About 7,000 lots of a typical list: big enough that messages are rare, small enough to spread. */
export const BLOCK_BYTES = 1024 * 1024;
/** The first chunk is read as the sequential path reads it, and checked for being UTF-8 the same way. */
const PROBE_BYTES = 256 * 1024;
/**
 * A block that finds no record end in this many bytes holds a record of over a million characters
 * (the parser's limit) or line breaks other than LF: the rest of the file is read in one pass instead.
 */
const MAX_BLOCK_BYTES = 8 * 1024 * 1024;

export type ParallelEvent =
  | { kind: "header"; header: HeaderMap }
  | {
      kind: "bytes";
      bytes: Uint8Array;
      progress: LotProgress;
      /** Call once the bytes are written (and no longer needed): their buffer is used again. */
      release: () => void;
    }
  | { kind: "done"; summary: LotSummary; progress: LotProgress; sampleCost: LandedCost | null };

export interface ParallelOptions {
  ctx: LotContext;
  priceUnit: number;
  format: BlockFormat;
  totalBytes: number;
  /** Smaller in tests, so that many block boundaries are crossed. */
  blockBytes?: number;
  /** Smaller in tests, so that the one-pass fallback is reached in a small file. */
  maxBlockBytes?: number;
}

/** Reads a file into growing buffers of its own, from which blocks are cut and moved to workers. */
class FileReader {
  /** Buffers moved back from the workers, to read into again. */
  readonly spare: ArrayBuffer[] = [];
  buf: Buffer = Buffer.allocUnsafeSlow(0);
  filled = 0;
  /** File offset of buf[0]. */
  offset = 0;
  eof = false;
  constructor(private readonly fh: FileHandle) {}

  /** Reads until `want` bytes are buffered or the file ends. */
  async fill(want: number): Promise<void> {
    if (want > this.buf.length) {
      const bigger = this.alloc(Math.max(want, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.filled);
      this.buf = bigger;
    }
    while (!this.eof && this.filled < want) {
      const { bytesRead } = await this.fh.read(
        this.buf,
        this.filled,
        want - this.filled,
        this.offset + this.filled,
      );
      if (bytesRead === 0) this.eof = true;
      this.filled += bytesRead;
    }
  }

  private alloc(size: number): Buffer {
    const i = this.spare.findIndex((b) => b.byteLength >= size);
    return i === -1 ? Buffer.allocUnsafeSlow(size) : Buffer.from(this.spare.splice(i, 1)[0]!);
  }

  /** The first `n` bytes as a buffer of their own (to move to a worker); the rest stays for later. */
  take(n: number, nextCapacity: number): Buffer {
    const block = this.buf;
    const rest = this.alloc(Math.max(nextCapacity, this.filled - n));
    block.copy(rest, 0, n, this.filled);
    this.buf = rest;
    this.filled -= n;
    this.offset += n;
    return block.subarray(0, n);
  }
}

/** Finds the header as the one-pass reader does: the first record that is not blank. */
async function readHeaderRecord(reader: FileReader) {
  await reader.fill(PROBE_BYTES);
  const decoder = new TextDecoder("utf-8");
  const first = decoder.decode(reader.buf.subarray(0, reader.filled), { stream: true });
  if (first.includes("\uFFFD")) throw new AppError("invalid_input", NOT_UTF8);
  const parser = new CsvParser();
  const find = (records: ReturnType<CsvParser["push"]>) => records.find((r) => !isBlankRecord(r.fields));
  try {
    let record = find(parser.push(first));
    for (let read = reader.filled; !record && !reader.eof; read = reader.filled) {
      await reader.fill(reader.filled + PROBE_BYTES);
      record = find(parser.push(decoder.decode(reader.buf.subarray(read, reader.filled), { stream: true })));
    }
    record ??= find([...parser.push(decoder.decode()), ...parser.end()]);
    if (!record) throw new AppError("invalid_input", "the file is empty: expected a header row and lots");
    return { header: readHeader(record), line: record.line };
  } catch (e) {
    throw toAppError(e);
  }
}

/**
 * Evaluates a lots file with `workers`, yielding the header, the results as bytes in file order with
 * the progress, and the summary. Throws AppError as the one-pass reader does (not UTF-8, no header, a
 * record too long), and LotWorkerError when a worker fails. Without workers (a small file, one core)
 * the whole file goes through the same block runner on this thread: the results written straight as
 * bytes, which is about twice as fast as making them text first.
 */
export async function* evaluateLotFileInBlocks(
  file: string,
  workers: LotWorkers | null,
  options: ParallelOptions,
): AsyncGenerator<ParallelEvent> {
  const blockBytes = options.blockBytes ?? BLOCK_BYTES;
  const maxBlockBytes = options.maxBlockBytes ?? MAX_BLOCK_BYTES;
  const fh = await open(file);
  try {
    const reader = new FileReader(fh);
    const { header, line: headerLine } = await readHeaderRecord(reader);
    yield { kind: "header", header };
    const setup: BlockSetup = {
      ctx: options.ctx,
      priceUnit: options.priceUnit,
      header,
      headerLine,
      format: options.format,
    };
    const threads = workers?.size ?? 0;
    for (let i = 0; i < threads; i++) workers!.post(i, { kind: "setup", setup });

    const progress: LotProgress = { bytes: 0, totalBytes: options.totalBytes, rows: 0 };
    let summary = emptySummary();
    let sampleCost: LandedCost | null = null;
    let firstOutput = true;
    // Results buffers written out and free again; and input buffers back from the workers.
    const spareOut: ArrayBuffer[] = [];
    const keep = (pool: ArrayBuffer[], b: ArrayBuffer) => {
      if (pool.length < threads * 4) pool.push(b);
    };
    const releaser = (b: Uint8Array) => () => keep(spareOut, b.buffer as ArrayBuffer);
    /** The text of a block as it goes out: the first JSON element has no comma before it. */
    const emit = (out: Uint8Array): Uint8Array => {
      if (out.length === 0) return out;
      const first = firstOutput;
      firstOutput = false;
      return first && options.format === "json" ? out.subarray(1) : out;
    };
    const add = (totals: BlockTotals) => {
      summary = mergeSummaries(summary, totals.summary);
      sampleCost ??= totals.sampleCost;
      progress.rows += totals.rows;
    };

    // Blocks sent and not yet handed on, with where each ends in the file; results that came early wait.
    const inFlight = new Map<number, { end: number; worker: number }>();
    const arrived = new Map<number, FromWorker>();
    const load = new Array<number>(threads).fill(0);
    const maxInFlight = threads * 3;
    let nextId = 0;
    let nextOut = 0;
    let line = 1;
    // Without workers, the one-pass reading below takes the whole file.
    let fallback = workers === null;

    /** Cuts the next block and sends it to the least busy worker; false at the end of the file or for the fallback. */
    const dispatch = async (): Promise<boolean> => {
      let limit = blockBytes;
      for (;;) {
        await reader.fill(limit);
        if (reader.filled === 0) return false;
        const start = reader.offset === 0 ? firstFieldStart(reader.buf) : 0;
        let cut: number;
        if (reader.eof && reader.filled <= limit) cut = reader.filled;
        else cut = lastRecordEnd(reader.buf, 0, Math.min(limit, reader.filled), start);
        if (cut <= 0) {
          if (limit >= maxBlockBytes) {
            fallback = true;
            return false;
          }
          limit *= 2;
          continue;
        }
        const atFileStart = reader.offset === 0;
        const bytes = reader.take(cut, blockBytes);
        const worker = load.indexOf(Math.min(...load));
        const id = nextId++;
        inFlight.set(id, { end: reader.offset, worker });
        load[worker]!++;
        const firstLine = line;
        line += countLineBreaks(bytes); // before the bytes move to the worker
        workers!.post(worker, { kind: "block", id, bytes, firstLine, atFileStart }, [
          bytes.buffer as ArrayBuffer,
        ]);
        return true;
      }
    };

    let more = workers !== null;
    for (;;) {
      while (more && inFlight.size < maxInFlight) more = await dispatch();
      const ready = arrived.get(nextOut);
      if (ready) {
        arrived.delete(nextOut);
        const sent = inFlight.get(nextOut)!;
        inFlight.delete(nextOut);
        nextOut++;
        add(ready.totals);
        progress.bytes = sent.end;
        const out = emit(ready.out);
        if (out.length > 0)
          yield { kind: "bytes", bytes: out, progress: { ...progress }, release: releaser(ready.out) };
        if (ready.error)
          throw new AppError("invalid_input", `line ${ready.error.line}: ${ready.error.message}`);
        continue;
      }
      if (inFlight.size === 0) break;
      const m = await workers!.next();
      load[inFlight.get(m.id)!.worker]!--;
      keep(reader.spare, m.input);
      arrived.set(m.id, m);
    }

    if (fallback) {
      // The rest in one pass on this thread, from the record boundary where cutting stopped.
      const run = new BlockRun(setup);
      const atFileStart = reader.offset === 0;
      run.begin({ firstLine: line, atFileStart });
      const decoder = new TextDecoder("utf-8", { ignoreBOM: !atFileStart });
      try {
        for (;;) {
          const chunk = reader.take(reader.filled, PROBE_BYTES);
          for (const text of textSlices(chunk, decoder)) run.text(text);
          const out = emit(run.take());
          const sofar = { ...progress, bytes: reader.offset, rows: progress.rows + run.totals().rows };
          if (out.length > 0) yield { kind: "bytes", bytes: out, progress: sofar, release() {} };
          if (reader.eof) break;
          await reader.fill(PROBE_BYTES);
        }
        run.text(decoder.decode());
        run.end();
      } catch (e) {
        throw toAppError(e);
      }
      add(run.totals());
      const out = emit(run.take());
      if (out.length > 0) yield { kind: "bytes", bytes: out, progress: { ...progress }, release() {} };
    }

    const s = finishSummary(summary);
    yield {
      kind: "done",
      summary: { ...s, warnings: [...headerNotes(header), ...s.warnings] },
      progress: { ...progress, bytes: options.totalBytes },
      sampleCost,
    };
  } finally {
    await fh.close();
  }
}
