import { describe, expect, it } from "vitest";
import { mapHeader } from "./columns.js";
import { createRowReader } from "./read-row.js";

function reader(header: string[], priceUnit = 1) {
  return createRowReader(mapHeader(header), { priceUnit });
}

describe("createRowReader", () => {
  const read = reader([
    "lot",
    "chassis",
    "year",
    "first_reg",
    "mileage",
    "score",
    "start",
    "sold",
    "drive",
    "date",
  ]);

  it("normalises a row", () => {
    const r = read(
      ["7", " HA4 ", "H8", "平成8年5月", "4.8万km", "3.5", "30,000", "¥120,000", "4x4", "2026/11/9"],
      4,
    );
    expect(r.errors).toEqual([]);
    expect(r.lot).toMatchObject({
      line: 4,
      lotNo: "7",
      chassisCode: "HA4",
      year: 1996,
      firstReg: "1996-05",
      mileageKm: 48000,
      score: "3.5",
      startPriceJpy: 30000,
      soldPriceJpy: 120000,
      drive: "4WD",
      auctionDate: "2026-11-09",
    });
  });

  it("an unreadable price or year is an error naming line and column; an optional cell only warns", () => {
    const r = read(["7", "HA4", "H45", "", "lots", "KC", "x", "", "6WD", "soon"], 9);
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([
      [9, "year"],
      [9, "start_price_jpy"],
    ]);
    expect(r.warnings.map((w) => w.column)).toEqual(["mileage_km", "score", "auction_date", "drive"]);
    expect(r.warnings[0]!.reason).toMatch(/left out$/);
  });

  it("needs a truck and a price", () => {
    const r = read(["7", "", "1996", "", "", "", "", "", "", ""], 3);
    expect(r.errors.map((e) => e.column)).toEqual(["chassis_code", "start_price_jpy"]);
    expect(read(["7", "HA4", "1996", "", "", "", "0", "", "", ""], 3).errors[0]!.reason).toMatch(
      /no start or sold price/,
    );
    expect(read(["7", "HA4", "1996", "", "", "", "500000000", "", "", ""], 3).errors[0]!.reason).toMatch(
      /not a plausible price/,
    );
  });

  it("takes the month from either cell and warns when the years disagree", () => {
    const r = read(["7", "HA4", "1995", "1996-02", "", "", "", "90000", "", ""], 2);
    expect(r.lot).toMatchObject({ year: 1996, firstReg: "1996-02" });
    expect(r.warnings[0]).toMatchObject({ column: "year" });
    expect(read(["7", "HA4", "H8/4", "", "", "", "", "90000", "", ""], 2).lot.firstReg).toBe("1996-04");
  });

  it("checks the field count and the quoting", () => {
    expect(read(["7", "HA4", "1996", "", "", "", "", "90000", "", "", "extra"], 2).errors[0]!.reason).toMatch(
      /11 fields but the header has 10/,
    );
    expect(read(["7", "HA4", "1996", "", "", "", "", "90000"], 2).warnings[0]!.reason).toMatch(
      /the rest read as empty/,
    );
    expect(
      read(["7", "HA4", "1996", "", "", "", "", "90000", "", ""], 2, "field 2: text after the closing quote")
        .errors[0]!.column,
    ).toBe("row");
  });

  it("refuses cells that were not UTF-8 unless the caller knows there are none", () => {
    const row = ["7", "HA4", "1996", "", "", "", "", "90000", "", "\uFFFD"];
    expect(read(row, 2).errors[0]!.reason).toMatch(/not valid UTF-8/);
    expect(read(row, 2, null, false).errors).toEqual([]);
  });

  it("reads a Grade column as the score when it is one, else as the trim", () => {
    const g = reader(["lot", "chassis", "grade", "sold"]);
    const asScore = g(["1", "HA4", "4.5", "90000"], 2);
    expect(asScore.lot.score).toBe("4.5");
    expect(asScore.gradeReadAs).toBe("score");
    const asTrim = g(["1", "HA4", "SDX", "90000"], 3);
    expect(asTrim.lot).toMatchObject({ trim: "SDX", score: null });
    expect(asTrim.gradeReadAs).toBe("trim");
  });

  it("reads a Result column as the sold price when it holds one, else as the outcome", () => {
    const r = reader(["lot", "chassis", "start", "result"]);
    expect(r(["1", "HA4", "30000", "152,000"], 2).lot).toMatchObject({ soldPriceJpy: 152000, result: null });
    expect(r(["1", "HA4", "30000", "流札"], 2).lot).toMatchObject({ soldPriceJpy: null, result: "unsold" });
  });

  it("multiplies plain prices by the price unit", () => {
    expect(reader(["lot", "chassis", "sold"], 1000)(["1", "HA4", "252"], 2).lot.soldPriceJpy).toBe(252000);
  });
});
