// `keiyard lots` through the real binary: the table and summary of the example file, CSV and JSON
// output files, one JSON document under --json, quiet stderr in a pipe, one-line errors and exit 1
// for a bad invocation or a file that cannot be read as lots.
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { keiyard } from "../../test/cli.js";
import { parseCsv } from "../domain/lots/csv.js";
import { generateLotCsv } from "../domain/lots/generate.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { LOT_CSV_COLUMNS, lotOutputText } from "../present/lots.present.js";
import { evaluateLotStream, lotCostsFrom } from "../services/lots.js";

const dir = mkdtempSync(join(tmpdir(), "keiyard-lots-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// No marketplace database here: fair prices come from the fact data's range, the same on every machine.
const env = { KEIYARD_DATA_DIR: join(dir, "no-database") };
const EXAMPLE = "docs/examples/lots.csv";
const run = (args: string[]) => keiyard(["lots", ...args], env);

describe("keiyard lots", () => {
  it("prints a table and a summary for the example file (the README's command)", () => {
    const r = run([EXAMPLE, "--to", "TX", "--arrival", "2027-01-15"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(
      /line +lot +truck +reg +import on 2027-01-15 +price ¥ +landed \$ +fair US \$ +margin \$/,
    );
    expect(r.stdout).toMatch(/\n +2 +40123 +DD51T Carry Truck +1998-04 +yes +268,000 sold/);
    expect(r.stdout).toMatch(/\n +25 +61212 .*ERROR sold_price_jpy: not an amount in yen: "abc"/);
    expect(r.stdout).toMatch(/29 lots in docs\/examples\/lots\.csv: 25 evaluated, 4 with errors/);
    expect(r.stdout).toMatch(/Import on 2027-01-15: 22 importable, 2 not yet, 1 awaiting evidence/);
    expect(r.stdout).toMatch(/no fair-price model \(no marketplace database yet/);
    expect(r.stdout).toMatch(/\* the fact data's typical US retail range for kei trucks, \$5,000-\$12,000/);
    expect(r.stdout).toMatch(/Not included, so margins are before them/);
    expect(r.stdout).toMatch(/at 150 JPY per USD \(KEIYARD_JPY_PER_USD/);
    expect(r.stdout).toMatch(/Not legal advice/);
  });

  it("evaluates a big file on worker threads, writing what one pass writes", async () => {
    // Over the size from which the command starts workers (24 MiB): about 190,000 generated lots.
    const file = join(dir, "big.csv");
    writeFileSync(file, [...generateLotCsv(loadFacts().catalog, 190_000, 11)].join(""));
    expect(statSync(file).size).toBeGreaterThan(24 * 1024 * 1024);
    const out = join(dir, "big-results.csv");
    const r = run([file, "--to", "TX", "--arrival", "2027-01-15", "--out", out]);
    expect(r.code).toBe(0);
    const threads = Math.min(8, availableParallelism());
    // One core: the main thread alone, and the summary says nothing of threads.
    if (threads >= 2) expect(r.stdout).toMatch(new RegExp(`lots/s on ${threads} worker threads\\)`));
    else expect(r.stdout).not.toMatch(/worker threads/);
    expect(r.stdout).toMatch(/190,000 lots in .*big\.csv -> .*: 190,000 evaluated/);
    // The reference: one pass in this process, each result made text.
    let text = `${LOT_CSV_COLUMNS.join(",")}\n`;
    const ctx = { facts: loadFacts(), arrival: "2027-01-15" as IsoDate, state: "TX", jpyPerUsd: 150 };
    for await (const e of evaluateLotStream(createReadStream(file), {
      ...ctx,
      costs: lotCostsFrom({} as never),
      dealModel: null,
      priceUnit: 1,
    }))
      if (e.kind === "results") for (const res of e.results) text += lotOutputText(res, "csv");
    expect(readFileSync(out, "utf8") === text).toBe(true);
  }, 120_000);

  it("is quiet on stderr in a pipe: no progress bar, no noise", () => {
    const r = run([EXAMPLE, "--to", "TX", "--arrival", "2027-01-15", "--fx", "155"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/at 155 JPY per USD \(given with --fx\)/);
  });

  it("--out results.csv writes one row per lot row, in order, and the summary to stdout", () => {
    const out = join(dir, "results.csv");
    const r = run([EXAMPLE, "--to", "PA", "--arrival", "2027-01-15", "--out", out, "--freight-usd", "1400"]);
    expect(r.code).toBe(0);
    const [header, ...rows] = parseCsv(readFileSync(out, "utf8"));
    expect(header!.fields).toEqual([...LOT_CSV_COLUMNS]);
    expect(rows.map((x) => x.fields[0])).toEqual(Array.from({ length: 29 }, (_, i) => String(i + 2)));
    expect(r.stdout).toMatch(/-> .*results\.csv: 25 evaluated/);
    expect(r.stdout).toMatch(/Ocean freight|freight/i);
    expect(r.stdout).not.toMatch(/line +lot +truck/);
  });

  it("--out results.json writes one JSON document; --json puts the summary on stdout", () => {
    const out = join(dir, "results.json");
    const r = run([EXAMPLE, "--to", "TX", "--arrival", "2027-01-15", "--out", out, "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect(doc.results).toHaveLength(29);
    expect(doc.results[0]).toMatchObject({
      line: 2,
      lotNo: "40123",
      status: "ok",
      fair: { source: "facts" },
    });
    expect(doc.summary).toMatchObject({ rows: 29, errorRows: 4, arrival: "2027-01-15" });
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 29, state: { code: "TX", name: "Texas" } });
  });

  it("--json without --out streams the whole document to stdout", () => {
    const r = run([EXAMPLE, "--to", "TX", "--arrival", "2027-01-15", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.results).toHaveLength(29);
    expect(doc.summary.verdicts).toEqual({ importable: 22, not_importable: 2, needs_evidence: 1 });
  });

  it.each([
    [[EXAMPLE, "--arrival", "2027-01-15"], /--to is required/],
    [[EXAMPLE, "--to", "TX"], /--arrival is required/],
    [[EXAMPLE, "--to", "ZZ", "--arrival", "2027-01-15"], /"ZZ" is not a US state or DC code/],
    [[EXAMPLE, "--to", "TX", "--arrival", "2027-02-30"], /arrival: expected a calendar date/],
    [
      [EXAMPLE, "--to", "TX", "--arrival", "2027-01-15", "--out", "x.xlsx"],
      /give a file ending in \.csv or \.json/,
    ],
    [[EXAMPLE, "--to", "TX", "--arrival", "2027-01-15", "--price-unit", "10"], /expected 1 \(yen\) or 1000/],
    [["missing.csv", "--to", "TX", "--arrival", "2027-01-15"], /missing\.csv: no such file/],
    [["docs", "--to", "TX", "--arrival", "2027-01-15"], /docs is not a file/],
    [["--to", "TX", "--arrival", "2027-01-15"], /give the lots file/],
  ])("keiyard lots %j exits 1 with one line", (args, message) => {
    const r = run(args as string[]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toBe("");
  });

  it("a file that cannot be read as lots exits 1 and leaves no output file", () => {
    const noHeader = join(dir, "bad-header.csv");
    writeFileSync(noHeader, "lot,year\n1,1996\n");
    const out = join(dir, "never.csv");
    const r = run([noHeader, "--to", "TX", "--arrival", "2027-01-15", "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /line 1: the header lacks a chassis_code, frame_no or model column and a start_price_jpy/,
    );
    expect(() => readFileSync(out)).toThrow();

    const sjis = join(dir, "sjis.csv");
    writeFileSync(sjis, Buffer.from([0x8e, 0xd4, 0x96, 0xbc, 0x2c, 0x6c, 0x6f, 0x74, 0x0a]));
    const s = run([sjis, "--to", "TX", "--arrival", "2027-01-15"]);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/not UTF-8 text, nor Shift_JIS text with Japanese in it/);
  });

  it("names only the options for the costs it left out, the customs bond included", () => {
    const r = run([
      "docs/examples/lots.csv",
      "--to",
      "TX",
      "--arrival",
      "2027-01-15",
      "--freight-usd",
      "1200",
    ]);
    expect(r.code).toBe(0);
    const hint = /Give your quotes with (.*)\./.exec(r.stdout)![1]!;
    expect(hint.split(", ")).toEqual([
      "--japan-fees-jpy",
      "--insurance-jpy",
      "--broker-usd",
      "--customs-bond-usd",
      "--isf-bond-usd",
      "--port-usd",
      "--delivery-usd",
    ]);
    const bonded = run([
      "docs/examples/lots.csv",
      "--to",
      "TX",
      "--arrival",
      "2027-01-15",
      "--customs-bond-usd",
      "80",
    ]);
    expect(bonded.stdout).not.toMatch(/^ {2}- Single-entry customs bond/m);
    expect(bonded.stdout).toMatch(/^Landed cost includes: .*Single-entry customs bond/m);
  });

  it("reads a Shift_JIS export (as lists from Japan often are) converted, and says so", () => {
    const dir = mkdtempSync(join(tmpdir(), "keiyard-sjis-"));
    const file = join(dir, "sjis.csv");
    const carry = [0x83, 0x4c, 0x83, 0x83, 0x83, 0x8a, 0x83, 0x43]; // キャリイ
    const ascii = (t: string) => [...Buffer.from(t, "ascii")];
    writeFileSync(
      file,
      Buffer.from([
        ...ascii("lot_no,auction,auction_date,model,chassis_code,year,mileage_km,score,start_price_jpy\n"),
        ...ascii("7,USS Tokyo,2026-11-19,"),
        ...carry,
        ...ascii(",DD51T,1996,48000,4,200000\n"),
      ]),
    );
    const r = run([file, "--to", "TX", "--arrival", "2027-01-15", "--json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.summary.warnings[0]).toMatch(/Shift_JIS text \(not UTF-8\): keiyard read it as Shift_JIS/);
    expect(body.results[0]).toMatchObject({ lotNo: "7", status: "ok" });
  });

  it("prices with the deal model of the configured database, and says it was fitted on demo data", () => {
    const market = { KEIYARD_DATA_DIR: join(dir, "market") };
    expect(keiyard(["seed", "--demo", "--count", "300"], market).code).toBe(0);
    const r = keiyard(["lots", EXAMPLE, "--to", "TX", "--arrival", "2027-01-15", "--json"], market);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.pricing).toMatchObject({ kind: "model" });
    expect(doc.summary.pricing.demoListings).toBe(doc.summary.pricing.listings);
    expect(doc.summary.fairSource.model).toBeGreaterThan(0);
    const text = keiyard(["lots", EXAMPLE, "--to", "TX", "--arrival", "2027-01-15"], market).stdout;
    expect(text).toMatch(
      /the deal model fitted on [\d,]+ US marketplace listings: all of them demo listings/,
    );
  }, 120_000);

  it("is listed in keiyard --help and has its own --help", () => {
    expect(keiyard(["--help"]).stdout).toMatch(/lots +Evaluate a CSV of Japanese auction lots/);
    expect(keiyard(["lots", "--help"]).stdout).toMatch(
      /keiyard lots <lots.csv> --to XX --arrival YYYY-MM-DD/,
    );
  });
});
