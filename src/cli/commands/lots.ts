// `keiyard lots <file.csv> --to XX --arrival YYYY-MM-DD`: evaluates a file of auction lots as it streams
// (bounded memory for any size) and writes one result per row, in order: a table on stdout, or a CSV /
// JSON file with --out, then a summary. A progress bar shows on a terminal, never in a pipe. Bad rows
// are reported in place; only a bad invocation or a file that cannot be read as lots exits 1.
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { AppError } from "../../services/app-error.js";
import { type Command, parseFlags } from "../command.js";
import { type LotWorkers, startLotWorkers } from "../lots-workers.js";
import { tuneV8ForLots } from "../v8-tuning.js";

const FLAGS = {
  to: "to",
  arrival: "arrival",
  fx: "fx",
  "price-unit": "priceUnit",
  "japan-fees-jpy": "japanFeesJpy",
  "freight-usd": "freightUsd",
  "insurance-jpy": "insuranceJpy",
  "broker-usd": "brokerUsd",
  "port-usd": "portUsd",
  "delivery-usd": "deliveryUsd",
  "isf-bond-usd": "isfBondUsd",
  "customs-bond-usd": "customsBondUsd",
} as const;

const USAGE = [
  "keiyard lots <lots.csv> --to XX --arrival YYYY-MM-DD [--fx JPY-per-USD] [--out results.csv|results.json]",
  "             [--price-unit 1|1000] [--japan-fees-jpy N] [--freight-usd N] [--insurance-jpy N]",
  "             [--broker-usd N] [--port-usd N] [--delivery-usd N] [--isf-bond-usd N] [--customs-bond-usd N]",
  "             [--refit] [--json]",
  "",
  "Reads an auction-lot CSV (columns and accepted headers: docs/auction-lots.md) and, for each lot: the",
  "truck, import eligibility on the arrival date, landed cost delivered and registered in the state, the",
  "fair US price and the margin. The fair price comes from the marketplace database's deal model when",
  "there is one, else from the fact data's typical range (marked *). With the embedded database the model",
  "is read from the snapshot the site writes beside it (deal-model.json) while the database is unchanged",
  "or a running site holds it; --refit fits it from the database instead.",
].join("\n");

export type Format = "table" | "csv" | "json";

/**
 * Below this size a file is evaluated on the main thread alone: each worker thread warms up on its
 * first block (about half a second while two do so at once), which a small file does not repay.
 * Measured on two cores: 9 MB 0.8 s alone against 1.0 s with workers, 20 MB about even, 40 MB 1.9 s
 * against 1.6 s.
 */
const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;
/** More threads than this would wait on the one that reads the file and writes the results. */
const MAX_WORKERS = 8;

export async function openInput(file: string) {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new AppError("invalid_input", `${file} is not a file`);
    return s.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(
      "invalid_input",
      code === "ENOENT" ? `${file}: no such file` : `${file}: cannot read it (${code})`,
    );
  }
}

export const lotsCommand: Command = {
  name: "lots",
  summary:
    "Evaluate a CSV of Japanese auction lots: eligibility on arrival, landed cost, fair US price, margin",
  usage: USAGE,
  async run(argv, io) {
    const options = Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: "string" as const }]));
    const { values, positionals } = parseFlags(argv, {
      ...options,
      out: { type: "string" },
      refit: { type: "boolean" },
    });
    const flags = values as Record<string, string | boolean | undefined>;
    if (positionals.length !== 1)
      throw new AppError(
        "invalid_input",
        positionals.length === 0
          ? "give the lots file: keiyard lots <lots.csv> --to XX --arrival YYYY-MM-DD"
          : "give one lots file",
      );
    const file = positionals[0]!;
    const query: Record<string, unknown> = {};
    for (const [flag, key] of Object.entries(FLAGS)) if (flags[flag] !== undefined) query[key] = flags[flag];
    for (const required of ["to", "arrival"] as const)
      if (query[required] === undefined)
        throw new AppError("invalid_input", `--${required} is required (keiyard lots --help)`, required);
    // Files go to all cores (the table is for reading a few lots on a terminal). The worker threads
    // start before anything else is loaded: they load their modules while this thread loads its own,
    // checks the options and reads the fact data and the deal model. (The options' errors come after,
    // in their usual order; the threads are then stopped unused.)
    let workers: LotWorkers | null = null;
    if (await isParallel(file, flags)) {
      // Set before the threads start, so that their heaps and compilers are made with it.
      tuneV8ForLots(threads());
      workers = await startLotWorkers(threads());
    }
    try {
      const { runLots } = await import("./lots-run.js");
      return await runLots({ file, values: flags, query, workers, io });
    } finally {
      await workers?.close();
    }
  },
};

const threads = () => Math.min(MAX_WORKERS, availableParallelism());

async function isParallel(file: string, flags: Record<string, unknown>): Promise<boolean> {
  const out = typeof flags.out === "string" ? flags.out : null;
  const ext = out === null ? null : extname(out).toLowerCase();
  const format =
    out === null ? (flags.json ? "json" : "table") : ext === ".csv" || ext === ".json" ? ext : null;
  if (format === "table" || format === null || threads() < 2) return false;
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
  return size >= PARALLEL_MIN_BYTES;
}

export function outFormat(out: string): Format {
  const ext = extname(out).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".json") return "json";
  throw new AppError("invalid_input", `--out ${out}: give a file ending in .csv or .json`, "out");
}
