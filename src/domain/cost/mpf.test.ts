import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { isoDate } from "../units/dates.js";
import { usdCents } from "../units/money.js";
import { fiscalYearOf, mpfFor } from "./mpf.js";

const { importRules: rules } = loadFacts();
const d = isoDate;

describe("fiscalYearOf", () => {
  it.each([
    ["2025-09-30", 2025],
    ["2025-10-01", 2026],
    ["2026-01-01", 2026],
    ["2026-09-30", 2026],
    ["2026-10-01", 2027],
  ])("%s is in FY%i", (date, fy) => expect(fiscalYearOf(d(date))).toBe(fy));
});

describe("mpfFor: rate x entered value, clamped to the fiscal year's min and max", () => {
  // 0.3464% of the value, half-up to the cent; values chosen so rate x value sits just below, on and
  // just above each limit (FY2025: $32.71 / $634.62; FY2026: $33.58 / $651.50).
  it.each([
    // FY2025
    ["2025-06-15", 0, 3271, "min"],
    ["2025-06-15", 944_139, 3271, "min"], // raw $32.70
    ["2025-06-15", 944_140, 3271, null], // raw $32.71 exactly the minimum
    ["2025-06-15", 944_429, 3272, null], // raw $32.72
    ["2025-06-15", 18_320_294, 63_461, null], // raw $634.61
    ["2025-06-15", 18_320_583, 63_462, null], // raw $634.62 exactly the maximum
    ["2025-06-15", 18_320_584, 63_462, "max"], // raw $634.63
    ["2025-06-15", 100_000_000, 63_462, "max"],
    // FY2026
    ["2026-01-10", 0, 3358, "min"],
    ["2026-01-10", 969_255, 3358, "min"], // raw $33.57
    ["2026-01-10", 969_256, 3358, null], // raw $33.58
    ["2026-01-10", 969_544, 3359, null], // raw $33.59
    ["2026-01-10", 1_000_000, 3464, null], // $10,000 -> $34.64
    ["2026-01-10", 18_807_592, 65_149, null], // raw $651.49
    ["2026-01-10", 18_807_881, 65_150, null], // raw $651.50
    ["2026-01-10", 18_807_882, 65_150, "max"], // raw $651.51
  ] as const)("on %s, value %i cents -> %i cents (%s)", (date, value, cents, bound) => {
    const r = mpfFor(d(date), usdCents(value), rules);
    expect(r.cents).toBe(cents);
    expect(r.bound).toBe(bound);
    expect(r.estimate).toBe(false);
    expect(r.sources.length).toBeGreaterThan(0);
  });

  it("uses the fiscal year of the entry date at the 1 October boundary", () => {
    const before = mpfFor(d("2025-09-30"), usdCents(944_139), rules);
    const after = mpfFor(d("2025-10-01"), usdCents(944_139), rules);
    expect([before.fiscalYear, before.cents, before.min, before.max]).toEqual([2025, 3271, 3271, 63_462]);
    expect([after.fiscalYear, after.cents, after.min, after.max]).toEqual([2026, 3358, 3358, 65_150]);
    expect(before.sources.map((s) => s.id)).toEqual(["mpf-fy2025"]);
    expect(after.sources.map((s) => s.id)).toEqual(["fr-2025-13869"]);
  });

  it("flags FY2027 (limits null in the data) as an estimate on FY2026 figures", () => {
    const r = mpfFor(d("2026-10-01"), usdCents(0), rules);
    expect(r).toMatchObject({ cents: 3358, fiscalYear: 2027, figuresFromFiscalYear: 2026, estimate: true });
    expect(r.note).toMatch(/FY2027 limits are not in our data yet, so FY2026's are used \(estimate\)/);
    expect(mpfFor(d("2027-06-30"), usdCents(100_000_000), rules).cents).toBe(65_150);
  });

  it.each([
    ["2028-03-01", 2028, 2026, 3358],
    ["2031-12-31", 2032, 2026, 3358],
    ["2024-09-30", 2024, 2025, 3271],
  ] as const)("outside the data (%s, FY%i) uses FY%i figures, flagged", (date, fy, used, min) => {
    const r = mpfFor(d(date), usdCents(0), rules);
    expect(r).toMatchObject({ fiscalYear: fy, figuresFromFiscalYear: used, estimate: true, cents: min });
    expect(r.note).toMatch(new RegExp(`no MPF figures for FY${fy}`));
  });

  it("rounds the ad valorem amount half-up to the cent before clamping", () => {
    // 1,062,500 cents x 0.003464 = 3680.5 exactly -> 3681 (not banker's 3680)
    expect(mpfFor(d("2026-01-10"), usdCents(1_062_500), rules).cents).toBe(3681);
    // 1,442,858 x 0.003464 = 4998.06 -> 4998
    expect(mpfFor(d("2026-01-10"), usdCents(1_442_858), rules).cents).toBe(4998);
  });
});
