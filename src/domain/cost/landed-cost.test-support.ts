// Test support (not a test file, not production code): the generator of landed-cost inputs that the
// engine's property tests and the two-phase total's property test share. It takes the state codes as an
// argument rather than loading the fact data, so it stays as pure as the domain around it; only test
// files may import it (test/architecture.test.ts).
import fc from "fast-check";
import { epochDay, fromEpochDay, isoDate } from "../units/dates.js";
import { jpy, usdCents } from "../units/money.js";
import type { LandedCostInput } from "./types.js";

export const yen = (max: number) => fc.integer({ min: 0, max }).map(jpy);
export const cents = (max: number) => fc.option(fc.integer({ min: 0, max }).map(usdCents), { nil: null });

// Entry dates from before the first fact (FY2024) to well after the last (FY2029), so every overlay
// window, fiscal-year boundary and the "beyond the data" estimate are exercised.
const entryDate = fc
  .integer({ min: epochDay(isoDate("2024-01-01")), max: epochDay(isoDate("2029-12-31")) })
  .map(fromEpochDay);

/** Any valid input of computeLandedCost, for a state among `stateCodes` or none. */
export function landedCostInput(stateCodes: readonly string[]): fc.Arbitrary<LandedCostInput> {
  return fc.record({
    priceJpy: yen(80_000_000),
    japanFees: fc.option(
      fc.uniqueArray(
        fc.record({
          id: fc.constantFrom("auction", "agent", "inland", "port", "other"),
          label: fc.constant("fee"),
          jpy: yen(500_000),
          dutiable: fc.boolean(),
        }),
        { selector: (f) => f.id, maxLength: 5 },
      ),
      { nil: undefined },
    ),
    // 0.01 to 500 yen per dollar, with up to 6 decimals
    jpyPerUsd: fc.integer({ min: 10_000, max: 500_000_000 }).map((n) => n / 1_000_000),
    fxRateDate: fc.constant(null),
    entryDate,
    buildYear: fc.option(fc.integer({ min: 1960, max: 2024 }), { nil: null }),
    hts: fc.constantFrom("8704.31.0120", "8703.21.0150"),
    freightUsd: cents(1_000_000),
    insuranceJpy: fc.option(yen(100_000), { nil: null }),
    usCosts: fc.record({
      brokerUsd: cents(200_000),
      portUsd: cents(200_000),
      deliveryUsd: cents(500_000),
      isfBondUsd: cents(50_000),
      customsBondUsd: cents(50_000),
    }),
    hmfApplies: fc.boolean(),
    state: fc.option(fc.constantFrom(...stateCodes), { nil: null }),
  });
}
