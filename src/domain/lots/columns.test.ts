import { describe, expect, it } from "vitest";
import { COLUMN_ID, columnOf, foldHeader, LOT_COLUMNS, mapHeader } from "./columns.js";

describe("columnOf: header spellings", () => {
  it.each([
    ["lot_no", "lot_no"],
    ["Lot No.", "lot_no"],
    ["Lot#", "lot_no"],
    ["ＬＯＴ", "lot_no"],
    ["出品番号", "lot_no"],
    ["Auction house", "auction"],
    ["会場", "auction"],
    ["Date", "auction_date"],
    ["Car name", "model"],
    ["車名", "model"],
    ["Chassis", "chassis_code"],
    ["型式", "chassis_code"],
    ["Chassis No", "frame_no"],
    ["車台番号", "frame_no"],
    ["グレード", "trim"],
    ["Grade", "grade"],
    ["年式", "year"],
    ["First reg", "first_reg"],
    ["初度登録年月", "first_reg"],
    ["Mileage (km)", "mileage_km"],
    ["mileage_km", "mileage_km"],
    ["Km", "mileage_km"],
    ["走行距離", "mileage_km"],
    ["cc", "displacement_cc"],
    ["T/M", "transmission"],
    ["4WD", "drive"],
    ["Colour", "color"],
    ["Auction grade", "score"],
    ["評価点", "score"],
    ["Int", "interior"],
    ["内装", "interior"],
    ["Start (¥)", "start_price_jpy"],
    ["start_price_jpy", "start_price_jpy"],
    ["スタート", "start_price_jpy"],
    ["Final bid", "sold_price_jpy"],
    ["落札価格", "sold_price_jpy"],
    ["Result", "result"],
    ["検査員報告", "notes"],
  ])("%j -> %s", (header, column) => {
    expect(columnOf(header)).toBe(column);
  });

  it("every canonical name maps to itself", () => {
    for (const c of LOT_COLUMNS) expect(columnOf(c)).toBe(c);
  });

  it("unknown headers map to nothing", () => {
    expect(columnOf("Seller phone")).toBeNull();
    expect(columnOf("")).toBeNull();
  });

  it("folds width, case, spacing, brackets and a trailing unit", () => {
    expect(foldHeader("  Start  Price (JPY) ")).toBe("startprice");
    expect(foldHeader("ＭＩＬＥＡＧＥ【km】")).toBe("mileage");
    expect(foldHeader("km")).toBe("km");
  });
});

describe("mapHeader", () => {
  it("indexes the columns, lists the ignored and duplicate headers", () => {
    const h = mapHeader(["Lot", "Chassis", "Year", "Start", "Seller", "lot_no", ""]);
    expect(h.index.lot_no).toBe(0);
    expect(h.index.chassis_code).toBe(1);
    expect(h.index.start_price_jpy).toBe(3);
    expect(h.index.notes).toBe(-1);
    expect(h.ignored).toEqual(["Seller"]);
    expect(h.duplicates).toEqual(["lot_no"]);
    expect(h.missing).toEqual([]);
    expect(h.width).toBe(7);
  });

  it("says which required column is missing", () => {
    expect(mapHeader(["Lot", "Year"]).missing).toEqual([
      "chassis_code, frame_no or model",
      "start_price_jpy or sold_price_jpy",
    ]);
    expect(mapHeader(["車名", "落札価格"]).missing).toEqual(["lot_no"]);
  });

  it("COLUMN_ID numbers the columns in order", () => {
    LOT_COLUMNS.forEach((c, i) => {
      expect(COLUMN_ID[c]).toBe(i);
    });
  });
});
