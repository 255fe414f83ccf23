// The whole per-file evaluation on the real fact data: the remembered engine answers against fresh ones
// (property), the deal model and its labelled fallback, the rows and files it refuses. The shipped
// example file is checked row by row through the stream (src/services/lots.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { computeLandedCost } from "../cost/landed-cost.js";
import { checkImportEligibility } from "../eligibility/check.js";
import { combineFrameVerdict } from "../eligibility/frame.js";
import { checkModelEligibility } from "../eligibility/model.js";
import { generateDemoListings } from "../listings/demo.js";
import { deriveListing } from "../listings/derive.js";
import { estimateFairPrice } from "../pricing/estimate.js";
import { fitDealModel } from "../pricing/fit.js";
import type { Comparable, DealModel } from "../pricing/types.js";
import type { IsoDate, YearMonth } from "../units/dates.js";
import { jpy } from "../units/money.js";
import { createLotBatch, LotFileError, readHeader } from "./batch.js";
import { parseCsv } from "./csv.js";
import type { LotContext } from "./evaluate.js";
import { generateLotCsv } from "./generate.js";
import { createRowReader } from "./read-row.js";
import type { LotResult } from "./types.js";

const facts = loadFacts();
const ARRIVAL = "2027-01-15" as IsoDate;

function context(dealModel: DealModel | null = null): LotContext {
  return { facts, arrival: ARRIVAL, state: "TX", jpyPerUsd: 150, costs: {}, dealModel };
}

function run(text: string, ctx = context()) {
  const batch = createLotBatch(ctx, { priceUnit: 1 });
  const results: LotResult[] = [];
  for (const record of parseCsv(text)) {
    const r = batch.add(record);
    if (r) results.push(r);
  }
  return { results, summary: batch.summary(), batch };
}

/** US comparables as the marketplace stores them, from the demo generator. */
function demoModel(): DealModel {
  const today = "2026-11-24" as IsoDate;
  const drafts = generateDemoListings({
    count: 3000,
    seed: 3,
    sellers: 40,
    catalog: facts.catalog,
    stateCodes: facts.stateFees.map((s) => s.code),
    today,
  });
  const comps: Comparable[] = [];
  for (const d of drafts) {
    if (d.location !== "us" || d.priceUsdCents === null) continue;
    const x = deriveListing(d, { facts, today, jpyPerUsd: 150 });
    comps.push({
      make: x.make!,
      model: x.model!,
      generation: x.generationLabel,
      year: x.year,
      mileageKm: d.mileageKm,
      drive: x.drive,
      bedType: d.bedType,
      priceCents: d.priceUsdCents,
    });
  }
  return fitDealModel(comps);
}
const model = demoModel();

describe("the deal model and its fallback", () => {
  const text =
    "lot,frame,year,first_reg,mileage,sold\n1,DD51T-512345,1998,1998-04,48200,268000\n2,S201U-100001,2012,,30000,390000\n";

  it("prices by the deal model where it has comparables, else by the labelled fact range", () => {
    const { results, summary } = run(text, context(model));
    const [r, rare] = results;
    expect(r!.fair).toMatchObject({ source: "model", level: "generation" });
    expect(r!.margin?.cents).toBe((r!.fair as { fairCents: number }).fairCents - r!.landedCents!);
    expect(rare!.fair).toMatchObject({ source: "facts", lowCents: 500000, highCents: 1200000 });
    expect(rare!.margin).toEqual({
      cents: null,
      lowCents: 500000 - rare!.landedCents!,
      highCents: 1200000 - rare!.landedCents!,
    });
    expect(summary.fairSource).toEqual({ model: 1, facts: 1, none: 0 });
  });

  it("a mileage under 1,000 km (maybe thousands) is left out of the fair price, as an unknown one is", () => {
    const rows = ["48", "", "48000"].map((km, i) => `${i + 1},DD51T-512345,1998,1998-04,${km},268000`);
    const { results } = run(`lot,frame,year,first_reg,mileage,sold\n${rows.join("\n")}\n`, context(model));
    const [low, unknown, thousands] = results.map((r) => r.fair as { fairCents: number; lowCents: number });
    expect(low).toEqual(unknown);
    expect(low!.fairCents).not.toBe(thousands!.fairCents);
    expect(results[0]!.mileageKm).toBe(48); // shown as read
    expect(results[0]!.warnings.map((w) => w.reason)).toContainEqual(
      "48 km is very low: if the list gives thousands of km, it means 48,000 km (the fair price leaves the mileage out)",
    );
  });

  it("without a model every identified lot gets the fact range", () => {
    const { summary } = run(text);
    expect(summary.fairSource).toEqual({ model: 0, facts: 2, none: 0 });
  });
});

describe("remembered answers are the engines' own (property)", () => {
  const truckOf = (r: LotResult) => r.vehicle!;

  it("landed cost, eligibility and fair price equal fresh calls for generated lots", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const text = [...generateLotCsv(facts.catalog, 40, seed)].join("");
        const { results } = run(text, context(model));
        // Each row as the batch read it, for the cells the fair price takes from the lot itself.
        const [head, ...records] = parseCsv(text);
        const read = createRowReader(readHeader(head!), { priceUnit: 1 });
        const lots = new Map(records.map((rec) => [rec.line, read(rec.fields, rec.line).lot]));
        for (const r of results) {
          if (r.status !== "ok") continue;
          const lot = lots.get(r.line)!;
          const cost = computeLandedCost(
            {
              priceJpy: jpy(r.price!.jpy),
              jpyPerUsd: 150,
              entryDate: ARRIVAL,
              buildYear: r.year,
              state: "TX",
            },
            facts.importRules,
            facts.stateFees,
          );
          expect(r.landedCents).toBe(cost.totalCents);

          const month = (r.firstReg ?? (r.year === null ? null : `${r.year}-12`)) as YearMonth | null;
          const truck = checkImportEligibility(
            {
              evidence: month ? { kind: "first_registration", month } : { kind: "none" },
              entryDate: ARRIVAL,
            },
            facts.importRules,
          );
          const entry = facts.catalog.find((e) => e.framePrefix === truckOf(r).chassisCode);
          const verdict = entry
            ? combineFrameVerdict(truck, checkModelEligibility(entry, ARRIVAL, facts.importRules)).verdict
            : truck.verdict;
          expect(r.eligibility!.verdict).toBe(verdict);

          const v = truckOf(r);
          const fair = estimateFairPrice(model, {
            make: v.make,
            model: v.model,
            generation: v.generation,
            year: r.year,
            mileageKm: r.mileageKm,
            drive: v.drive === "both" || v.drive === null ? lot.drive : v.drive,
            bedType: /dump|ダンプ/i.test(`${lot.model} ${lot.trim}`) ? "dump" : "standard",
          });
          if (fair.kind === "estimate")
            expect(r.fair).toMatchObject({ source: "model", fairCents: fair.fairCents });
          else expect(r.fair?.source).toBe("facts");
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe("rows and files the batch refuses", () => {
  it("a header without a required column is a file error naming it", () => {
    const batch = createLotBatch(context(), { priceUnit: 1 });
    expect(() => batch.add({ fields: ["lot", "year", "sold"], line: 1, malformed: null })).toThrow(
      LotFileError,
    );
    expect(() =>
      createLotBatch(context(), { priceUnit: 1 }).add({
        fields: ["lot", "chassis", "year"],
        line: 3,
        malformed: null,
      }),
    ).toThrow(/line 3: the header lacks a start_price_jpy or sold_price_jpy column/);
  });

  it("a year after the arrival is an error, blank rows are skipped", () => {
    const { results } = run("lot,chassis,year,sold\n1,HA4,2028,100000\n,,,\n\n2,HA4,1996,100000\n");
    expect(results).toHaveLength(2);
    expect(results[0]!.errors[0]).toMatchObject({ line: 2, column: "year" });
    expect(results[0]!.errors[0]!.reason).toMatch(/2028 is after the arrival date 2027-01-15/);
    expect(results[1]).toMatchObject({ line: 5, status: "ok" });
  });

  it("names the columns it does not read, and headers given twice", () => {
    const { summary } = run("lot,chassis,year,sold,Seller phone,Lot No\n1,HA4,1996,120000,555,9\n");
    expect(summary.warnings).toEqual([
      "Columns not read: Seller phone.",
      "Columns named twice (the first one is read): Lot No.",
    ]);
  });

  it("warns once in the summary when every price looks like thousands of yen", () => {
    const { summary } = run("lot,chassis,year,sold\n1,HA4,1996,252\n2,HA4,1997,198\n");
    expect(summary.warnings.join()).toMatch(/--price-unit 1000/);
    const thousands = createLotBatch(context(), { priceUnit: 1000 });
    const rows = parseCsv("lot,chassis,year,sold\n1,HA4,1996,252\n").map((r) => thousands.add(r));
    expect(rows[1]!.price).toEqual({ basis: "sold", jpy: 252000 });
  });
});
