// The stream a face hands a file to: results in file order with progress, whatever the chunking (even
// inside a multi-byte character), a BOM dropped, a non-UTF-8 file refused before any result; the
// shipped example file row by row; and the US deal model read from a real marketplace database.
import { createReadStream, readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarket, type Market } from "../../test/market.js";
import type { LotResult } from "../domain/lots/types.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { AppError } from "./app-error.js";
import { fitUsDealModel } from "./deals.js";
import { evaluateLotStream, type LotEvent, type LotStreamOptions, lotCostsFrom } from "./lots.js";
import { seedDemo } from "./seed.js";

const facts = loadFacts();
const EXAMPLE = new URL("../../docs/examples/lots.csv", import.meta.url);
const options: LotStreamOptions = {
  facts,
  arrival: "2027-01-15" as IsoDate,
  state: "TX",
  jpyPerUsd: 150,
  costs: {},
  dealModel: null,
  priceUnit: 1,
};

async function collect(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  o: Partial<LotStreamOptions> = {},
) {
  const events: LotEvent[] = [];
  for await (const e of evaluateLotStream(source, { ...options, ...o })) events.push(e);
  const results = events.flatMap((e) => (e.kind === "results" ? e.results : []));
  const done = events.at(-1);
  if (done?.kind !== "done") throw new Error("no summary at the end");
  return { events, results, summary: done.summary, done };
}

/** The example file's header line and first lot line, each with its line break. */
function exampleHeaderAndRow(): { header: string; row: string } {
  const text = readFileSync(EXAMPLE, "utf8");
  const header = text.slice(0, text.indexOf("\n") + 1);
  return { header, row: text.slice(header.length, text.indexOf("\n", header.length) + 1) };
}

async function* chunks(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let prev = 0;
  for (const c of [...new Set(cuts.map((x) => x % (bytes.length + 1)))].sort((a, b) => a - b)) {
    yield bytes.subarray(prev, c);
    prev = c;
  }
  yield bytes.subarray(prev);
}

const byLine = (results: LotResult[], line: number) => results.find((r) => r.line === line)!;

describe("the example file (docs/examples/lots.csv), read as a stream", () => {
  let results: LotResult[];
  let summary: Awaited<ReturnType<typeof collect>>["summary"];
  beforeAll(async () => {
    ({ results, summary } = await collect(createReadStream(EXAMPLE)));
  });

  it("gives one result per lot row, in file order", () => {
    expect(results.map((r) => r.line)).toEqual(Array.from({ length: 29 }, (_, i) => i + 2));
    expect(summary.rows).toBe(29);
  });

  it("decodes, judges eligibility on the arrival date and prices a plain lot", () => {
    const r = byLine(results, 2);
    expect(r.status).toBe("ok");
    expect(r.vehicle).toMatchObject({ chassisCode: "DD51T", make: "Suzuki", from: "frame_no" });
    expect(r.eligibility).toMatchObject({ verdict: "importable", evidence: "first_registration" });
    expect(r.price).toEqual({ basis: "sold", jpy: 268000 });
    expect(r.fair).toMatchObject({ source: "facts", lowCents: 500000, highCents: 1200000 });
    expect(r.margin).toEqual({
      cents: null,
      lowCents: 500000 - r.landedCents!,
      highCents: 1200000 - r.landedCents!,
    });
  });

  it("a 2002 registration needs evidence on 2027-01-15 and says from when it is proven", () => {
    const r = byLine(results, 6);
    expect(r.eligibility).toMatchObject({ verdict: "needs_evidence", eligibleFrom: "2027-03-31" });
    expect(r.warnings.map((w) => w.reason).join()).toMatch(/proven eligible from 2027-03-31/);
  });

  it("young trucks are not importable, with the date all of their code is", () => {
    expect(byLine(results, 14).eligibility).toMatchObject({ verdict: "not_importable", decidedBy: "model" });
    expect(byLine(results, 15).eligibility?.verdict).toBe("not_importable");
  });

  it("reads Japanese headers, model names, eras, 万 prices and 落札", () => {
    const r = byLine(results, 8);
    expect(r.vehicle).toMatchObject({ chassisCode: "DB52T", from: "chassis_code" });
    expect(r.firstReg).toBe("1999-10");
    expect(r.mileageKm).toBe(62000);
    expect(r.price).toEqual({ basis: "sold", jpy: 245000 });
    expect(byLine(results, 9).year).toBe(1996);
    expect(byLine(results, 10).price).toEqual({ basis: "start", jpy: 25000 });
  });

  it("identifies a lot by its model name alone, and keeps going past an unknown code", () => {
    expect(byLine(results, 21).vehicle).toMatchObject({
      from: "model_name",
      make: "Suzuki",
      model: "Carry Truck",
    });
    const unknown = byLine(results, 22);
    expect(unknown.vehicle?.from).toBe("model_name");
    expect(unknown.warnings[0]).toMatchObject({ line: 22, column: "chassis_code" });
    expect(unknown.warnings[0]!.reason).toMatch(/DA99T is not in the catalog/);
  });

  it("flags repair history, rust, engine noise and unknown mileage without changing the verdict", () => {
    const flags = (line: number) => byLine(results, line).warnings.map((w) => w.reason);
    expect(flags(5)).toContain("score R: repair history (修復歴)");
    expect(flags(3)).toContain("rust S2 on the sheet");
    expect(flags(9)).toContain("notes mention abnormal engine noise (エンジン異音)");
    expect(flags(7)).toContain("mileage unknown");
    expect(flags(24)).toContain("odometer replaced: true mileage unknown");
    expect(byLine(results, 5).eligibility?.verdict).toBe("importable");
  });

  it("reports bad rows with line, column and reason instead of stopping", () => {
    const errors = results.filter((r) => r.status === "error");
    expect(errors.map((r) => [r.line, r.errors[0]!.column])).toEqual([
      [25, "sold_price_jpy"],
      [26, "year"],
      [27, "chassis_code"],
      [28, "row"],
    ]);
    for (const r of errors) expect(r.landedCents).toBeNull();
    expect(summary.errorRows).toBe(4);
    expect(summary.errors).toHaveLength(4);
    expect(byLine(results, 29).warnings[0]).toMatchObject({ column: "frame_no" });
    expect(byLine(results, 29).vehicle?.from).toBe("chassis_code");
  });

  it("counts verdicts, price bases and fair-price sources in the summary", () => {
    expect(summary.evaluated).toBe(25);
    expect(summary.verdicts).toEqual({ importable: 22, not_importable: 2, needs_evidence: 1 });
    expect(summary.priceBasis).toEqual({ sold: 22, start: 3 });
    expect(summary.fairSource).toEqual({ model: 0, facts: 25, none: 0 });
    expect(summary.top).toHaveLength(5);
    expect(summary.top[0]!.marginCents).toBeGreaterThanOrEqual(summary.top[4]!.marginCents);
  });
});

describe("evaluateLotStream", () => {
  const text = readFileSync(EXAMPLE, "utf8");
  const bytes = new TextEncoder().encode(text);

  it("gives the same results in the same order however the bytes are cut (property)", async () => {
    const whole = (await collect(chunks(bytes, []))).results.map((r) => JSON.stringify(r));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
        const cut = (await collect(chunks(bytes, cuts))).results.map((r) => JSON.stringify(r));
        expect(cut).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });

  it("announces the header first, then results with growing progress, then the summary", async () => {
    const { events, done } = await collect(chunks(bytes, [200, 900, 1500]), { totalBytes: bytes.length });
    expect(events[0]!.kind).toBe("header");
    const progress = events.flatMap((e) => (e.kind === "results" ? [e.progress] : []));
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.rows).toBeGreaterThan(progress[i - 1]!.rows);
    expect(done.progress).toEqual({ bytes: bytes.length, totalBytes: bytes.length, rows: 29 });
    expect(done.sampleCost?.state?.code).toBe("TX");
  });

  it("hands results on in small batches, so a big file is never held whole", async () => {
    const big = [
      "lot,chassis,year,sold",
      ...Array.from({ length: 3000 }, (_, i) => `${i},HA4,1996,${100000 + i}`),
    ].join("\n");
    const { events } = await collect([big]);
    const sizes = events.flatMap((e) => (e.kind === "results" ? [e.results.length] : []));
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(Math.max(...sizes)).toBeLessThan(1000);
  });

  it("drops a byte-order mark", async () => {
    const { results } = await collect([new Uint8Array([0xef, 0xbb, 0xbf]), bytes]);
    expect(results).toHaveLength(29);
    expect(results[0]!.lotNo).toBe("40123");
  });

  it("refuses a Shift_JIS file before giving any result", async () => {
    // "車名" in Shift_JIS is not UTF-8.
    const sjis = new Uint8Array([0x8e, 0xd4, 0x96, 0xbc, 0x2c, 0x6c, 0x6f, 0x74, 0x0a]);
    const seen: LotEvent[] = [];
    await expect(async () => {
      for await (const e of evaluateLotStream([sjis], options)) seen.push(e);
    }).rejects.toThrow(/not UTF-8 text, nor Shift_JIS text with Japanese in it/);
    expect(seen).toEqual([]);
  });

  it("checks the whole first chunk of bytes before giving any of its results", async () => {
    // A clean header and rows, then a byte that is not UTF-8 some 20 KB in: past the first 16 KiB
    // slice the chunk is decoded in, inside the one chunk it arrives in.
    const { header, row } = exampleHeaderAndRow();
    const clean = Buffer.from(header + row.repeat(Math.ceil(20_000 / row.length)));
    const file = Buffer.concat([clean, Buffer.from([0x8e, 0xd4, 0x2c, 0x0a]), Buffer.from(row)]);
    const seen: LotEvent[] = [];
    await expect(async () => {
      for await (const e of evaluateLotStream([file], options)) seen.push(e);
    }).rejects.toThrow(/not UTF-8 text/);
    expect(seen).toEqual([]);
  });

  it("marks a row that is not UTF-8 however many slices the row spans", async () => {
    // Past the checked start of the file: the row is reported, the file is not refused.
    const { header, row } = exampleHeaderAndRow();
    const start = Buffer.from(header + row.repeat(Math.ceil(300_000 / row.length)));
    // A bad byte early in a row of some 40,000 bytes (its notes cell), which spans three 16 KiB slices.
    const long = Buffer.concat([
      Buffer.from(row.slice(0, row.lastIndexOf(',"') + 2)),
      Buffer.from([0x8e]),
      Buffer.from(`${"x".repeat(40_000)}"\n`),
    ]);
    const chunks = [start.subarray(0, 256 * 1024), Buffer.concat([start.subarray(256 * 1024), long])];
    const { results } = await collect(chunks);
    const last = results.at(-1)!;
    expect(last.status).toBe("error");
    expect(last.errors.map((e) => e.reason).join()).toMatch(/not valid UTF-8/);
    expect(
      results.slice(0, -1).every((r) => r.errors.length === 0 || !/UTF-8/.test(r.errors[0]!.reason)),
    ).toBe(true);
  });

  it("an empty file or a bad header is an AppError, not a crash", async () => {
    await expect(collect([""])).rejects.toThrow(AppError);
    await expect(collect(["lot,year\n1,1996\n"])).rejects.toThrow(
      /the header lacks a chassis_code, frame_no or model column/,
    );
  });

  it("adds the costs the user gives to every lot", async () => {
    const costs = lotCostsFrom({
      to: "TX",
      arrival: "2027-01-15" as IsoDate,
      priceUnit: "1",
      freightUsd: 1200,
      japanFeesJpy: 90000,
    });
    const plain = (await collect([text])).results;
    const withCosts = (await collect([text], { costs })).results;
    const a = byLine(plain, 2).landedCents!;
    const b = byLine(withCosts, 2).landedCents!;
    // Freight $1,200 plus ¥90,000 of Japan fees at 150 (dutiable: 25% duty and the fees on it).
    expect(b - a).toBeGreaterThan(120000 + 60000);
  });
});

describe("fitUsDealModel on a real marketplace database", () => {
  let market: Market;
  beforeAll(async () => {
    market = await createMarket("pglite");
  }, 120_000);
  afterAll(async () => market?.dispose());

  it("fits on the US listings with prices and says how many are demo data", async () => {
    expect(await fitUsDealModel(market.database.db)).toEqual({ model: null, listings: 0, demoListings: 0 });
    await seedDemo(market.database, market.storage, market.facts, {
      count: 300,
      today: "2026-11-24" as IsoDate,
      jpyPerUsd: 150,
    });
    const fit = await fitUsDealModel(market.database.db);
    const [row] = (
      (await market.database.db.execute(
        sql`select count(*)::int as n from listings where location = 'us' and status in ('active', 'sold')`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    expect(fit.listings).toBe(row!.n);
    expect(fit.demoListings).toBe(fit.listings);
    expect(fit.model?.fittedOn).toBeGreaterThan(100);
  }, 120_000);
});
