import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type IsoDate, isoDate } from "../units/dates.js";
import { daysOnMarket, dropPercent, lastMove, normalizeHistory, priceSteps } from "./price-history.js";

const d = (s: string) => isoDate(s);

describe("price history", () => {
  it("a drop is a drop, with its percent and day", () => {
    const move = lastMove([
      { on: d("2026-09-01"), amount: 8000 },
      { on: d("2026-10-15"), amount: 7200 },
    ]);
    expect(move).toEqual({ kind: "drop", from: 8000, to: 7200, percent: 10, on: "2026-10-15" });
  });

  it("a rise after a drop is what the last move says", () => {
    const move = lastMove([
      { on: d("2026-09-01"), amount: 8000 },
      { on: d("2026-10-01"), amount: 7000 },
      { on: d("2026-11-01"), amount: 7500 },
    ]);
    expect(move.kind).toBe("rise");
    expect(move).toMatchObject({ from: 7000, to: 7500, percent: 7.1 });
  });

  it("re-saving at the same price is not a change", () => {
    const points = [
      { on: d("2026-09-01"), amount: 8000 },
      { on: d("2026-10-01"), amount: 8000 },
    ];
    expect(lastMove(points)).toEqual({ kind: "none" });
    expect(normalizeHistory(points)).toHaveLength(1);
  });

  it("orders points by day whatever order they come in", () => {
    const move = lastMove([
      { on: d("2026-11-01"), amount: 6000 },
      { on: d("2026-09-01"), amount: 9000 },
    ]);
    expect(move).toMatchObject({ kind: "drop", from: 9000, to: 6000 });
  });

  it("dropPercent is positive for drops only", () => {
    expect(dropPercent(10_000, 9_000)).toBe(10);
    expect(dropPercent(10_000, 10_000)).toBeNull();
    expect(dropPercent(10_000, 11_000)).toBeNull();
    expect(dropPercent(0, 5)).toBeNull();
  });

  it("days on market run to today, or to the day the listing ended", () => {
    expect(daysOnMarket(d("2026-11-01"), null, d("2026-11-24"))).toBe(23);
    expect(daysOnMarket(d("2026-10-01"), d("2026-10-11"), d("2026-11-24"))).toBe(10);
    expect(daysOnMarket(d("2026-11-25"), null, d("2026-11-24"))).toBe(0);
  });

  it("steps cover the history without gaps and end at `until`", () => {
    const { steps, min, max } = priceSteps(
      [
        { on: d("2026-09-01"), amount: 8000 },
        { on: d("2026-10-01"), amount: 7000 },
      ],
      d("2026-11-24"),
    );
    expect(steps).toEqual([
      { from: "2026-09-01", to: "2026-10-01", amount: 8000 },
      { from: "2026-10-01", to: "2026-11-24", amount: 7000 },
    ]);
    expect([min, max]).toEqual([7000, 8000]);
  });

  it("property: steps are contiguous and the last move matches the last two distinct prices", () => {
    const point = fc.record({
      on: fc
        .integer({ min: 0, max: 400 })
        .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10) as IsoDate),
      amount: fc.integer({ min: 1, max: 50_000 }),
    });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 12 }), (points) => {
        const h = normalizeHistory(points);
        const { steps } = priceSteps(points, d("2027-12-31"));
        for (let i = 1; i < steps.length; i++) expect(steps[i]!.from).toBe(steps[i - 1]!.to);
        for (let i = 1; i < h.length; i++) expect(h[i]!.amount).not.toBe(h[i - 1]!.amount);
        const move = lastMove(points);
        if (h.length < 2) expect(move.kind).toBe("none");
        else expect(move.kind).toBe(h.at(-1)!.amount < h.at(-2)!.amount ? "drop" : "rise");
      }),
    );
  });
});
