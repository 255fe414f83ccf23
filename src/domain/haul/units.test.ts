import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kgToLb } from "../units/measures.js";
import {
  addRanges,
  ft3,
  ft3ToM3,
  ft3ToYd3,
  lbRangeToKg,
  m3,
  m3ToFt3,
  m3ToYd3,
  stackVolumeFt3,
  yd3,
  yd3ToFt3,
  yd3ToM3,
} from "./units.js";

describe("haul units", () => {
  it("converts volumes with the exact definitions", () => {
    expect(ft3ToM3(ft3(1))).toBeCloseTo(0.028316846592, 12);
    expect(yd3ToFt3(yd3(1))).toBe(27);
    expect(yd3ToM3(yd3(1))).toBeCloseTo(0.764554857984, 12);
    expect(ft3ToM3(ft3(128))).toBeCloseTo(3.6245563638, 9); // a cord
  });

  it("gives the cord 128 cubic feet and a 16-inch face cord a third of it", () => {
    const cord = stackVolumeFt3({ heightFt: 4, lengthFt: 8, depthIn: 48 });
    const face = stackVolumeFt3({ heightFt: 4, lengthFt: 8, depthIn: 16 });
    expect(cord).toBe(128);
    expect(face * 3).toBeCloseTo(cord, 12);
  });

  it("round-trips cubic feet, yards and metres", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (v) => {
        expect(m3ToFt3(ft3ToM3(ft3(v)))).toBeCloseTo(v, 6);
        expect(ft3ToYd3(yd3ToFt3(yd3(v)))).toBeCloseTo(v, 6);
        expect(m3ToYd3(yd3ToM3(yd3(v)))).toBeCloseTo(v, 6);
        expect(yd3ToM3(m3ToYd3(m3(v)))).toBeCloseTo(v, 6);
      }),
    );
  });

  it("converts a pound range to kilograms and back, keeping its order", () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 1, max: 10_000 }),
          fc.integer({ min: 0, max: 5000 }),
          fc.integer({ min: 0, max: 5000 }),
        ),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        ([min, a, b], times) => {
          const r = lbRangeToKg({ min, typical: min + a, max: min + a + b }, times);
          expect(r.min).toBeLessThanOrEqual(r.typical);
          expect(r.typical).toBeLessThanOrEqual(r.max);
          expect(kgToLb(r.min)).toBeCloseTo(min * times, 6);
          const twice = addRanges(r, r);
          expect(twice.max).toBeCloseTo(2 * r.max, 9);
        },
      ),
    );
  });
});
