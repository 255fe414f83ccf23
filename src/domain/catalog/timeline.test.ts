import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import type { CatalogEntry } from "../../facts/schemas.js";
import type { IsoDate } from "../units/dates.js";
import { findChassisCode } from "./families.js";
import { barExtent, buildTimeline, positionOf } from "./timeline.js";

const facts = loadFacts();
const today = "2026-11-24" as IsoDate;
const entry = (code: string) => findChassisCode(facts.catalog, code)!;
const timeline = buildTimeline(facts.catalog, today, facts.importRules);
const row = (code: string) => timeline.rows.find((r) => r.chassisCode === code)!;

describe("buildTimeline", () => {
  it("has one row per code and draws the 25-year line for today", () => {
    expect(timeline.rows).toHaveLength(facts.catalog.length);
    expect(timeline.cutoff).toBe("2001-11-24");
    expect(timeline.minAgeYears).toBe(25);
    expect(timeline.cutoffPos).toBeCloseTo(2001 * 12 + 10 + 23 / 30, 9);
    expect(timeline.todayPos).toBeGreaterThan(timeline.cutoffPos);
  });

  it("spans the catalog from a round year to the year after today, with ticks", () => {
    expect(timeline.fromYear).toBe(1975); // K77 from 1977-05
    expect(timeline.toYear).toBe(2027);
    expect(timeline.ticks[0]).toBe(1975);
    expect(timeline.ticks.at(-1)).toBeLessThanOrEqual(timeline.toYear);
    expect(timeline.ticks.every((y, i, a) => i === 0 || y - a[i - 1]! === 5)).toBe(true);
  });

  it("widens year-only bounds to the whole year and marks them", () => {
    const ha3 = row("HA3"); // 1990 to 1999-05
    expect(ha3.start).toEqual({ month: 1990 * 12, yearOnly: true });
    expect(ha3.end).toEqual({ month: 1999 * 12 + 4, yearOnly: false });
    expect(barExtent(ha3, timeline)).toEqual({ from: 1990 * 12, to: 1999 * 12 + 5 });
    expect(row("HA8").end).toEqual({ month: 2021 * 12 + 11, yearOnly: true });
  });

  it("runs a code in production to today, and draws nothing where the catalog has no date", () => {
    const da16t = row("DA16T");
    expect(da16t.end).toBeNull();
    expect(barExtent(da16t, timeline)?.to).toBe(timeline.todayPos);
    expect(barExtent(row("S60P"), timeline)).toBeNull(); // start unknown
    expect(row("S60P").end).toEqual({ month: 1986 * 12 + 3, yearOnly: false });
    expect(row("TA").start).toBeNull();
    expect(row("TA").end).toBeNull();
  });

  it("carries each code's import status and crossing months from the eligibility engine", () => {
    expect(row("DA52T")).toMatchObject({ status: "all", lastCrossingMonth: "2026-09" });
    expect(row("DA62T")).toMatchObject({ status: "some", firstCrossingMonth: "2026-09" });
    expect(row("DA16T")).toMatchObject({ status: "none", firstCrossingMonth: "2038-08" });
    expect(row("TA").status).toBe("unknown");
  });

  it("groups rows by make unless told otherwise", () => {
    expect(row("HA4").group).toBe("Honda");
    const byModel = buildTimeline([entry("HA4")], today, facts.importRules, (e) => e.model);
    expect(byModel.rows[0]?.group).toBe("Acty Truck");
  });

  it("keeps today and the cutoff on the axis for a short list, and steps by ten over a long span", () => {
    const t = buildTimeline([entry("DA16T")], today, facts.importRules);
    expect(t.fromYear).toBeLessThanOrEqual(2001);
    const old: CatalogEntry = { ...entry("K77"), productionStart: "1950-01", productionEnd: "1955-01" };
    const long = buildTimeline([old], today, facts.importRules);
    expect(long.fromYear).toBe(1950);
    expect(long.ticks.slice(0, 3)).toEqual([1950, 1960, 1970]);
  });
});

describe("positionOf", () => {
  it("is the month index plus the fraction of the month gone", () => {
    expect(positionOf("2000-01-01" as IsoDate)).toBe(24_000);
    expect(positionOf("2000-02-15" as IsoDate)).toBeCloseTo(24_001 + 14 / 29, 12);
  });
});
