import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { usdCents } from "../units/money.js";
import { findStateFees, stateCharges } from "./state-charges.js";
import { usPurchaseCost } from "./us-purchase.js";

const fees = loadFacts().stateFees;

describe("buying from a US seller", () => {
  it("adds the state's tax on the price paid and its fees, summing exactly", () => {
    const tx = findStateFees(fees, "TX");
    const r = usPurchaseCost(usdCents(650_000), tx);
    expect(r.lines).toEqual(stateCharges(tx, usdCents(650_000)).lines);
    expect(r.totalCents).toBe(650_000 + r.lines.reduce((a, l) => a + l.cents, 0));
    expect(r.state).toMatchObject({ code: "TX", name: "Texas" });
    expect(r.warnings.join(" ")).toMatch(/another state can change the tax/);
  });

  it("keeps a state's unknown fees unknown, never zero", () => {
    const withUnknown = fees.find(
      (f) => f.motorVehicleTax.rate === null || f.titleFeeUsd === null || f.registrationFeeUsd === null,
    );
    expect(withUnknown).toBeDefined();
    const r = usPurchaseCost(usdCents(500_000), withUnknown!);
    expect(r.notIncluded.length).toBeGreaterThan(0);
    expect(r.notIncluded.every((n) => n.reason.startsWith("unknown"))).toBe(true);
  });

  it("with no state, lists the state's charges as not included", () => {
    const r = usPurchaseCost(usdCents(500_000), null);
    expect(r.totalCents).toBe(500_000);
    expect(r.lines).toEqual([]);
    expect(r.notIncluded).toEqual([
      expect.objectContaining({ id: "state", reason: "not included: choose a state" }),
    ]);
  });
});
