// The parallel `keiyard lots` (worker threads on blocks of the file) gives byte for byte the output and
// the summary of one pass, on files made to cross block boundaries everywhere: quoted fields with line
// breaks and commas, bad rows, blank lines, a byte-order mark, CRLF and lone CR, bytes that are not
// UTF-8, a record longer than the parser allows. And a worker that fails stops the run instead of
// hanging it.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvRow } from "../domain/lots/csv.js";
import { GENERATED_HEADER, generateLotCsv } from "../domain/lots/generate.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { lotOutputText } from "../present/lots.present.js";
import { evaluateLotStream } from "../services/lots.js";
import { evaluateLotFileInBlocks, type ParallelOptions } from "./lots-parallel.js";
import { LotWorkerError, type LotWorkers, startLotWorkers } from "./lots-workers.js";

const facts = loadFacts();
const ctx: ParallelOptions["ctx"] = {
  facts,
  arrival: "2027-01-15" as IsoDate,
  state: "TX",
  jpyPerUsd: 150,
  costs: {},
  dealModel: null,
};
const dir = mkdtempSync(join(tmpdir(), "keiyard-lots-par-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let workers: LotWorkers;
beforeAll(async () => {
  workers = await startLotWorkers(2);
});
afterAll(() => workers.close());

/** What one pass gives, written as the command writes it. */
async function sequential(file: string, format: "csv" | "json") {
  let text = "";
  let summary: unknown;
  let sampleCost: unknown;
  let rows = 0;
  try {
    for await (const e of evaluateLotStream(createReadStream(file, { highWaterMark: 256 * 1024 }), {
      ...ctx,
      priceUnit: 1,
    })) {
      if (e.kind === "results") for (const r of e.results) text += lotOutputText(r, format);
      if (e.kind === "done") ({ summary, sampleCost, rows } = { ...e, rows: e.progress.rows });
    }
  } catch (e) {
    return { error: (e as Error).message, text: format === "json" ? text.slice(1) : text };
  }
  return { text: format === "json" ? text.slice(1) : text, summary, sampleCost, rows };
}

/** What the workers give, block by block. */
async function parallel(
  file: string,
  format: "csv" | "json",
  blockBytes: number,
  size: number,
  maxBlockBytes?: number,
  pool: LotWorkers | null = workers,
) {
  const parts: Uint8Array[] = [];
  let summary: unknown;
  let sampleCost: unknown;
  let rows = 0;
  let lastRows = 0;
  const text = () => Buffer.concat(parts).toString("utf8");
  try {
    for await (const e of evaluateLotFileInBlocks(file, pool, {
      ctx,
      priceUnit: 1,
      format,
      totalBytes: size,
      blockBytes,
      maxBlockBytes,
    })) {
      if (e.kind === "bytes") {
        parts.push(e.bytes);
        expect(e.progress.rows).toBeGreaterThanOrEqual(lastRows);
        lastRows = e.progress.rows;
      }
      if (e.kind === "done") ({ summary, sampleCost, rows } = { ...e, rows: e.progress.rows });
    }
  } catch (e) {
    return { error: (e as Error).message, text: text() };
  }
  return { text: text(), summary, sampleCost, rows };
}

function write(name: string, content: string | Uint8Array): { file: string; size: number } {
  const file = join(dir, name);
  writeFileSync(file, content);
  return { file, size: Buffer.byteLength(content) };
}

/** A generated list with the awkward cases mixed in. */
function awkward(count: number, nl: "\n" | "\r\n"): string {
  const lines = [...generateLotCsv(facts.catalog, count, 3)].join("").split("\r\n");
  const out: string[] = [lines[0]!];
  const width = GENERATED_HEADER.length;
  const row = (cells: Record<number, string>) =>
    csvRow(Array.from({ length: width }, (_, i) => cells[i] ?? ""));
  lines.slice(1).forEach((line, i) => {
    out.push(line);
    if (i % 7 === 0) out.push(""); // a blank line
    if (i % 11 === 0) out.push(line.replace(/,\d+,(\d+|),(sold|unsold|negotiation),/, ",lots,$1,$2,")); // a bad price
    if (i % 13 === 0) out.push(`7${i},5" bed,DA63T,,,,,,,1999,,,,,,,,,120000`); // one quote, inside a field
    if (i % 13 === 0)
      out.push(
        row({
          0: "77",
          5: "DA63T",
          8: "2001",
          17: "150000",
          20: `rust,\n"left" door${nl}and bed,\r "dents"`,
        }),
      );
    if (i % 17 === 0) out.push(`${line},extra`); // more fields than the header
    if (i % 19 === 0) out.push(`9${i},"unclosed quote then text"x,DA63T`); // broken quoting
    if (i % 23 === 0) out.push(`8${i},say "hi",DA63T,,,,,,,1999,,,,,,,,,120000`); // a quote inside a field
  });
  return `${out.join(nl)}${nl}`;
}

const cases: [string, () => string | Uint8Array][] = [
  ["generated, CRLF", () => [...generateLotCsv(facts.catalog, 400, 5)].join("")],
  ["awkward, LF", () => awkward(250, "\n")],
  [
    "awkward, CRLF, with a byte-order mark and no final line break",
    () => `\uFEFF${awkward(250, "\r\n").slice(0, -2)}`,
  ],
  [
    "a quoted header with a line break, after blank lines",
    () => `\n,,\n"lot\nno",chassis,year,sold\n1,HA4,1996,120000\n\n2,"HA\n4",1997,"130,000"\n`,
  ],
  ["lone CR line ends", () => awkward(40, "\n").replaceAll("\n", "\r")],
  [
    "a U+FEFF at the start of a later line",
    () => "lot,chassis,year,sold\n\uFEFF1,HA4,1996,120000\n\uFEFF\uFEFF2,HA4,1996,1\n",
  ],
  ["only a header", () => "lot,chassis,year,sold\r\n"],
];

describe("evaluateLotFileInBlocks gives what one pass gives", () => {
  for (const [name, make] of cases)
    for (const format of ["csv", "json"] as const)
      it(`${name} (${format})`, async () => {
        const { file, size } = write(`${name.replace(/\W+/g, "-")}.csv`, make());
        const one = await sequential(file, format);
        expect(one.rows).toBeGreaterThanOrEqual(0);
        for (const blockBytes of [48, 301, 4096, 1 << 20]) {
          const par = await parallel(file, format, blockBytes, size);
          expect(par.text).toBe(one.text);
          expect(par).toEqual(one);
        }
        // Without workers (a small file, one core): the block runner on this thread, over the whole file.
        expect(await parallel(file, format, 1 << 20, size, undefined, null)).toEqual(one);
      });

  it("flags rows that are not UTF-8 past the start of the file, in any block", async () => {
    const head = [...generateLotCsv(facts.catalog, 3000, 9)].join(""); // well past the 256 KiB probe
    const bad = Buffer.concat([
      Buffer.from(head),
      Buffer.from("5,HA4,1996,"),
      Buffer.from([0x8e, 0xd4]), // Shift_JIS
      Buffer.from(",,,,,,,,,,,,,,,,,120000\r\n6,HA4,1996\r\n"),
    ]);
    const { file, size } = write("late-sjis.csv", bad);
    const one = await sequential(file, "csv");
    expect(one.text).toMatch(/not valid UTF-8/);
    for (const blockBytes of [997, 1 << 16])
      expect(await parallel(file, "csv", blockBytes, size)).toEqual(one);
  });

  it("reads on in one pass where no block can be cut (lone CR line ends, a record too long for a block)", async () => {
    const lf = awkward(60, "\n");
    const cr = awkward(60, "\n").split("\n").slice(1).join("\r");
    const long = `9,HA4,1996,120000,"${"y".repeat(3000)}"\n`;
    for (const [name, content] of [
      ["then-cr.csv", lf + cr],
      ["then-long.csv", lf + long + lf.split("\n").slice(1).join("\n")],
    ] as const) {
      const { file, size } = write(name, content);
      const one = await sequential(file, "json");
      expect(one.rows).toBeGreaterThan(100);
      for (const blockBytes of [48, 700])
        expect(await parallel(file, "json", blockBytes, size, 1024)).toEqual(one);
    }
  });

  it("refuses what one pass refuses, with the same message", async () => {
    const sjis = Buffer.from([0x8e, 0xd4, 0x96, 0xbc, 0x2c, 0x6c, 0x6f, 0x74, 0x0a]);
    const long = `lot,chassis,year,sold\n1,HA4,1996,120000\n2,"${"x".repeat(1_100_000)}\n`;
    for (const [name, content] of [
      ["sjis.csv", sjis],
      ["empty.csv", "\n\n"],
      ["no-price.csv", "lot,chassis,year\n1,HA4,1996\n"],
      ["long.csv", long],
    ] as const) {
      const { file, size } = write(name, content);
      const one = await sequential(file, "csv");
      expect(one.error).toBeDefined();
      for (const blockBytes of [64, 1 << 20])
        expect(await parallel(file, "csv", blockBytes, size)).toEqual(one);
      expect(await parallel(file, "csv", 1 << 20, size, undefined, null)).toEqual(one);
    }
  });
});

describe("a worker that fails", () => {
  it("stops the run with a LotWorkerError, not a hang", async () => {
    const { file, size } = write("fails.csv", "lot,chassis,year,sold\n1,HA4,1996,120000\n");
    const broken = await startLotWorkers(1);
    try {
      const run = async () => {
        // Fact data without a catalog: the worker throws while setting up.
        const options = {
          ctx: { ...ctx, facts: { ...facts, catalog: null as never } },
          priceUnit: 1,
          format: "csv" as const,
          totalBytes: size,
        };
        for await (const _ of evaluateLotFileInBlocks(file, broken, options));
      };
      await expect(run()).rejects.toThrow(LotWorkerError);
    } finally {
      await broken.close();
    }
  });
});
