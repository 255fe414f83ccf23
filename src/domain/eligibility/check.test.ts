import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { isoDate, yearMonth } from "../units/dates.js";
import { checkImportEligibility, verdictOf } from "./check.js";
import { classifyDuty } from "./duty.js";
import { findKeiEra } from "./kei-era.js";
import type { AgeEvidence, EligibilityInput, VehicleFacts } from "./types.js";

const { importRules: rules } = loadFacts();
const d = isoDate;
const m = yearMonth;

const built = (date: string): AgeEvidence => ({ kind: "build_date", date: d(date) });
const builtIn = (month: string): AgeEvidence => ({ kind: "build_month", month: m(month) });
const registered = (month: string): AgeEvidence => ({ kind: "first_registration", month: m(month) });
const check = (evidence: AgeEvidence, on: string, extra: Partial<EligibilityInput> = {}) =>
  checkImportEligibility({ evidence, entryDate: d(on), ...extra }, rules);
const vehicle = (v: Partial<VehicleFacts>): VehicleFacts => ({
  displacementCc: null,
  lengthMm: null,
  widthMm: null,
  heightMm: null,
  ...v,
});

describe("verdict", () => {
  it.each([
    ["eligible", "importable"],
    ["not_yet", "not_importable"],
    ["needs_evidence", "needs_evidence"],
  ] as const)("%s -> %s", (status, verdict) => {
    expect(verdictOf(status)).toBe(verdict);
  });

  it("carries the disclaimer and the union of sources, each once", () => {
    const r = check(built("1995-05-01"), "2026-01-01", { vehicle: vehicle({ displacementCc: 657 }) });
    expect(r.disclaimer).toMatch(/^Not legal advice/);
    const ids = r.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["usc-30112", "epa-codes-2013", "cbp-232-faq", "cbp-ny-n340640", "kei-hist-bizspa"])
      expect(ids).toContain(id);
  });
});

describe("EPA code E (whole calendar years)", () => {
  it.each([
    [built("2005-12-31"), "2026-01-01", 21, true],
    [built("2006-01-01"), "2026-12-31", 20, false],
    [builtIn("2005-06"), "2026-03-01", 21, true],
    [registered("2005-06"), "2026-03-01", 21, true],
    [registered("2006-06"), "2026-03-01", 20, null],
  ] as const)("%o entering %s: age %i, code E %s", (evidence, on, age, codeE) => {
    const r = check(evidence, on);
    expect(r.epa.ageYears).toBe(age);
    expect(r.epa.codeE).toBe(codeE);
    expect(r.epa.minAgeYears).toBe(21);
    expect(r.epa.code).toBe("E");
    expect(r.epa.conditions).toEqual(rules.epa.conditions);
    expect(r.epa.caveats).toEqual(rules.epa.caveats);
  });

  it("warns when the truck's date is after the entry date (a typo more often than not), and only then", () => {
    expect(check(builtIn("2030-01"), "2026-11-25").warnings[0]).toBe(
      "The build date 2030-01 is after the entry date 2026-11-25: check it (a typo?).",
    );
    expect(check(registered("2027-01"), "2026-12-31").warnings[0]).toMatch(
      /^The first registration 2027-01 is after/,
    );
    expect(check(built("2026-11-26"), "2026-11-25").warnings[0]).toMatch(
      /^The build date 2026-11-26 is after/,
    );
    for (const [e, on] of [
      [builtIn("2026-11"), "2026-11-25"],
      [built("2026-11-25"), "2026-11-25"],
      [registered("1999-03"), "2026-11-25"],
      [{ kind: "none" } as AgeEvidence, "2026-11-25"],
    ] as const)
      expect(check(e, on).warnings.some((w) => /is after the entry date/.test(w))).toBe(false);
  });

  it("says a registration year gives a minimum age", () => {
    const r = check(registered("2006-06"), "2026-03-01");
    expect(r.epa.productionYearIsUpperBound).toBe(true);
    expect(r.epa.note).toMatch(/at least/);
  });

  it("passing EPA (and Section 232) never makes a truck importable: FMVSS decides", () => {
    // 2001-06-15: 25 calendar years in 2026, 21+ for EPA, but the 25th birthday is 2026-06-15.
    const r = check(built("2001-06-15"), "2026-01-02");
    expect(r.epa.codeE).toBe(true);
    expect(r.section232.ageExcluded).toBe(true);
    expect(r.fmvss.status).toBe("not_yet");
    expect(r.verdict).toBe("not_importable");
    expect(r.warnings.join(" ")).toMatch(
      /EPA code E and the Section 232 age exclusion.*does not make it importable/,
    );
  });

  it("without a date for the truck, its model's last production year bounds its age from above", () => {
    const none: AgeEvidence = { kind: "none" };
    // The HA6 Acty was built until 2009-10 (kei-catalog.json).
    const ha6 = { chassisCode: "HA6", year: 2009 };
    const later = check(none, "2031-03-01", { modelLastBuild: ha6 });
    expect(later.epa.codeE).toBe(true);
    expect(later.epa.ageYears).toBe(22);
    expect(later.epa.productionYearIsUpperBound).toBe(true);
    expect(later.epa.note).toMatch(/every HA6 was built by 2009/);
    // Too recent for the bound to prove anything: unknown, never "fails".
    const sooner = check(none, "2026-11-24", { modelLastBuild: ha6 });
    expect(sooner.epa.codeE).toBeNull();
    expect(sooner.section232.ageExcluded).toBeNull();
    // The bound never decides FMVSS, which needs the truck's own date.
    expect(later.fmvss.status).toBe("needs_evidence");
    expect(later.verdict).toBe("needs_evidence");
    // Section 232 counts 25 calendar years the same way.
    const old = check(none, "2026-11-24", { modelLastBuild: { chassisCode: "DA71T", year: 1990 } });
    expect(old.section232.ageExcluded).toBe(true);
    expect(old.section232.note).toMatch(/every DA71T was built by 1990/);
    // No model, no year: unknown as before.
    expect(check(none, "2031-03-01").epa.codeE).toBeNull();
  });

  it("EPA passes for a 22-year-old truck that is nowhere near FMVSS", () => {
    const r = check(builtIn("2004-03"), "2026-06-01");
    expect(r.epa.codeE).toBe(true);
    expect(r.section232.ageExcluded).toBe(false);
    expect(r.verdict).toBe("not_importable");
    expect(r.warnings.join(" ")).toMatch(/It meets EPA code E \(whole calendar years\), but/);
  });
});

describe("Section 232 age exclusion (calendar years, from its effective date)", () => {
  it.each([
    [built("2000-12-31"), "2025-04-03", true, 25],
    [built("2001-01-01"), "2025-12-31", false, 24],
    [built("2001-01-01"), "2026-01-01", true, 25],
    [builtIn("2001-12"), "2026-01-01", true, 25],
    [registered("2001-12"), "2026-01-01", true, 25],
    [registered("2002-01"), "2026-06-01", null, 24],
  ] as const)("%o entering %s: excluded %s", (evidence, on, excluded, years) => {
    const r = check(evidence, on);
    expect(r.section232.applicable).toBe(true);
    expect(r.section232.ageExcluded).toBe(excluded);
    expect(r.section232.calendarYears).toBe(years);
    expect(r.section232.heading).toBe("9903.94.04");
    expect(r.section232.test).toBe("calendar_year(entry) - calendar_year(manufacture) >= 25");
  });

  it("is not applicable to entries before the 232 vehicle tariff began (2025-04-03)", () => {
    const before = check(built("2000-12-31"), "2025-04-02");
    expect(before.section232.applicable).toBe(false);
    expect(before.section232.ageExcluded).toBeNull();
    expect(before.section232.note).toMatch(/Not applicable.*2025-04-03/);
  });

  it("passes 232 while FMVSS does not (calendar years vs. days)", () => {
    const r = check(built("2000-12-31"), "2025-06-01");
    expect(r.section232.ageExcluded).toBe(true);
    expect(r.fmvss.eligibleFrom).toBe("2025-12-31");
    expect(r.verdict).toBe("not_importable");
  });
});

describe("kei-era sanity check", () => {
  it("warns (never rejects) on a 1995 build with 700 cc", () => {
    const r = check(built("1995-05-01"), "2026-01-01", { vehicle: vehicle({ displacementCc: 700 }) });
    expect(r.verdict).toBe("importable");
    expect(r.keiEra).toMatchObject({
      era: { from: "1990-01-01", to: "1998-09-30" },
      limits: { displacementCc: 660 },
      exceeded: ["displacementCc"],
    });
    const text = r.warnings.join(" ");
    expect(text).toMatch(
      /Displacement 700 cc is over the 660 cc kei limit for vehicles built 1990-01-01 to 1998-09-30/,
    );
    expect(text).toMatch(/transitional sales straddle/);
  });

  it.each([
    ["1998-09-30", { widthMm: 1475 }, ["widthMm"]],
    ["1998-10-01", { widthMm: 1475 }, []],
    ["1989-12-31", { displacementCc: 657, lengthMm: 3295 }, ["displacementCc", "lengthMm"]],
    ["1980-06-01", { heightMm: 2100, displacementCc: 550 }, ["heightMm"]],
    ["1995-05-01", { displacementCc: 657, lengthMm: 3295, widthMm: 1395, heightMm: 1900 }, []],
  ])("built %s with %o exceeds %o", (date, v, exceeded) => {
    const r = check(built(date), "2030-01-01", { vehicle: vehicle(v) });
    expect(r.keiEra?.exceeded).toEqual(exceeded);
    expect(r.warnings.some((w) => w.includes("kei limit"))).toBe(exceeded.length > 0);
  });

  it("uses the first day of a build month, and skips unknown values silently", () => {
    const r = check(builtIn("1998-10"), "2030-01-01", { vehicle: vehicle({ widthMm: 1475 }) });
    expect(r.keiEra?.checkedDate).toBe("1998-10-01");
    expect(r.keiEra?.exceeded).toEqual([]);
    const none = check(built("1995-05-01"), "2030-01-01", { vehicle: vehicle({}) });
    expect(none.keiEra?.exceeded).toEqual([]);
    expect(none.warnings).toEqual([]);
    expect(check(built("1995-05-01"), "2030-01-01").keiEra).toBeNull();
    expect(
      check({ kind: "none" }, "2030-01-01", { vehicle: vehicle({ displacementCc: 999 }) }).keiEra,
    ).toBeNull();
  });

  it("finds no era before the first kei rules", () => {
    expect(findKeiEra(d("1949-07-07"), rules)).toBeNull();
    expect(findKeiEra(d("1949-07-08"), rules)?.maxDisplacementCc).toBe(150);
  });
});

describe("duty by vehicle class", () => {
  it.each([
    [undefined, "8704.31.0120", 0.25],
    ["kei_truck", "8704.31.0120", 0.25],
    ["kei_dump", "8704.31.0120", 0.25],
    ["deck_van", "8704.31.0120", 0.25],
    ["kei_van_passenger", "8703.21.0150", 0.025],
  ] as const)("%s -> %s at %s", (vehicleClass, hts, rate) => {
    const r = check(built("1995-05-01"), "2026-01-01", vehicleClass ? { vehicleClass } : {});
    expect(r.duty).toMatchObject({ hts, rate, vehicleClass: vehicleClass ?? "kei_truck" });
    expect(r.duty.rateText.length).toBeGreaterThan(0);
    expect(r.duty.sources.length).toBeGreaterThan(0);
    expect(r.duty.notOffered.map((n) => n.hts)).toEqual(["8704.10.50", "8709.19"]);
  });

  it("shows a below-high classification confidence as a warning", () => {
    const van = check(built("1995-05-01"), "2026-01-01", { vehicleClass: "kei_van_passenger" });
    expect(van.warnings.join(" ")).toMatch(/8703\.21\.0150 is high for ruled vehicle; medium generally/);
    expect(check(built("1995-05-01"), "2026-01-01").warnings).toEqual([]);
  });

  it("treats a class with no duty line as a data bug", () => {
    expect(() => classifyDuty("kei_truck", { ...rules, duty: [] })).toThrow(/no line applies/);
  });
});
