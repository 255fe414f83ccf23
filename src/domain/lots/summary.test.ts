// The summary of a file read in parts (as the CLI's worker threads read it) merged in file order is the
// summary of one pass over it: counts, the best margins with their ties, the first errors, the
// file-level warnings. And a few examples of what a pass gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToSummary,
  createSummary,
  ERROR_SAMPLES,
  emptySummary,
  finishSummary,
  mergeSummaries,
  type SummaryState,
  TOP_MARGINS,
} from "./summary.js";
import type { LotResult } from "./types.js";

type Read = { result: LotResult; grade: "score" | "trim" | null };

/** A result with what the summary reads, drawn so that ties, errors and every branch come up. */
const resultAt = (line: number) =>
  fc
    .record({
      error: fc.boolean(),
      errors: fc.integer({ min: 1, max: 3 }),
      warned: fc.boolean(),
      verdict: fc.constantFrom("importable", "not_importable", "needs_evidence" as const),
      basis: fc.constantFrom("sold", "start" as const),
      jpy: fc.constantFrom(200, 900, 4999, 180_000, 420_000),
      fair: fc.constantFrom("model", "facts", "none" as const),
      from: fc.constantFrom("chassis_code", "frame_no", "model_name", null),
      margin: fc.constantFrom(-50_000, 0, 10_000, 10_000, 25_000, 90_000),
      grade: fc.constantFrom("score", "trim", null),
    })
    .map((g): Read => {
      const issues = Array.from({ length: g.errors }, (_, i) => ({
        line,
        column: `c${i}`,
        reason: "bad",
      }));
      const base = {
        line,
        lotNo: String(line),
        auction: null,
        auctionDate: null,
        year: null,
        firstReg: null,
        mileageKm: null,
        score: null,
        lot: null,
        warnings: g.warned ? [{ line, column: "flags", reason: "w" }] : [],
      };
      if (g.error)
        return {
          grade: g.grade as Read["grade"],
          result: {
            ...base,
            status: "error",
            vehicle: null,
            eligibility: null,
            price: null,
            landedCents: null,
            fair: null,
            margin: null,
            errors: issues,
          },
        };
      const fair =
        g.fair === "model"
          ? ({
              source: "model",
              fairCents: 900_000,
              lowCents: 800_000,
              highCents: 1_000_000,
              comparables: 9,
              level: "generation",
            } as const)
          : g.fair === "facts"
            ? ({ source: "facts", lowCents: 500_000, highCents: 1_200_000 } as const)
            : ({ source: "none", reason: "unknown" } as const);
      return {
        grade: g.grade as Read["grade"],
        result: {
          ...base,
          status: "ok",
          vehicle: g.from
            ? {
                from: g.from as "chassis_code",
                chassisCode: "DA63T",
                make: "Suzuki",
                model: "Carry",
                generation: null,
                drive: null,
              }
            : null,
          eligibility: {
            verdict: g.verdict as "importable",
            eligibleFrom: null,
            decidedBy: "evidence",
            evidence: "none",
          },
          price: { basis: g.basis as "sold", jpy: g.jpy },
          landedCents: 700_000,
          fair,
          margin:
            fair.source === "none"
              ? null
              : {
                  cents: fair.source === "model" ? g.margin : null,
                  lowCents: g.margin,
                  highCents: g.margin + 1,
                },
          errors: [],
        },
      };
    });

/** A file's worth of results, lines in order with gaps (blank rows, multi-line records). */
const file = fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 60 }).chain((gaps) => {
  const lines = gaps.map((_, i) => 1 + gaps.slice(0, i + 1).reduce((a, b) => a + b, 0));
  return fc.tuple(...lines.map(resultAt));
});

function pass(reads: readonly Read[]): SummaryState {
  const s = emptySummary();
  for (const r of reads) addToSummary(s, r.result, r.grade);
  return s;
}

describe("mergeSummaries (property)", () => {
  it("parts merged in file order give the summary of one pass", () => {
    fc.assert(
      fc.property(file, fc.array(fc.nat(), { maxLength: 5 }), (reads, cuts) => {
        const at = [...new Set(cuts.map((c) => c % (reads.length + 1)))].sort((a, b) => a - b);
        let merged = emptySummary();
        let prev = 0;
        for (const c of [...at, reads.length]) {
          merged = mergeSummaries(merged, pass(reads.slice(prev, c)));
          prev = c;
        }
        expect(finishSummary(merged)).toEqual(finishSummary(pass(reads)));
      }),
      { numRuns: 400 },
    );
  });

  it("keeps the best margins by the ranking rule (against sorting every candidate)", () => {
    // Clean rows first, then sold prices, then the larger margin, then the earlier line.
    fc.assert(
      fc.property(file, (reads) => {
        const expected = reads
          .map((r) => r.result)
          .filter(
            (r) => r.eligibility?.verdict === "importable" && r.margin && r.fair && r.fair.source !== "none",
          )
          .map((r) => ({
            line: r.line,
            warned: Number(r.warnings.length > 0),
            start: Number(r.price?.basis === "start"),
            margin: r.margin!.cents ?? r.margin!.lowCents,
          }))
          .sort((a, b) => a.warned - b.warned || a.start - b.start || b.margin - a.margin || a.line - b.line)
          .slice(0, TOP_MARGINS)
          .map((t) => t.line);
        expect(finishSummary(pass(reads)).top.map((t) => t.line)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("is associative (parts can be merged as they finish, in order)", () => {
    fc.assert(
      fc.property(file, fc.nat(), fc.nat(), (reads, i, j) => {
        const [x, y] = [i % (reads.length + 1), j % (reads.length + 1)].sort((a, b) => a - b);
        const [a, b, c] = [pass(reads.slice(0, x)), pass(reads.slice(x, y)), pass(reads.slice(y))];
        expect(mergeSummaries(mergeSummaries(a, b), c)).toEqual(mergeSummaries(a, mergeSummaries(b, c)));
      }),
    );
  });
});

describe("a summary", () => {
  it("keeps the first errors in file order, and no more than the sample size", () => {
    const builder = createSummary();
    const reads = fc.sample(resultAt(2), 40).map((r, i) => ({
      ...r,
      result: {
        ...r.result,
        line: i + 2,
        status: "error" as const,
        errors: [{ line: i + 2, column: "x", reason: "y" }],
      },
    }));
    for (const r of reads) builder.add(r.result, null);
    const s = builder.finish();
    expect(s.errorRows).toBe(40);
    expect(s.errors.map((e) => e.line)).toEqual(Array.from({ length: ERROR_SAMPLES }, (_, i) => i + 2));
  });

  /** `count` importable lots on lines 2, 3, …, each sold at ¥100,000, then changed by `change(i)`. */
  function importable(count: number, change: (i: number) => Partial<LotResult>) {
    const reads = fc.sample(resultAt(0), 200).filter((r) => r.result.status === "ok");
    const lots = reads
      .filter((r) => r.result.eligibility?.verdict === "importable" && r.result.margin)
      .slice(0, count)
      .map((r, i) => ({
        ...r,
        result: {
          ...r.result,
          line: i + 2,
          warnings: [],
          price: { basis: "sold" as const, jpy: 100_000 },
          ...change(i),
        },
      }));
    expect(lots).toHaveLength(count);
    return lots;
  }

  it("of equal margins keeps the earlier line, also across merged parts", () => {
    const lots = importable(7, () => ({ margin: { cents: 5, lowCents: 5, highCents: 6 } }));
    const merged = mergeSummaries(pass(lots.slice(0, 3)), pass(lots.slice(3)));
    expect(finishSummary(merged).top.map((t) => t.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it("puts lots without warnings before better margins that rest on a warned row, also across merged parts", () => {
    // Even lines carry a warning and the bigger margin.
    const lots = importable(8, (i) => ({
      warnings: i % 2 === 0 ? [{ line: i + 2, column: "mileage_km", reason: "very low" }] : [],
      margin: { cents: i % 2 === 0 ? 900 : 100 + i, lowCents: 0, highCents: 0 },
    }));
    const top = finishSummary(mergeSummaries(pass(lots.slice(0, 5)), pass(lots.slice(5)))).top;
    // The four clean lots (lines 3, 5, 7, 9) best margin first, then the best warned one.
    expect(top.map((t) => [t.line, t.warnings])).toEqual([
      [9, 0],
      [7, 0],
      [5, 0],
      [3, 0],
      [2, 1],
    ]);
  });

  it("puts lots priced on a sold price before better margins on a start price, also across merged parts", () => {
    // Even lines were not sold (their start price is used) and show the bigger margin.
    const lots = importable(8, (i) => ({
      price: { basis: i % 2 === 0 ? ("start" as const) : ("sold" as const), jpy: 100_000 },
      margin: { cents: i % 2 === 0 ? 900 : 100 + i, lowCents: 0, highCents: 0 },
    }));
    const top = finishSummary(mergeSummaries(pass(lots.slice(0, 3)), pass(lots.slice(3)))).top;
    expect(top.map((t) => [t.line, t.basis])).toEqual([
      [9, "sold"],
      [7, "sold"],
      [5, "sold"],
      [3, "sold"],
      [2, "start"],
    ]);
  });

  it("says the Grade column was read two ways only when parts of the file disagree", () => {
    const one = emptySummary();
    one.grade = { score: 3, trim: 0 };
    const other = emptySummary();
    other.grade = { score: 0, trim: 2 };
    expect(finishSummary(one).warnings).toEqual([]);
    expect(finishSummary(mergeSummaries(one, other)).warnings.join()).toMatch(
      /score on 3 rows and as the trim on 2/,
    );
  });
});
