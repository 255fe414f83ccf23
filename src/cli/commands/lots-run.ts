// The work of `keiyard lots` once its worker threads are starting (src/cli/commands/lots.ts): the options
// checked, the fact data and the deal model loaded, the file evaluated (in blocks, on the workers or on
// this thread; the terminal table in one pass as text), and the results and summary written.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import type { Writable } from "node:stream";
import { csvRow } from "../../domain/lots/csv.js";
import type { LotResult } from "../../domain/lots/types.js";
import type { IsoDate } from "../../domain/units/dates.js";
import { getFacts } from "../../facts/load.js";
import { LOT_CSV_COLUMNS, lotOutputText, lotTableHeader, lotTableRow } from "../../present/lots.present.js";
import { formatLotSummary, type LotRunInfo, presentLotSummary } from "../../present/lots-summary.present.js";
import { AppError } from "../../services/app-error.js";
import { parseInput } from "../../services/inputs.schema.js";
import { evaluateLotStream, lotCostsFrom } from "../../services/lots.js";
import { lotsInputSchema } from "../../services/lots.schema.js";
import { READ_AS_SHIFT_JIS } from "../../services/text-encoding.js";
import type { Io } from "../command.js";
import { cliConfig } from "../config.js";
import { type Utf8Input, utf8Input } from "../lots-encoding.js";
import { evaluateLotFileInBlocks } from "../lots-parallel.js";
import { loadLotPricing } from "../lots-pricing.js";
import { LotWorkerError, type LotWorkers } from "../lots-workers.js";
import { createProgressBar } from "../progress.js";
import { type Format, openInput, outFormat } from "./lots.js";

/** Writes text to a stream, waiting when its buffer is full, so output never piles up in memory. */
function createWriter(stream: Writable) {
  let failed: Error | null = null;
  stream.on("error", (e) => {
    failed = e;
  });
  return async (data: string | Uint8Array, written?: () => void) => {
    if (failed) throw failed;
    if (!stream.write(data, written && (() => written()))) await once(stream, "drain");
  };
}

export interface LotsRun {
  file: string;
  values: Record<string, string | boolean | undefined>;
  query: Record<string, unknown>;
  /** Started by the command when the file is big enough, else null. */
  workers: LotWorkers | null;
  io: Io;
}

export async function runLots(run: LotsRun): Promise<number> {
  // A missing or unreadable file is said first, with its own name; a Shift_JIS one is read converted.
  await openInput(run.file);
  const input = await utf8Input(run.file);
  try {
    return await runLotsOn(input, run);
  } finally {
    await input.cleanup();
  }
}

async function runLotsOn(input: Utf8Input, { file, values, query, workers, io }: LotsRun): Promise<number> {
  const q = parseInput(lotsInputSchema, query);
  const facts = getFacts();
  const stateFees = facts.stateFees.find((s) => s.code === q.to);
  if (!stateFees) throw new AppError("unknown_state", `--to: "${q.to}" is not a US state or DC code`, "to");
  const state = { code: stateFees.code, name: stateFees.name };
  const out = typeof values.out === "string" ? values.out : null;
  const format: Format = out === null ? (values.json ? "json" : "table") : outFormat(out);
  const json = values.json === true;
  const totalBytes = await openInput(input.path);
  const config = cliConfig();
  const jpyPerUsd = q.fx ?? config.KEIYARD_JPY_PER_USD;
  const pricing = await loadLotPricing(config, { refit: values.refit === true });

  const started = performance.now();
  // The table on a terminal shows its own progress; a bar beside it would tear its lines.
  const progress = createProgressBar(
    out === null && process.stdout.isTTY ? { isTTY: false, write() {} } : process.stderr,
  );
  const output = new LotOutput(out, format, q.arrival, q.to);
  const ctx = {
    facts: {
      catalog: facts.catalog,
      importRules: facts.importRules,
      stateFees: facts.stateFees,
      modelNames: facts.modelNames,
    },
    arrival: q.arrival as IsoDate,
    state: q.to,
    jpyPerUsd,
    costs: lotCostsFrom(q),
    dealModel: pricing.model,
  };
  const priceUnit = Number(q.priceUnit);
  // Files are written as bytes by the block runner, on the workers or (a small file, one core) on this
  // thread; the terminal table is made from the results as text.
  const events =
    format !== "table"
      ? evaluateLotFileInBlocks(input.path, workers, { ctx, priceUnit, format, totalBytes })
      : evaluateLotStream(createReadStream(input.path, { highWaterMark: 256 * 1024 }), {
          ...ctx,
          priceUnit,
          totalBytes,
        });
  try {
    for await (const event of events) {
      // The output opens only once the header proved the file readable: a bad file leaves none.
      if (event.kind === "header") await output.open();
      else if (event.kind === "results") {
        await output.write(event.results);
        progress.update(event.progress);
      } else if (event.kind === "bytes") {
        await output.writeBytes(event.bytes, event.release);
        progress.update(event.progress);
      } else {
        progress.done();
        if (input.converted) event.summary.warnings.unshift(READ_AS_SHIFT_JIS);
        const run: LotRunInfo = {
          file,
          arrival: q.arrival,
          state,
          fx: { jpyPerUsd, from: q.fx === undefined ? "KEIYARD_JPY_PER_USD" : "--fx" },
          priceUnit: Number(q.priceUnit),
          pricing: pricing.info,
          retail: facts.importRules.usRetailPrices,
          sampleCost: event.sampleCost,
          out,
          elapsedMs: performance.now() - started,
          threads: workers && format !== "table" ? workers.size : 0,
          disclaimer: facts.importRules.meta.disclaimer,
        };
        const summaryJson = JSON.stringify(presentLotSummary(event.summary, run));
        await output.close(summaryJson);
        if (out !== null && json) io.out(summaryJson);
        else if (!json) io.out(`\n${formatLotSummary(event.summary, run)}`);
      }
    }
  } catch (e) {
    progress.done();
    output.abort();
    // A worker thread failed: say so in one line (it is not the file's fault, hence not exit 1).
    if (e instanceof LotWorkerError) {
      io.err(`keiyard lots: ${e.message}`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (e instanceof AppError || !err.code) throw e;
    // The reader of a pipe went away (`| head`): nothing more to say to it.
    if (err.code === "EPIPE") return 0;
    if (out !== null && err.path === out)
      throw new AppError("invalid_input", `--out ${out}: cannot write it (${err.code})`);
    throw new AppError("invalid_input", `${file}: read failed (${err.code})`);
  }
  return 0;
}

/** Where the results go (stdout or the --out file), written as they come, in the chosen format. */
class LotOutput {
  private sink: Writable | null = null;
  private write_: ((data: string | Uint8Array, written?: () => void) => Promise<void>) | null = null;
  private first = true;

  constructor(
    private readonly out: string | null,
    private readonly format: Format,
    private readonly arrival: string,
    private readonly state: string,
  ) {}

  async open(): Promise<void> {
    this.sink = this.out === null ? process.stdout : createWriteStream(this.out);
    this.write_ = createWriter(this.sink);
    if (this.format === "csv") await this.write_(`${csvRow(LOT_CSV_COLUMNS)}\n`);
    if (this.format === "table") await this.write_(`${lotTableHeader(this.arrival)}\n`);
    if (this.format === "json")
      await this.write_(
        `{"arrival":${JSON.stringify(this.arrival)},"state":${JSON.stringify(this.state)},"results":[`,
      );
  }

  async write(results: readonly LotResult[]): Promise<void> {
    let text = "";
    if (this.format === "table") for (const r of results) text += `${lotTableRow(r)}\n`;
    else {
      for (const r of results) text += lotOutputText(r, this.format);
      // The first JSON element has no comma before it.
      if (this.first && this.format === "json" && text !== "") text = text.slice(1);
    }
    if (text !== "") this.first = false;
    await this.write_!(text);
  }

  /**
   * Results already written as the file holds them (by the worker threads, first comma dropped);
   * `written` is called once they are out, when their buffer may be used again.
   */
  async writeBytes(bytes: Uint8Array, written: () => void): Promise<void> {
    this.first = false;
    await this.write_!(bytes, written);
  }

  async close(summaryJson: string): Promise<void> {
    if (this.format === "json") await this.write_!(`\n],"summary":${summaryJson}}\n`);
    if (this.sink && this.sink !== process.stdout) {
      this.sink.end();
      await once(this.sink, "finish");
    }
  }

  abort(): void {
    if (this.sink && this.sink !== process.stdout) this.sink.destroy();
  }
}
