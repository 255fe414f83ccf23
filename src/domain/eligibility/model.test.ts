import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import type { CatalogEntry } from "../../facts/schemas.js";
import { isoDate, yearMonth } from "../units/dates.js";
import { checkModelEligibility, codesCrossingIn, earliestBuild, latestBuild } from "./model.js";

const { importRules: rules, catalog } = loadFacts();
const d = isoDate;

function entry(code: string): CatalogEntry {
  const e = catalog.find((c) => c.chassisCode === code);
  if (!e) throw new Error(`no ${code} in the catalog`);
  return e;
}

describe("production bounds", () => {
  it.each([
    ["1999-01", "1999-01-01", "1999-01-31"],
    ["1990", "1990-01-01", "1990-12-31"],
    ["2012-02", "2012-02-01", "2012-02-29"],
    [null, null, null],
  ])("%s -> earliest %s, latest %s", (bound, early, late) => {
    expect(earliestBuild(bound)).toBe(early);
    expect(latestBuild(bound)).toBe(late);
  });
});

describe("checkModelEligibility with real catalog entries", () => {
  it.each([
    // code, entry date, status, firstEligible, lastEligible
    ["DA16T", "2025-06-01", "none", "2038-08-01", null],
    ["DA71T", "2025-06-01", "all", "2010-01-01", "2015-12-31"],
    ["DA52T", "2025-06-01", "some", "2024-01-01", "2026-09-30"],
    ["DA52T", "2023-12-31", "none", "2024-01-01", "2026-09-30"],
    ["DA52T", "2024-01-01", "some", "2024-01-01", "2026-09-30"],
    ["DA52T", "2026-09-29", "some", "2024-01-01", "2026-09-30"],
    ["DA52T", "2026-09-30", "all", "2024-01-01", "2026-09-30"],
    ["HA8", "2046-12-30", "some", "2034-12-01", "2046-12-31"],
    ["HA8", "2046-12-31", "all", "2034-12-01", "2046-12-31"],
    ["DA81T", "2025-06-01", "unknown", null, null],
    ["HA5", "2040-01-01", "unknown", null, null],
    // Start unknown, end known: "all" needs only the end ...
    ["S60P", "2011-04-30", "all", null, "2011-04-30"],
    // ... but before it we cannot tell.
    ["S60P", "2011-04-29", "unknown", null, "2011-04-30"],
    // In production: never "all".
    ["S500P", "2040-01-01", "some", "2039-09-01", null],
    ["S500P", "2039-08-31", "none", "2039-09-01", null],
    // Ends in February of a leap year: the last possible build (29th) crosses on 1 March.
    ["TT1", "2037-02-28", "some", "2024-02-01", "2037-03-01"],
    ["TT1", "2037-03-01", "all", "2024-02-01", "2037-03-01"],
    // Ends 1999-02: the last possible build (28 February) crosses on 2024-02-28.
    ["KS4", "2024-02-27", "some", "2015-01-01", "2024-02-28"],
    ["KS4", "2024-02-28", "all", "2015-01-01", "2024-02-28"],
  ] as const)("%s on %s -> %s", (code, on, status, first, last) => {
    const r = checkModelEligibility(entry(code), d(on), rules);
    expect(r.status).toBe(status);
    expect(r.firstEligible).toBe(first);
    expect(r.lastEligible).toBe(last);
    expect(r.firstCrossingMonth).toBe(first?.slice(0, 7) ?? null);
    expect(r.lastCrossingMonth).toBe(last?.slice(0, 7) ?? null);
    expect(r.chassisCode).toBe(code);
  });

  it("echoes the production span and explains itself", () => {
    const some = checkModelEligibility(entry("DA52T"), d("2025-06-01"), rules);
    expect(some).toMatchObject({ productionStart: "1999-01", productionEnd: "2001-09", inProduction: false });
    expect(some.message).toMatch(
      /Some Suzuki Carry Truck DA52T \(built 1999-01 to 2001-09\) are eligible on 2025-06-01/,
    );
    expect(some.message).toMatch(/own build month/);
    expect(checkModelEligibility(entry("DA16T"), d("2025-06-01"), rules).message).toMatch(
      /^No Suzuki Carry Truck \/ Super Carry DA16T \(built since 2013-08, still in production\).*earliest builds cross on 2038-08-01/,
    );
    expect(checkModelEligibility(entry("DA71T"), d("2025-06-01"), rules).message).toMatch(
      /^Every Suzuki Carry Truck DA71T/,
    );
    expect(checkModelEligibility(entry("DA81T"), d("2025-06-01"), rules).message).toMatch(/not fully known/);
  });

  it("gives every catalog entry an answer on a fixed date", () => {
    const statuses = catalog.map((e) => checkModelEligibility(e, d("2026-06-01"), rules).status);
    expect(statuses).toHaveLength(catalog.length);
    expect(new Set(statuses)).toEqual(new Set(["all", "some", "none", "unknown"]));
  });
});

describe("codesCrossingIn (turning-25 calendar)", () => {
  it("lists one row per month, empty months included", () => {
    const rows = codesCrossingIn(catalog, yearMonth("2026-01"), 12, rules);
    expect(rows.map((r) => r.month)).toEqual([
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    const sep = rows.find((r) => r.month === "2026-09");
    // DA62T/DG62T start 2001-09; DA52T/DB52T/DG52T/DH52T end 2001-09.
    expect(sep?.starting.map((c) => c.chassisCode).sort()).toEqual(["DA62T", "DG62T"]);
    expect(sep?.completing.map((c) => c.chassisCode).sort()).toEqual(["DA52T", "DB52T", "DG52T", "DH52T"]);
    expect(sep?.starting[0]).toMatchObject({ date: "2026-09-01", approximate: false });
    expect(rows.find((r) => r.month === "2026-03")?.starting).toEqual([]);
  });

  it("marks year-only bounds as approximate (January for a start year)", () => {
    const rows = codesCrossingIn(catalog, yearMonth("2032-01"), 1, rules);
    const s201p = rows[0]?.starting.find((c) => c.chassisCode === "S201P");
    expect(s201p).toMatchObject({ date: "2032-01-01", approximate: true });
  });

  it("crosses a year boundary and rejects a bad month count", () => {
    expect(codesCrossingIn(catalog, yearMonth("2026-11"), 3, rules).map((r) => r.month)).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
    ]);
    expect(codesCrossingIn(catalog, yearMonth("2026-11"), 0, rules)).toEqual([]);
    expect(() => codesCrossingIn(catalog, yearMonth("2026-11"), -1, rules)).toThrow(RangeError);
    expect(() => codesCrossingIn(catalog, yearMonth("2026-11"), 1.5, rules)).toThrow(RangeError);
  });

  it("agrees with checkModelEligibility's crossing months", () => {
    const rows = codesCrossingIn(catalog, yearMonth("2020-01"), 240, rules);
    for (const row of rows)
      for (const c of row.starting) {
        const e = entry(c.chassisCode);
        expect(checkModelEligibility(e, d("2020-01-01"), rules).firstCrossingMonth).toBe(row.month);
      }
  });
});
