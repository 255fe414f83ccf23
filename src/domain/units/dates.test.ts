import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  isIsoDate,
  isoDate,
  isYearMonth,
  lastDayOfMonth,
  yearMonth,
} from "./dates.js";
import { KG_PER_LB, kg, kgToLb, km, kmToMi, lb, lbToKg, mi, miToKm, mm, mmToIn } from "./measures.js";

describe("dates", () => {
  it.each(["2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01"])("accepts %s", (s) => {
    expect(isIsoDate(s)).toBe(true);
  });
  it.each([
    "2023-02-29",
    "1900-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-1-01",
    "24-01-01",
    "2024-04-31",
    "",
  ])("rejects %j", (s) => {
    expect(isIsoDate(s)).toBe(false);
  });
  it("validates months", () => {
    expect(isYearMonth("2001-09")).toBe(true);
    expect(isYearMonth("2001-13")).toBe(false);
    expect(isYearMonth("2001-9")).toBe(false);
  });

  it.each([
    ["2000-02-29", 25, "2025-03-01"], // policy: 29 Feb -> 1 Mar in a non-leap year
    ["2000-02-29", 24, "2024-02-29"],
    ["2001-12-31", 25, "2026-12-31"],
    ["1999-03-01", 25, "2024-03-01"],
  ])("addYears(%s, %s) = %s", (d, n, out) => {
    expect(addYears(isoDate(d), n)).toBe(out);
  });

  it.each([
    ["2024-02", "2024-02-29"],
    ["2025-02", "2025-02-28"],
    ["1900-02", "1900-02-28"],
    ["2000-02", "2000-02-29"],
    ["2026-12", "2026-12-31"],
    ["2026-04", "2026-04-30"],
  ])("lastDayOfMonth(%s) = %s", (m, out) => {
    expect(lastDayOfMonth(yearMonth(m))).toBe(out);
  });

  it("adds months across years", () => {
    expect(addMonths(yearMonth("2026-11"), 2)).toBe("2027-01");
    expect(addMonths(yearMonth("2026-01"), -1)).toBe("2025-12");
  });

  it("counts days between dates and back", () => {
    expect(daysBetween(isoDate("2026-11-24"), isoDate("2026-12-01"))).toBe(7);
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const start = isoDate("2000-01-01");
        expect(daysBetween(start, addDays(start, n))).toBe(n);
      }),
    );
  });
});

describe("measures", () => {
  it("converts with the exact definitions", () => {
    expect(kgToLb(kg(350))).toBeCloseTo(771.6179, 4); // the kei payload: 350 kg is about 772 lb
    expect(lbToKg(lb(1))).toBe(KG_PER_LB);
    expect(kmToMi(km(100))).toBeCloseTo(62.1371, 4);
    expect(miToKm(mi(1))).toBe(1.609344);
    expect(mmToIn(mm(3400))).toBeCloseTo(133.858, 3);
  });
  it("round-trips kg and km", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (v) => {
        expect(lbToKg(kgToLb(kg(v)))).toBeCloseTo(v, 6);
        expect(miToKm(kmToMi(km(v)))).toBeCloseTo(v, 6);
      }),
    );
  });
});
