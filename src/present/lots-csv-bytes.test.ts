// The byte writer gives exactly the bytes of lotCsvLine (the definition of a results line) plus a line
// break: for every lot of generated files with awkward rows, and for values no generated lot has.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLotBatch } from "../domain/lots/batch.js";
import { parseCsv } from "../domain/lots/csv.js";
import { generateLotCsv } from "../domain/lots/generate.js";
import type { LotResult } from "../domain/lots/types.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { lotCsvLine } from "./lots.present.js";
import { LotCsvWriter } from "./lots-csv-bytes.js";

const facts = loadFacts();

function results(text: string): LotResult[] {
  const batch = createLotBatch(
    { facts, arrival: "2027-01-15" as IsoDate, state: "TX", jpyPerUsd: 150, costs: {}, dealModel: null },
    { priceUnit: 1 },
  );
  return parseCsv(text).flatMap((r) => batch.add(r) ?? []);
}

const expected = (rs: readonly LotResult[]) => Buffer.from(rs.map((r) => `${lotCsvLine(r)}\n`).join(""));

function written(rs: readonly LotResult[], capacity: number): Buffer {
  const w = new LotCsvWriter(capacity);
  for (const r of rs) w.line(r);
  return Buffer.from(w.take());
}

describe("LotCsvWriter", () => {
  it("writes the lines of lotCsvLine for generated lots, whatever its starting size", () => {
    const rs = results([...generateLotCsv(facts.catalog, 600, 11)].join(""));
    expect(rs.length).toBe(600);
    for (const capacity of [1, 100, 1 << 16]) expect(written(rs, capacity).equals(expected(rs))).toBe(true);
  });

  it("writes errors, warnings, quotes, non-ASCII text and odd numbers the same way (property)", () => {
    const base = results(
      'lot,chassis,model,year,sold,notes\n1,DA63T,,2001,120000,"rust, ""bad"""\n2,HA4,,1996,lots,\n3,,キャリイ,H10,250000,修復歴あり\n',
    );
    expect(base.map((r) => r.status)).toEqual(["ok", "error", "ok"]);
    const text = fc.string({
      unit: fc.constantFrom("a", ",", '"', "\n", "\r", "\uFEFF", "キ", "é", "😀", " "),
    });
    const issues = fc.array(fc.record({ line: fc.nat(), column: text, reason: text }), { maxLength: 3 });
    const money = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...base),
        text,
        text,
        money,
        money,
        fc.nat(),
        issues,
        (r, lotNo, auction, a, b, line, extra) => {
          const odd: LotResult = {
            ...r,
            warnings: [...extra, ...r.warnings],
            errors: r.status === "error" ? [...extra, ...r.errors] : [],
            line,
            lotNo,
            auction: auction === "" ? null : auction,
            landedCents: r.landedCents === null ? null : a,
            mileageKm: r.mileageKm === null ? null : b,
            margin: r.margin ? { cents: a, lowCents: b, highCents: Math.trunc(b) } : null,
          };
          expect(written([odd], 8).toString()).toBe(`${lotCsvLine(odd)}\n`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("quotes an issues cell that would start with U+FEFF, as csvField does", () => {
    const [r] = results("lot,chassis,year,sold\n1,HA4,1996,120000\n");
    const odd = { ...r!, warnings: [{ line: 2, column: "\uFEFFa", reason: "b" }] };
    expect(written([odd], 8).toString()).toBe(`${lotCsvLine(odd)}\n`);
    expect(lotCsvLine(odd)).toMatch(/,"\uFEFFa: b",$/);
  });

  it("reads back as the CSV it claims to be", () => {
    const rs = results([...generateLotCsv(facts.catalog, 50, 2)].join(""));
    expect(parseCsv(written(rs, 64).toString()).map((r) => Number(r.fields[0]))).toEqual(
      rs.map((r) => r.line),
    );
  });
});
