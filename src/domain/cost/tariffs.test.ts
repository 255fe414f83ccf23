import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { isoDate } from "../units/dates.js";
import { jpy } from "../units/money.js";
import { dutyRateFor } from "./duty.js";
import { LandedCostError } from "./errors.js";
import { computeLandedCost } from "./landed-cost.js";
import { ageStatusFor } from "./tariffs.js";
import type { LandedCostInput } from "./types.js";

const { importRules: rules, stateFees } = loadFacts();
const d = isoDate;
const TRUCK = "8704.31.0120";
const VAN = "8703.21.0150";

// ¥1,500,000 at 150 JPY/USD = $10,000.00 customs value, so 1% = 10,000 cents.
function cost(hts: string, entry: string, buildYear: number | null, extra: Partial<LandedCostInput> = {}) {
  return computeLandedCost(
    {
      priceJpy: jpy(1_500_000),
      jpyPerUsd: 150,
      entryDate: d(entry),
      hts,
      buildYear,
      japanFees: [],
      ...extra,
    },
    rules,
    stateFees,
  );
}

const overlayLines = (c: ReturnType<typeof cost>) =>
  c.lines.filter((l) => l.id.startsWith("tariff:")).map((l) => [l.id.slice(7), l.cents, l.estimate]);

describe("duty by HTS line", () => {
  it.each([
    [TRUCK, 0.25, 250_000],
    [VAN, 0.025, 25_000],
  ] as const)("%s pays %d of the customs value", (hts, rate, cents) => {
    const c = cost(hts, "2024-06-01", 1995);
    expect(c.customsValueCents).toBe(1_000_000);
    expect(c.hts.rate).toBe(rate);
    expect(c.dutyCents).toBe(cents);
    const duty = c.lines.find((l) => l.id === "duty");
    expect(duty?.group).toBe("federal");
    expect(duty?.source.map((s) => s.id)).toEqual(rules.duty.find((r) => r.hts === hts)?.source);
  });

  it("defaults to the kei truck line", () => {
    const c = computeLandedCost(
      { priceJpy: jpy(1_500_000), jpyPerUsd: 150, entryDate: d("2024-06-01") },
      rules,
      stateFees,
    );
    expect(c.hts.code).toBe(TRUCK);
    expect(c.dutyCents).toBe(250_000);
  });

  it.each([
    ["8704.21.0000", "unknown_hts"],
    ["", "unknown_hts"],
    ["8704.10.50", "hts_not_applicable"],
    ["8709.19", "hts_not_applicable"],
  ] as const)("throws a typed error for HTS %j (%s)", (hts, code) => {
    expect(() => dutyRateFor(hts, rules)).toThrowError(LandedCostError);
    expect(() => cost(hts, "2026-01-01", 1995)).toThrowError(expect.objectContaining({ code, field: "hts" }));
  });

  it("explains why a rejected heading is not offered", () => {
    expect(() => dutyRateFor("8709.19", rules)).toThrowError(/not applicable to kei trucks/);
  });
});

describe("Section 232 age exclusion: calendar years, not days", () => {
  it.each([
    ["2025-05-01", 2000, "excluded"],
    ["2025-05-01", 2001, "not_excluded"],
    ["2026-01-02", 2001, "excluded"], // 24 years and a few days by date, 25 by calendar year
    ["2025-03-01", 1990, "not_excluded"], // before the exclusion (and the 232 overlay) existed
    ["2026-01-02", null, "assumed_excluded"],
  ] as const)("entry %s, built %s -> %s", (entry, built, kind) => {
    expect(ageStatusFor(d(entry), built, rules).kind).toBe(kind);
  });
});

describe("tariff overlays by entry date", () => {
  // [hts, entry date, build year, expected overlay lines [id, cents, estimate]]
  it.each([
    // before any overlay
    [TRUCK, "2025-04-02", 2005, []],
    // 2025-04-03..: Section 232 +25% unless age-excluded; 2025-04-05..2025-08-06 IEEPA baseline (uncertain)
    [TRUCK, "2025-04-03", 2005, [["s232-autos", 250_000, false]]],
    [TRUCK, "2025-04-03", 1995, []],
    [TRUCK, "2025-05-01", 1995, [["ieepa-reciprocal-baseline", 100_000, true]]],
    [
      TRUCK,
      "2025-05-01",
      2005,
      [
        ["s232-autos", 250_000, false],
        ["ieepa-reciprocal-baseline", 100_000, true],
      ],
    ],
    [TRUCK, "2025-08-06", 1995, [["ieepa-reciprocal-baseline", 100_000, true]]],
    // 2025-08-07..2026-02-23 IEEPA Japan: kei truck at 25% adds 0%
    [TRUCK, "2025-08-07", 1995, []],
    [TRUCK, "2025-09-15", 2005, [["s232-autos", 250_000, false]]],
    // from 2025-09-16 the Japan rule: column-1 >= 15% -> no 232 duty
    [TRUCK, "2025-09-16", 2005, []],
    [TRUCK, "2025-12-01", 1998, []],
    // 2026-02-24..2026-07-23 Section 122 (uncertain for age-excluded; exempt for goods under 232)
    [TRUCK, "2026-02-24", 1999, [["s122-surcharge", 100_000, true]]],
    [TRUCK, "2026-07-23", 2000, [["s122-surcharge", 100_000, true]]],
    [TRUCK, "2026-03-01", 2005, []],
    // after the dated overlays end
    [TRUCK, "2026-07-24", 2000, []],
    [TRUCK, "2030-01-01", 1995, []],
    // kei van (2.5%)
    [VAN, "2025-05-01", 1995, [["ieepa-reciprocal-baseline", 100_000, true]]],
    [
      VAN,
      "2025-05-01",
      2005,
      [
        ["s232-autos", 250_000, false],
        ["ieepa-reciprocal-baseline", 100_000, true],
      ],
    ],
    // IEEPA Japan tops a < 15% line up to 15% all-in: 2.5% + 12.5% (uncertain for vans)
    [VAN, "2025-09-01", 1995, [["ieepa-reciprocal-japan", 125_000, true]]],
    // ... but not when 232 already took it past 15%
    [VAN, "2025-09-01", 2005, [["s232-autos", 250_000, false]]],
    // Japan rule for 232: top-up to 15% when not age-excluded; IEEPA Japan then adds nothing
    [VAN, "2025-10-01", 2005, [["s232-autos", 125_000, false]]],
    [VAN, "2025-10-01", 1995, [["ieepa-reciprocal-japan", 125_000, true]]],
    [VAN, "2026-03-01", 1995, [["s122-surcharge", 100_000, true]]],
    [VAN, "2026-03-01", 2005, [["s232-autos", 125_000, false]]],
    [VAN, "2026-08-01", 2005, [["s232-autos", 125_000, false]]],
    [VAN, "2026-08-01", 1990, []],
    [VAN, "2031-05-05", 1999, []],
  ] as const)("%s entered %s, built %s", (hts, entry, built, expected) => {
    const c = cost(hts, entry, built);
    expect(overlayLines(c)).toEqual(expected);
    expect(c.overlayCents).toBe(expected.reduce((a, [, cents]) => a + cents, 0));
    expect(c.federalChargesCents).toBe(c.dutyCents + c.overlayCents + c.mpfCents + c.hmfCents);
  });

  it("includes uncertain overlays as flagged estimates with a note and a warning (conservative)", () => {
    const c = cost(TRUCK, "2026-03-01", 1995);
    const line = c.lines.find((l) => l.id === "tariff:s122-surcharge");
    expect(line).toMatchObject({ estimate: true, group: "federal", cents: 100_000 });
    expect(line?.note).toMatch(/Applicability to this vehicle is uncertain/);
    expect(line?.note).toMatch(/higher cost/);
    expect(line?.source.map((s) => s.id)).toEqual(["sec122-thompson", "sec122-tradewin", "ieepa-end-csms"]);
    expect(c.warnings.join("\n")).toMatch(/s\.122 .*included as an estimate/);
    expect(c.tariffs.map((t) => [t.id, t.outcome])).toEqual([
      ["s232-autos", "not_charged"],
      ["s122-surcharge", "estimated"],
    ]);
  });

  it("records why an overlay in force charges nothing, with the exclusion's sources", () => {
    const excluded = cost(TRUCK, "2026-08-01", 1995).tariffs;
    expect(excluded).toHaveLength(1);
    expect(excluded[0]).toMatchObject({ id: "s232-autos", outcome: "not_charged", rate: 0 });
    expect(excluded[0]?.reason).toMatch(/Age-excluded: 31 calendar years old/);
    expect(excluded[0]?.sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(["cbp-232-faq", "cbp-ny-n351601"]),
    );
    const japan = cost(TRUCK, "2026-08-01", 2010).tariffs[0];
    expect(japan?.reason).toMatch(/15% or more\): no additional Section 232 duty \(9903\.94\.40\)/);
  });

  it("assumes age exclusion when the build year is unknown, and says so", () => {
    const c = cost(TRUCK, "2025-06-01", null);
    expect(overlayLines(c)).toEqual([["ieepa-reciprocal-baseline", 100_000, true]]);
    expect(c.warnings[0]).toMatch(/^Build year not given: assumed 25 or more calendar years old/);
    expect(c.tariffs[0]?.reason).toMatch(/^Assumed age-excluded/);
  });

  it("warns that a vehicle under 25 cannot be imported under the FMVSS exemption", () => {
    expect(cost(TRUCK, "2026-03-01", 2005).warnings.join("\n")).toMatch(/Built in 2005: under 25 years old/);
    expect(cost(TRUCK, "2026-03-01", 2001).warnings.join("\n")).not.toMatch(/under 25 years old/);
  });

  it.each([
    [0.05, [["future-overlay", 50_000, true]], "estimated"],
    [undefined, [], "not_charged"],
  ] as const)("handles an overlay added to the data without a rule (rate %s)", (rate, lines, outcome) => {
    const future = {
      id: "future-overlay",
      authority: "Some future proclamation",
      ...(rate === undefined ? {} : { rate }),
      effectiveFrom: "2027-01-01",
      effectiveTo: null,
      confidence: "high",
      source: ["cbp-232-faq"],
    };
    const withFuture = { ...rules, tariffOverlays: [...rules.tariffOverlays, future] };
    const c = computeLandedCost(
      {
        priceJpy: jpy(1_500_000),
        jpyPerUsd: 150,
        entryDate: d("2027-02-01"),
        buildYear: 1995,
        japanFees: [],
      },
      withFuture,
      stateFees,
    );
    expect(overlayLines(c)).toEqual(lines);
    expect(c.tariffs.find((t) => t.id === "future-overlay")?.outcome).toBe(outcome);
    expect(c.warnings.join("\n")).toMatch(/future-overlay .* not modelled in detail/);
  });
});
