import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { weighLine } from "./lines.js";
import { planHaul } from "./plan.js";
import { packTrips } from "./trips.js";
import { haulTruck } from "./truck.js";
import type { LoadItem } from "./types.js";

const facts = loadFacts();
const loads = facts.haulLoads;
const ids = (kind: string) => loads.filter((l) => l.kind === kind).map((l) => l.id);
const seasoned = loads.filter((l) => l.kind === "firewood" && l.lbPerCord.seasoned).map((l) => l.id);

const item: fc.Arbitrary<LoadItem> = fc.oneof(
  fc.record({
    kind: fc.constant("firewood" as const),
    id: fc.constantFrom(...seasoned),
    condition: fc.constant("seasoned" as const),
    amount: fc.double({ min: 0.05, max: 3, noNaN: true }),
    unit: fc.constantFrom("cord" as const, "face_cord" as const),
  }),
  fc.record({
    kind: fc.constant("hay_bale" as const),
    id: fc.constantFrom(...ids("hay_bale")),
    count: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant("bulk" as const),
    id: fc.constantFrom(...ids("bulk")),
    cubicYards: fc.double({ min: 0.05, max: 4, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant("sheet" as const),
    id: fc.constantFrom(...ids("sheet")),
    count: fc.integer({ min: 1, max: 40 }),
  }),
  fc.record({
    kind: fc.constant("custom" as const),
    name: fc.constant("thing"),
    weightKg: fc.double({ min: 1, max: 500, noNaN: true }),
    count: fc.integer({ min: 1, max: 8 }),
    sizeMm: fc.option(
      fc.record({
        length: fc.integer({ min: 50, max: 2500 }),
        width: fc.integer({ min: 50, max: 1600 }),
        height: fc.integer({ min: 50, max: 1200 }),
      }),
      { nil: null },
    ),
  }),
);
const capacity = fc.record({
  kg: fc.double({ min: 100, max: 1000, noNaN: true }),
  m3: fc.option(fc.double({ min: 0.2, max: 3, noNaN: true }), { nil: null }),
});
const scenario = fc.constantFrom("min" as const, "typical" as const, "max" as const);

describe("packTrips properties", () => {
  it("no trip is overloaded, nothing is lost, and trips x payload covers the load", () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), capacity, scenario, (items, cap, sc) => {
        const lines = items.map((it, i) => weighLine(it, i, loads));
        const { trips, tooHeavy } = packTrips(lines, sc, cap);
        const carried = lines.filter((l) => !tooHeavy.includes(l.index));
        const load = carried.reduce((s, l) => s + l.weight[sc], 0);
        const packed = trips.reduce((s, t) => s + t.kg, 0);
        expect(packed).toBeCloseTo(load, 6);
        for (const t of trips) {
          expect(t.kg).toBeLessThanOrEqual(cap.kg * (1 + 1e-9));
          if (cap.m3 !== null && !t.oversize) expect(t.m3).toBeLessThanOrEqual(cap.m3 * (1 + 1e-9) + 1e-12);
          expect(t.parts.length).toBeGreaterThan(0);
        }
        expect(trips.length * cap.kg).toBeGreaterThanOrEqual(load * (1 - 1e-9));
        expect(trips.length).toBeGreaterThanOrEqual(Math.ceil(load / cap.kg - 1e-9));
        for (const l of carried.filter((x) => !x.divisible)) {
          const pieces = trips.flatMap((t) => t.parts).filter((p) => p.line === l.index);
          expect(pieces.reduce((s, p) => s + p.pieces, 0)).toBe(l.pieces);
        }
        for (const i of tooHeavy) expect(lines[i]?.pieceWeight?.[sc]).toBeGreaterThan(cap.kg);
      }),
      { numRuns: 300 },
    );
  });

  it("the plan's trip counts never fall below its weight and volume lower bounds", () => {
    const codes = ["DA16T", "S510P", "DA71T", "HA6"];
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...codes),
        (items, code) => {
          const entry = facts.catalog.find((e) => e.chassisCode === code);
          if (!entry) throw new Error(code);
          const p = planHaul(haulTruck(entry, loads), items, loads);
          if (!p.trips || p.cannotCarry.length > 0) return;
          expect(p.trips.max).toBeGreaterThanOrEqual(p.trips.byWeight);
          expect(p.trips.typical).toBeGreaterThanOrEqual(1);
          if (p.trips.byVolume !== null && p.lines.every((l) => l.divisible))
            expect(p.trips.typical).toBeGreaterThanOrEqual(p.trips.byVolume);
          expect(p.total.min).toBeLessThanOrEqual(p.total.typical);
          expect(p.total.typical).toBeLessThanOrEqual(p.total.max);
        },
      ),
      { numRuns: 200 },
    );
  });
});
