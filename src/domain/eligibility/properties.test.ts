import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import {
  addDays,
  addMonths,
  addYears,
  daysBetween,
  epochDay,
  fromEpochDay,
  type IsoDate,
  isoDate,
  monthOf,
} from "../units/dates.js";
import { checkImportEligibility } from "./check.js";
import { checkModelEligibility, earliestBuild, latestBuild } from "./model.js";
import type { AgeEvidence } from "./types.js";

const { importRules: rules, catalog } = loadFacts();

const dateIn = (from: string, to: string) =>
  fc.integer({ min: epochDay(isoDate(from)), max: epochDay(isoDate(to)) }).map((n) => fromEpochDay(n));
const buildDate = dateIn("1950-01-01", "2030-12-31");
const entryDate = dateIn("1970-01-01", "2060-12-31");

/** Evidence a real truck built on `build` could carry: its date, its month, or a later registration month. */
const evidenceFor = (build: IsoDate) =>
  fc.oneof(
    fc.constant<AgeEvidence>({ kind: "build_date", date: build }),
    fc.constant<AgeEvidence>({ kind: "build_month", month: monthOf(build) }),
    fc
      .integer({ min: 0, max: 36 })
      .map((n): AgeEvidence => ({ kind: "first_registration", month: addMonths(monthOf(build), n) })),
  );
const anyEvidence = buildDate.chain((b) =>
  fc.oneof(evidenceFor(b), fc.constant<AgeEvidence>({ kind: "none" })),
);

const check = (evidence: AgeEvidence, on: IsoDate) =>
  checkImportEligibility({ evidence, entryDate: on }, rules);

describe("eligibility properties", () => {
  it("is monotonic in the entry date: once eligible, always eligible; the wait shrinks day by day", () => {
    fc.assert(
      fc.property(anyEvidence, entryDate, fc.integer({ min: 0, max: 20_000 }), (evidence, a, gap) => {
        const b = addDays(a, gap);
        const ra = check(evidence, a).fmvss;
        const rb = check(evidence, b).fmvss;
        if (ra.status === "eligible") expect(rb.status).toBe("eligible");
        expect(rb.eligibleFrom).toBe(ra.eligibleFrom);
        if (ra.daysRemaining === null) expect(rb.daysRemaining).toBeNull();
        else expect(rb.daysRemaining).toBe(Math.max(0, ra.daysRemaining - gap));
      }),
    );
  });

  it("is eligible exactly from eligibleFrom, with daysRemaining counting down to it", () => {
    fc.assert(
      fc.property(anyEvidence, entryDate, (evidence, on) => {
        const r = check(evidence, on);
        if (r.fmvss.eligibleFrom === null) {
          expect(r.verdict).toBe("needs_evidence");
          return;
        }
        expect(r.fmvss.status === "eligible").toBe(on >= r.fmvss.eligibleFrom);
        expect(r.fmvss.daysRemaining).toBe(Math.max(0, daysBetween(on, r.fmvss.eligibleFrom)));
      }),
    );
  });

  it("never says eligible before the build date + 25 years", () => {
    fc.assert(
      fc.property(
        buildDate.chain((b) => fc.tuple(fc.constant(b), evidenceFor(b))),
        ([build, evidence]) => {
          const from = check(evidence, isoDate("2000-01-01")).fmvss.eligibleFrom;
          const exact = addYears(build, rules.fmvss.minAgeYears);
          if (from === null) throw new Error("evidence with a date must give eligibleFrom");
          expect(from >= exact).toBe(true);
        },
      ),
    );
  });

  it("never returns not_importable on a registration month or without evidence", () => {
    fc.assert(
      fc.property(anyEvidence, entryDate, (evidence, on) => {
        const r = check(evidence, on);
        if (evidence.kind === "first_registration" || evidence.kind === "none")
          expect(r.verdict).not.toBe("not_importable");
      }),
    );
  });

  it("anything FMVSS-eligible from its build date or month also passes EPA and Section 232 (meta.notes[0])", () => {
    fc.assert(
      fc.property(anyEvidence, entryDate, (evidence, on) => {
        const r = check(evidence, on);
        if (r.fmvss.status !== "eligible" || evidence.kind === "none") return;
        expect(r.epa.codeE).toBe(true);
        if (r.section232.applicable) expect(r.section232.ageExcluded).toBe(true);
      }),
    );
  });

  it("agrees with the model answer for any build inside a model's production span", () => {
    const spans = catalog.flatMap((e) => {
      const early = earliestBuild(e.productionStart);
      const late = e.inProduction ? null : latestBuild(e.productionEnd);
      return early && late ? [{ e, early, late }] : [];
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...spans).chain((s) => fc.tuple(fc.constant(s), dateIn(s.early, s.late))),
        entryDate,
        ([{ e }, build], on) => {
          const model = checkModelEligibility(e, on, rules).status;
          // Whatever the truck's own evidence (exact day or month), the model answer never contradicts it.
          for (const evidence of [
            { kind: "build_date", date: build },
            { kind: "build_month", month: monthOf(build) },
          ] as const) {
            const truck = check(evidence, on).verdict;
            if (model === "all") expect(truck).toBe("importable");
            if (model === "none") expect(truck).toBe("not_importable");
          }
        },
      ),
    );
  });
});
