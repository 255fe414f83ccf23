import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { isoDate, yearMonth } from "../units/dates.js";
import { checkImportEligibility } from "./check.js";
import { conservativeFromMonth } from "./fmvss.js";
import type { AgeEvidence } from "./types.js";

const { importRules: rules } = loadFacts();
const d = isoDate;
const m = yearMonth;

const check = (evidence: AgeEvidence, on: string) =>
  checkImportEligibility({ evidence, entryDate: d(on) }, rules);
const built = (date: string): AgeEvidence => ({ kind: "build_date", date: d(date) });
const builtIn = (month: string): AgeEvidence => ({ kind: "build_month", month: m(month) });
const registered = (month: string): AgeEvidence => ({ kind: "first_registration", month: m(month) });

describe("FMVSS 25-year rule, exact build date", () => {
  it.each([
    ["2000-06-15", "2025-06-14", "not_yet", "not_importable", 1],
    ["2000-06-15", "2025-06-15", "eligible", "importable", 0],
    ["2000-06-15", "2025-06-16", "eligible", "importable", 0],
    ["2000-12-31", "2025-12-30", "not_yet", "not_importable", 1],
    ["2000-12-31", "2025-12-31", "eligible", "importable", 0],
    ["2001-01-01", "2025-12-31", "not_yet", "not_importable", 1],
    ["2001-01-01", "2026-01-01", "eligible", "importable", 0],
    ["2000-06-15", "2024-06-15", "not_yet", "not_importable", 365],
  ] as const)("built %s, entry %s -> %s", (build, on, status, verdict, days) => {
    const r = check(built(build), on);
    expect(r.fmvss.status).toBe(status);
    expect(r.verdict).toBe(verdict);
    expect(r.fmvss.daysRemaining).toBe(days);
    expect(r.fmvss.commonPracticeFrom).toBeNull();
    expect(r.fmvss.commonPracticeLabel).toBeNull();
    expect(r.fmvss.evidence).toMatchObject({ kind: "build_date", value: build });
  });

  it("reads the age from the data, not a constant", () => {
    const r = checkImportEligibility(
      { evidence: built("2000-06-15"), entryDate: d("2021-06-15") },
      { ...rules, fmvss: { ...rules.fmvss, minAgeYears: 21 } },
    );
    expect(r.fmvss.eligibleFrom).toBe("2021-06-15");
    expect(r.verdict).toBe("importable");
  });

  it.each([
    ["2000-02-29", "2025-03-01"],
    ["2004-02-29", "2029-03-01"],
    ["2003-02-28", "2028-02-28"],
    ["1996-02-29", "2021-03-01"],
  ])("a 29 February build %s turns 25 on %s (precision.feb29)", (build, from) => {
    const r = check(built(build), "2030-01-01");
    expect(r.fmvss.eligibleFrom).toBe(from);
  });

  it("a 29 February build is not eligible on 28 February of a non-leap anniversary year", () => {
    const r = check(built("2000-02-29"), "2025-02-28");
    expect(r.fmvss.status).toBe("not_yet");
    expect(r.fmvss.daysRemaining).toBe(1);
    expect(r.fmvss.reasoning.join(" ")).toMatch(/29 February.*1 March: 2025-03-01/);
  });

  it("explains each step and the vessel-arrival policy", () => {
    const r = check(built("2000-06-15"), "2025-06-14");
    const text = r.fmvss.reasoning.join(" ");
    expect(text).toMatch(/49 U\.S\.C\. 30112\(b\)\(9\)/);
    expect(text).toMatch(/date of manufacture is 2000-06-15/);
    expect(text).toMatch(/arrival in the US must also be on or after/);
    expect(text).toMatch(/1 day before 2025-06-15/);
    expect(r.fmvss.sources.map((s) => s.id)).toContain("usc-30112");
  });
});

describe("FMVSS 25-year rule, build month only", () => {
  it.each([
    ["2001-12", "2026-11-30", "not_yet", 31],
    ["2001-12", "2026-12-01", "not_yet", 30],
    ["2001-12", "2026-12-30", "not_yet", 1],
    ["2001-12", "2026-12-31", "eligible", 0],
    ["2001-12", "2027-01-01", "eligible", 0],
    ["2002-01", "2027-01-30", "not_yet", 1],
    ["2002-01", "2027-01-31", "eligible", 0],
    ["2001-04", "2026-04-30", "eligible", 0],
    ["2001-04", "2026-04-29", "not_yet", 1],
  ] as const)("built in %s, entry %s -> %s", (month, on, status, days) => {
    const r = check(builtIn(month), on);
    expect(r.fmvss.status).toBe(status);
    expect(r.fmvss.daysRemaining).toBe(days);
    expect(r.verdict).toBe(status === "eligible" ? "importable" : "not_importable");
  });

  it.each([
    ["2001-12", "2026-12-31", "2026-12-01"],
    ["2000-02", "2025-03-01", "2025-02-01"], // a 29 February build turns 25 on 1 March (precision.feb29)
    ["2004-02", "2029-03-01", "2029-02-01"],
    ["2003-02", "2028-02-28", "2028-02-01"], // built by 28 February 2003 at the latest
    ["1999-02", "2024-02-28", "2024-02-01"],
    ["2001-02", "2026-02-28", "2026-02-01"],
  ])("month %s: conservative %s, common practice %s", (month, conservative, common) => {
    const r = check(builtIn(month), "2020-01-01");
    expect(r.fmvss.eligibleFrom).toBe(conservative);
    expect(r.fmvss.commonPracticeFrom).toBe(common);
    expect(r.fmvss.commonPracticeLabel).toBe("commonly accepted, not guaranteed");
    expect(r.fmvss.evidence).toMatchObject({ kind: "build_month", value: month });
  });

  it("inside the anniversary month: not yet by the safe reading, with the common-practice warning", () => {
    const r = check(builtIn("2001-12"), "2026-12-15");
    expect(r.verdict).toBe("not_importable");
    expect(r.warnings.join(" ")).toMatch(/commonly accept the whole anniversary month \(from 2026-12-01\)/);
    expect(check(builtIn("2001-12"), "2026-11-30").warnings.join(" ")).not.toMatch(/commonly accept/);
  });

  it("a February month in a leap year waits for a 29 February build's anniversary", () => {
    expect(check(builtIn("2000-02"), "2025-02-28").fmvss.status).toBe("not_yet");
    expect(check(builtIn("2000-02"), "2025-03-01").fmvss.status).toBe("eligible");
  });
});

describe("FMVSS 25-year rule, first-registration month (upper bound on the build date)", () => {
  it.each([
    ["2000-06", "2025-06-30", "eligible", "importable", 0],
    ["2000-06", "2025-07-01", "eligible", "importable", 0],
    ["2000-06", "2025-06-29", "needs_evidence", "needs_evidence", 1],
    ["2000-06", "2025-06-01", "needs_evidence", "needs_evidence", 29],
    ["2005-03", "2026-01-01", "needs_evidence", "needs_evidence", 1550],
  ] as const)("registered %s, entry %s -> %s", (month, on, status, verdict, days) => {
    const r = check(registered(month), on);
    expect(r.fmvss.status).toBe(status);
    expect(r.verdict).toBe(verdict);
    expect(r.fmvss.eligibleFrom).toBe(conservativeFromMonth(m(month), rules));
    expect(r.fmvss.daysRemaining).toBe(days);
    expect(r.fmvss.commonPracticeFrom).toBeNull();
  });

  it("says needs_evidence, never not_importable, and asks for the build date", () => {
    const r = check(registered("2001-03"), "2025-06-01");
    expect(r.fmvss.status).toBe("needs_evidence");
    expect(r.verdict).not.toBe("not_importable");
    expect(r.fmvss.eligibleFrom).toBe("2026-03-31");
    const text = r.fmvss.reasoning.join(" ");
    expect(text).toMatch(/built on or before the end of that month/);
    expect(text).toMatch(/manufacturer plate or label/);
    expect(r.warnings.join(" ")).toMatch(/proves eligibility only from 2026-03-31/);
  });
});

describe("FMVSS 25-year rule, no evidence", () => {
  it("needs evidence, with nothing guessed", () => {
    const r = check({ kind: "none" }, "2026-01-01");
    expect(r.verdict).toBe("needs_evidence");
    expect(r.fmvss).toMatchObject({
      status: "needs_evidence",
      eligibleFrom: null,
      commonPracticeFrom: null,
      daysRemaining: null,
      evidence: { kind: "none", value: null },
    });
    expect(r.epa.ageYears).toBeNull();
    expect(r.epa.codeE).toBeNull();
    expect(r.section232.ageExcluded).toBeNull();
    expect(r.keiEra).toBeNull();
  });
});
