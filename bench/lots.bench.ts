// Batch lot evaluation at scale: a generated file of 1,000,000 lots (BENCH_LOTS to change), read by the
// CSV parser alone (the raw parse rate), then evaluated end to end by the real `keiyard lots` command in
// a child process writing results.csv, with its peak memory read from /proc (VmHWM). The target: the
// end-to-end rate at least half the raw parse rate, peak memory at most 300 MB.
//
// The child prices with the deal model of a seeded demo marketplace, unless BENCH_LOTS_DB=none;
// BENCH_LOTS_DB_DIR keeps that database between runs. It runs twice: cold, with no deal-model snapshot,
// so it fits the model by opening the embedded database (PGlite) in a worker thread for a second or two
// (the whole run's peak includes it, the peak while streaming does not) and leaves a snapshot; then
// warm, reading that snapshot without opening the database (the usual case: the site writes one). The
// warm run goes BENCH_LOTS_ROUNDS times (3), each right after a raw parse of the file, and the medians
// are reported: its numbers carry the plain names, the cold run's are prefixed "cold".
import { spawn } from "node:child_process";
import { once } from "node:events";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
} from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { CsvParser } from "../src/domain/lots/csv.js";
import { generateLotCsv } from "../src/domain/lots/generate.js";
import type { IsoDate } from "../src/domain/units/dates.js";
import { loadFacts } from "../src/facts/load.js";
import { createMemoryStorage } from "../src/photos/storage.js";
import { DEAL_SNAPSHOT_FILE } from "../src/services/deal-snapshot.js";
import { textSlices } from "../src/services/lots-blocks.js";
import { isEmpty, seedDemo } from "../src/services/seed.js";
import { report } from "./measure.js";

const MiB = 2 ** 20;
/** Rounds of raw parse + warm run (BENCH_LOTS_ROUNDS). */
const ROUNDS = positiveInteger("BENCH_LOTS_ROUNDS", 3);

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name}=${raw}: give a whole number of at least 1`);
  return n;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function writeLots(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  for (const slice of generateLotCsv(loadFacts().catalog, count, 7))
    if (!out.write(slice)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

/**
 * The file through the parser alone, fed as `keiyard lots` feeds it on its worker threads: read a
 * megabyte at a time, decoded in slices of about 16 KiB that end at a line break (textSlices), each
 * slice's records parsed and dropped. (Until 2026-11-25 this decoded each 256 KiB chunk whole, a text
 * large enough to live in the old generation, and parsed that: two to three times slower than the
 * parser fed as the command feeds it, which flattered the ratio.)
 */
async function rawParse(file: string): Promise<{ records: number; ms: number }> {
  const start = performance.now();
  const parser = new CsvParser();
  const decoder = new TextDecoder("utf-8");
  let records = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 }))
    for (const text of textSlices(chunk as Buffer, decoder)) records += parser.push(text).length;
  records += parser.push(decoder.decode()).length + parser.end().length;
  return { records, ms: performance.now() - start };
}

/** VmHWM (peak resident) and VmRSS (resident now) of a process, in KiB. */
function memoryKiB(pid: number): { hwm: number; rss: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const rss = /VmRSS:\s+(\d+) kB/.exec(status);
    return hwm && rss ? { hwm: Number(hwm[1]), rss: Number(rss[1]) } : null;
  } catch {
    return null; // exited between two samples
  }
}

/**
 * Runs `keiyard lots` to completion, sampling its memory: the peak over the whole run, and the peak
 * while it streams (from the moment the results file exists, i.e. after the deal model was fitted).
 */
async function runCommand(args: string[], env: Record<string, string>, out: string) {
  const start = performance.now();
  const child = spawn(process.execPath, ["bin/keiyard.js", ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => {
    stdout += d;
  });
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  let peakKiB = 0;
  let streamPeakKiB = 0;
  const sample = () => {
    const v = child.pid ? memoryKiB(child.pid) : null;
    if (v === null) return;
    peakKiB = Math.max(peakKiB, v.hwm);
    if (existsSync(out)) streamPeakKiB = Math.max(streamPeakKiB, v.rss);
  };
  const timer = setInterval(sample, 25);
  const [code] = (await once(child, "exit")) as [number | null];
  clearInterval(timer);
  if (code !== 0) throw new Error(`keiyard lots exited ${code}: ${stderr}`);
  return { ms: performance.now() - start, peakKiB, streamPeakKiB, stdout };
}

async function benchDatabase(): Promise<string | null> {
  if (process.env.BENCH_LOTS_DB === "none") return null;
  const dataDir =
    process.env.BENCH_LOTS_DB_DIR ?? join(mkdtempSync(join(tmpdir(), "keiyard-lots-db-")), "db");
  const database = await openDatabase({ dataDir });
  try {
    await migrate(database);
    if (await isEmpty(database))
      await seedDemo(database, createMemoryStorage(), loadFacts(), {
        count: 2000,
        today: "2026-11-24" as IsoDate,
        jpyPerUsd: 150,
      });
  } finally {
    await database.close();
  }
  return dataDir;
}

export async function benchLots(): Promise<void> {
  const count = positiveInteger("BENCH_LOTS", 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), "keiyard-lots-"));
  const file = join(dir, "lots.csv");
  try {
    let t = performance.now();
    await writeLots(file, count);
    const mb = statSync(file).size / 1e6;
    report(`lots: generate ${count} lots`, { ms: Math.round(performance.now() - t), fileMB: Math.round(mb) });

    t = performance.now();
    const dataDir = await benchDatabase();
    const ownDatabase = dataDir !== null && !process.env.BENCH_LOTS_DB_DIR;
    if (dataDir)
      report("lots: demo marketplace for the deal model", { ms: Math.round(performance.now() - t) });
    const out = join(dir, "results.csv");
    const args = ["lots", file, "--to", "TX", "--arrival", "2027-01-15", "--out", out];
    const env: Record<string, string> = dataDir
      ? { KEIYARD_DATA_DIR: dataDir }
      : { KEIYARD_DATA_DIR: join(dir, "no-database") };
    let cold: Awaited<ReturnType<typeof runCommand>> | null = null;
    if (dataDir) {
      await rm(join(dataDir, DEAL_SNAPSHOT_FILE), { force: true });
      cold = await runCommand(args, env, out);
      if (/from the snapshot of/.test(cold.stdout)) throw new Error("the cold run read a snapshot");
      await rm(out);
    }

    // The raw parse and the warm run side by side, a few times over: on a shared machine either can
    // vary by a quarter from one minute to the next, so each round's pair is compared and the medians
    // are reported with the spread of the ratio.
    const rounds: { rawMs: number; run: Awaited<ReturnType<typeof runCommand>> }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const raw = await rawParse(file);
      if (raw.records !== count + 1) throw new Error(`parsed ${raw.records} records, expected ${count + 1}`);
      await rm(out, { force: true });
      const run = await runCommand(args, env, out);
      if (!existsSync(out)) throw new Error("keiyard lots wrote no results file");
      if (dataDir && !/from the snapshot of/.test(run.stdout))
        throw new Error("the warm run read no snapshot");
      rounds.push({ rawMs: raw.ms, run });
    }
    const rawMs = median(rounds.map((r) => r.rawMs));
    const rawRate = Math.round((count / rawMs) * 1000);
    report(`lots: raw parse (read + UTF-8 in 16 KiB slices + CSV parser), median of ${ROUNDS}`, {
      ms: Math.round(rawMs),
      lotsPerSec: rawRate,
      mbPerSec: Math.round((mb / rawMs) * 1000),
    });
    const ratios = rounds.map((r) => (r.rawMs / r.run.ms) * 100);
    const run = rounds.map((r) => r.run).sort((a, b) => a.ms - b.ms)[Math.floor(ROUNDS / 2)]!;
    const rate = Math.round((count / run.ms) * 1000);
    // The command's own clock starts after the deal model is fitted: its rate leaves start-up out.
    const own = /\(([\d.]+) s of evaluation, ([\d,]+) lots\/s/.exec(run.stdout);
    report(`lots: keiyard lots end to end (${dataDir ? "deal model" : "fact range"}), median of ${ROUNDS}`, {
      ms: Math.round(run.ms),
      lotsPerSec: rate,
      lotsPerSecAfterStartup: own ? Number(own[2]!.replaceAll(",", "")) : undefined,
      workerThreads: Number(/on (\d+) worker threads/.exec(run.stdout)?.[1] ?? 0),
      pctOfRawParse: Math.round(median(ratios)),
      pctOfRawParseMin: Math.round(Math.min(...ratios)),
      pctOfRawParseMax: Math.round(Math.max(...ratios)),
      peakRssMiB: Math.round((Math.max(...rounds.map((r) => r.run.peakKiB)) * 1024) / MiB),
      peakRssWhileStreamingMiB: Math.round(
        (Math.max(...rounds.map((r) => r.run.streamPeakKiB)) * 1024) / MiB,
      ),
      resultsMB: Math.round(statSync(out).size / 1e6),
      ...(cold && {
        coldMs: Math.round(cold.ms),
        coldPeakRssMiB: Math.round((cold.peakKiB * 1024) / MiB),
        coldPeakRssWhileStreamingMiB: Math.round((cold.streamPeakKiB * 1024) / MiB),
      }),
    });
    if (ownDatabase) await rm(dirname(dataDir), { recursive: true, force: true });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
