import { describe, expect, it } from "vitest";
import { parseCsv } from "../domain/lots/csv.js";
import type { LotResult } from "../domain/lots/types.js";
import { cell, dollars, LOT_CSV_COLUMNS, lotCsvLine, lotTableRow, presentLot } from "./lots.present.js";

const ok: LotResult = {
  line: 2,
  lotNo: "40123",
  auction: "USS Tokyo",
  auctionDate: "2026-11-19",
  status: "ok",
  vehicle: {
    from: "frame_no",
    chassisCode: "DD51T",
    make: "Suzuki",
    model: "Carry Truck",
    generation: "1991-1999 generation (51 series, old-standard 660cc body)",
    drive: "4WD",
  },
  year: 1998,
  firstReg: "1998-04",
  mileageKm: 48200,
  score: "3.5",
  eligibility: {
    verdict: "importable",
    eligibleFrom: null,
    decidedBy: "evidence",
    evidence: "first_registration",
  },
  price: { basis: "sold", jpy: 268000 },
  landedCents: 245_978,
  fair: {
    source: "model",
    fairCents: 633_000,
    lowCents: 480_000,
    highCents: 830_000,
    comparables: 42,
    level: "generation",
  },
  margin: { cents: 387_022, lowCents: 234_022, highCents: 584_022 },
  warnings: [{ line: 2, column: "flags", reason: 'rust S2, "under bed"' }],
  errors: [],
};

const bad: LotResult = {
  ...ok,
  line: 25,
  status: "error",
  vehicle: null,
  eligibility: null,
  price: null,
  landedCents: null,
  fair: null,
  margin: null,
  warnings: [],
  errors: [{ line: 25, column: "sold_price_jpy", reason: 'not an amount in yen: "abc"' }],
};

describe("lot presenters", () => {
  it("dollars() writes cents exactly", () => {
    expect(dollars(245_978)).toBe("2459.78");
    expect(dollars(5)).toBe("0.05");
    expect(dollars(-123_450)).toBe("-1234.50");
    expect(dollars(0)).toBe("0.00");
  });

  it("a CSV line has one cell per column and reads back through the parser", () => {
    const [record] = parseCsv(`${lotCsvLine(ok)}\n`);
    expect(record!.fields).toHaveLength(LOT_CSV_COLUMNS.length);
    const row = Object.fromEntries(LOT_CSV_COLUMNS.map((c, i) => [c, record!.fields[i]]));
    expect(row).toMatchObject({
      line: "2",
      chassis_code: "DD51T",
      generation: ok.vehicle!.generation,
      verdict: "importable",
      price_basis: "sold",
      landed_usd: "2459.78",
      fair_source: "model",
      fair_usd: "6330.00",
      comparables: "42",
      margin_usd: "3870.22",
      warnings: 'flags: rust S2, "under bed"',
      errors: "",
    });
    const [err] = parseCsv(`${lotCsvLine(bad)}\n`);
    expect(err!.fields[LOT_CSV_COLUMNS.indexOf("errors")]).toBe(
      'sold_price_jpy: not an amount in yen: "abc"',
    );
    expect(err!.fields[LOT_CSV_COLUMNS.indexOf("landed_usd")]).toBe("");
  });

  it("JSON gives dollars as numbers and the fact range without a point price", () => {
    expect(presentLot(ok)).toMatchObject({
      landedUsd: 2459.78,
      fair: { source: "model", usd: 6330 },
      margin: { usd: 3870.22 },
    });
    const facts = presentLot({
      ...ok,
      fair: { source: "facts", lowCents: 500000, highCents: 1200000 },
      margin: { cents: null, lowCents: 1, highCents: 2 },
    });
    expect(facts.fair).toEqual({ source: "facts", usd: null, lowUsd: 5000, highUsd: 12000 });
    expect(facts.margin).toEqual({ usd: null, lowUsd: 0.01, highUsd: 0.02 });
  });

  it("a table row shows the numbers, or the first error", () => {
    expect(lotTableRow(ok)).toMatch(
      /DD51T Carry Truck .* yes .* 268,000 sold +2,460 +6,330 +3,870 {2}rust S2/,
    );
    expect(lotTableRow(bad)).toMatch(/ERROR sold_price_jpy: not an amount in yen/);
    // Known by its model name alone: no code to show, and the row says how it was known.
    const byName = { ...ok, vehicle: { ...ok.vehicle!, from: "model_name" as const, chassisCode: null } };
    expect(lotTableRow(byName)).toMatch(/ {2}Carry Truck \(by name\) /);
  });

  it("cell() pads and cuts by display width, Japanese characters counting two", () => {
    expect(cell("abc", 5)).toBe("abc  ");
    expect(cell("abc", 5, true)).toBe("  abc");
    expect(cell("キャリイ", 8)).toBe("キャリイ");
    expect(cell("キャリイトラック", 8)).toBe("キャリ… ");
    expect(cell("abcdefgh", 5)).toBe("abcd…");
  });
});
