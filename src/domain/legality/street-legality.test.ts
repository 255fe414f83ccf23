import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import type { StateRule } from "../../facts/schemas.js";
import { addDays, type IsoDate, isoDate } from "../units/dates.js";
import { checkStreetLegality, findStreetLegality, listStreetLegality } from "./street-legality.js";

const { stateRules } = loadFacts();
const d = isoDate;

function rule(code: string): StateRule {
  const r = stateRules.find((s) => s.code === code);
  if (!r) throw new Error(code);
  return r;
}

describe("checkStreetLegality", () => {
  it("answers for all 50 states and DC", () => {
    const all = listStreetLegality(stateRules, d("2026-11-24"));
    expect(all).toHaveLength(51);
    expect(new Set(all.map((s) => s.code)).size).toBe(51);
    expect(all.map((s) => s.code)).toContain("DC");
  });

  it.each([
    ["2027-12-31", "prohibited", null, null],
    ["2028-01-01", "restricted", 55, "2028-01-01"],
    ["2030-06-01", "restricted", 55, "2028-01-01"],
  ] as const)("applies Colorado's dated change on %s", (on, status, mph, applied) => {
    const co = checkStreetLegality(rule("CO"), d(on));
    expect(co.status).toBe(status);
    expect(co.maxRoadSpeedMph).toBe(mph);
    expect(co.appliedChange?.effectiveFrom ?? null).toBe(applied);
    if (status === "restricted") {
      expect(co.requirements.join(" ")).toMatch(/two-speed idle emissions test/);
      expect(co.restrictions).toContain("Only on roads with a posted speed limit of 55 mph or less.");
    } else {
      expect(co.upcomingChanges).toEqual([
        expect.objectContaining({ effectiveFrom: "2028-01-01", status: "restricted" }),
      ]);
    }
  });

  it("reports unclear as unclear, with its sources and a note", () => {
    const unclear = stateRules.filter((s) => s.status === "unclear");
    expect(unclear.length).toBeGreaterThan(0);
    for (const r of unclear) {
      const out = checkStreetLegality(r, d("2026-11-24"));
      expect(out.status).toBe("unclear");
      expect(out.sources.length).toBeGreaterThan(0);
      expect(out.notes.join(" ")).toMatch(/could not be established/);
    }
  });

  it("shows a confidence below high and the disclaimer", () => {
    const low = stateRules.find((s) => s.confidence === "low")!;
    const out = checkStreetLegality(low, d("2026-11-24"));
    expect(out.notes.join(" ")).toMatch(/confidence is low/);
    expect(out.disclaimer).toMatch(/Not legal advice/);
  });

  it("lists requirements as conditions, never as met", () => {
    const withReqs = stateRules.find((s) => s.requirements.length > 0 && s.status === "restricted")!;
    const out = checkStreetLegality(withReqs, d("2026-11-24"));
    expect(out.requirements).toEqual(withReqs.requirements);
    expect(out.notes.join(" ")).toMatch(/not assumed/);
  });

  it("never changes a record without dated changes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -20_000, max: 20_000 }), (i, offset) => {
        const r = stateRules[i]!;
        if (r.changes?.length) return;
        const out = checkStreetLegality(r, addDays(d("2026-01-01"), offset));
        expect(out.status).toBe(r.status);
        expect(out.maxRoadSpeedMph).toBe(r.maxRoadSpeedMph);
        expect(out.summary).toBe(r.summary);
      }),
    );
  });
});

describe("findStreetLegality", () => {
  it.each(["tx", "TX", " Tx "])("finds a state case-insensitively (%j)", (code) => {
    const out = findStreetLegality(stateRules, code, d("2026-11-24"));
    expect(out.kind).toBe("found");
    if (out.kind === "found") expect(out.legality.name).toBe("Texas");
  });

  it("says a code is unknown rather than guessing", () => {
    expect(findStreetLegality(stateRules, "ZZ", d("2026-11-24"))).toEqual({
      kind: "unknown_state",
      code: "ZZ",
    });
  });

  it("answers for the date asked, not a clock", () => {
    const on: IsoDate = d("1999-01-01");
    expect(findStreetLegality(stateRules, "CO", on)).toMatchObject({ kind: "found", legality: { on } });
  });
});
