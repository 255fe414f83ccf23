import { describe, expect, it } from "vitest";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { AppError } from "./app-error.js";
import { costPageFor } from "./cost-page.js";
import { costPageInputSchema, parseInput } from "./inputs.schema.js";

const facts = loadFacts();
const today = "2026-11-24" as IsoDate;
const run = (q: Record<string, string>, siteJpyPerUsd: number | null = null) =>
  costPageFor(facts, parseInput(costPageInputSchema, q), { today, siteJpyPerUsd });
const cents = (usd: number) => Math.round(usd * 100);

describe("the cost page's answer", () => {
  it("uses this site's rate when the user gives none, and says whose rate it is", () => {
    const r = run({ priceJpy: "400000", to: "TX" }, 150);
    expect(r.rateOrigin).toBe("site");
    expect(r.landed.fx).toMatchObject({ jpyPerUsd: 150, isDefault: true });
    expect(r.landed.warnings[0]).toMatch(/^Yen converted at this site's rate of 150 JPY per USD/);
    expect(r.landed.warnings.join(" ")).not.toMatch(/rate you entered/);
    expect(run({ priceJpy: "400000", fx: "140" }, 150)).toMatchObject({
      rateOrigin: "yours",
      landed: { fx: { jpyPerUsd: 140, isDefault: false } },
    });
  });

  it("asks for a rate where there is no default at all", () => {
    expect(facts.fxDefault).toBeNull();
    expect(() => run({ priceJpy: "400000" })).toThrowError(AppError);
  });

  it("draws the bars from the itemized totals, on one scale", () => {
    const r = run({ priceJpy: "400000", fx: "150", to: "TX", usPriceUsd: "6500" });
    const [imported, us] = r.bars;
    expect(imported?.totalCents).toBe(cents(r.landed.totalUsd));
    expect(us?.totalCents).toBe(cents(r.us!.totalUsd));
    expect(Math.max(...r.bars.map((b) => b.segments.reduce((a, s) => a + s.width, 0)))).toBeCloseTo(1, 9);
    expect(us?.segments.map((s) => s.key)).toEqual(["vehicle", "state"]);
  });

  it("compares only when a US price is given, counting the costs not entered as ranges", () => {
    const alone = run({ priceJpy: "400000", fx: "150", to: "TX" });
    expect(alone.us).toBeNull();
    expect(alone.comparison).toBeNull();
    expect(alone.bars).toHaveLength(1);
    expect(alone.importRange.highCents).toBeGreaterThan(alone.importRange.totalCents);
    const r = run({ priceJpy: "400000", fx: "150", to: "TX", usPriceUsd: "6500" });
    expect(r.comparison?.usMinusImportHighCents).toBe(cents(r.us!.totalUsd) - r.importRange.lowCents);
  });

  it("without a state, leaves the US purchase's state charges out as well, and says so", () => {
    const r = run({ priceJpy: "400000", fx: "150", usPriceUsd: "6500" });
    expect(r.us?.totalUsd).toBe(6500);
    expect(r.us?.notIncluded.map((n) => n.reason)).toEqual(["not included: choose a state"]);
  });
});
