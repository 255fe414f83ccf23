import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type UsdCents, usdCents } from "../units/money.js";
import { barParts, stackedBars } from "./bars.js";
import type { CostGroup } from "./types.js";

const line = (id: string, group: CostGroup, cents: number) => ({ id, group, cents: usdCents(cents) });

describe("bar parts", () => {
  it("puts the truck first, then each group in the order the buyer pays, leaving out empty ones", () => {
    const parts = barParts([
      line("state:tax", "state", 16_667),
      line("duty", "federal", 66_667),
      line("vehicle", "japan", 266_667),
      line("japan:japan_fees", "japan", 40_000),
      line("mpf", "federal", 3_358),
      line("us:broker", "us", 0),
    ]);
    expect(parts).toEqual([
      { key: "vehicle", cents: 266_667 },
      { key: "japan", cents: 40_000 },
      { key: "federal", cents: 70_025 },
      { key: "state", cents: 16_667 },
    ]);
  });
});

describe("stacked bars", () => {
  it("puts two bars on one scale: the longer spans the width, segments follow each other", () => {
    const [imported, us] = stackedBars([
      {
        id: "import",
        label: "Import",
        parts: [
          { key: "vehicle", cents: usdCents(300_000) },
          { key: "federal", cents: usdCents(100_000) },
        ],
      },
      {
        id: "us",
        label: "US",
        parts: [
          { key: "vehicle", cents: usdCents(150_000) },
          { key: "state", cents: usdCents(50_000) },
        ],
      },
    ]);
    expect(imported?.totalCents).toBe(400_000);
    expect(imported?.segments.map((s) => [s.key, s.start, s.width])).toEqual([
      ["vehicle", 0, 0.75],
      ["federal", 0.75, 0.25],
    ]);
    expect(us?.segments.map((s) => [s.start, s.width])).toEqual([
      [0, 0.375],
      [0.375, 0.125],
    ]);
    expect(us?.segments[1]?.label).toBe("State tax and fees");
  });

  it("draws an empty row as an empty bar, never dividing by zero", () => {
    expect(stackedBars([{ id: "x", label: "x", parts: [] }])).toEqual([
      { id: "x", label: "x", totalCents: 0, segments: [] },
    ]);
  });

  it("always tiles each bar without gaps and keeps every bar within the scale", () => {
    const parts = fc.array(
      fc.record({
        key: fc.constantFrom("vehicle", "japan", "shipping", "federal", "us", "state" as const),
        cents: fc.integer({ min: 0, max: 10_000_000 }).map((n) => n as UsdCents),
      }),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.array(parts, { minLength: 1, maxLength: 3 }), (rows) => {
        const bars = stackedBars(rows.map((p, i) => ({ id: String(i), label: String(i), parts: p })));
        for (const bar of bars) {
          let at = 0;
          for (const s of bar.segments) {
            expect(s.start).toBeCloseTo(at, 9);
            expect(s.width).toBeGreaterThan(0);
            at += s.width;
          }
          expect(at).toBeLessThanOrEqual(1 + 1e-9);
        }
        const widest = Math.max(...bars.map((b) => b.segments.reduce((a, s) => a + s.width, 0)));
        if (bars.some((b) => b.totalCents > 0)) expect(widest).toBeCloseTo(1, 9);
      }),
    );
  });
});
