import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { findStateFees, stateCharges } from "../cost/state-charges.js";
import { dollarsToCents, sumCents, type UsdCents, usdCents } from "../units/money.js";
import {
  deliveredChargesFor,
  deliveredUsdCents,
  type PricedListing,
  stateTaxCents,
  taxableBaseCents,
} from "./delivered.js";

const facts = loadFacts();
const charges = (code: string) => deliveredChargesFor(findStateFees(facts.stateFees, code));
const us = (cents: number): PricedListing => ({
  location: "us",
  priceUsdCents: cents,
  priceJpy: null,
  landedUsdCents: cents,
});

describe("deliveredChargesFor", () => {
  it("reduces Texas to a rate and fixed title + registration fees", () => {
    const tx = charges("TX");
    expect(tx).toMatchObject({ state: "TX", rate: 0.0625, minCents: null, capCents: null });
    expect(tx.fixedCents).toBe(2800 + 5075);
    expect(tx.includes.join(" ")).toMatch(/6\.25%.*title fee \(\$28\.00\).*registration \(\$50\.75\)/);
  });

  it("takes the lowest of a registration range, and adds other fees", () => {
    expect(charges("AL").fixedCents).toBe(1500 + 2300);
    expect(charges("AL").includes.join(" ")).toMatch(/lowest of \$23\.00-\$105\.00/);
    expect(charges("FL").fixedCents).toBe(7725 + 2760 + 22500);
  });

  it("names what it leaves out: unknown figures add nothing and are listed", () => {
    const ca = charges("CA");
    expect(ca.fixedCents).toBe(0);
    expect(ca.excludes).toEqual(
      expect.arrayContaining([expect.stringMatching(/title fee/), expect.stringMatching(/registration/)]),
    );
    const dc = charges("DC");
    expect(dc.rate).toBeNull();
    expect(dc.excludes[0]).toMatch(/motor vehicle tax/);
    expect(stateTaxCents(dc, usdCents(1_000_000))).toBe(0);
  });

  it("keeps a minimum (Virginia) and a cap (South Carolina)", () => {
    expect(stateTaxCents(charges("VA"), usdCents(10_000))).toBe(7500);
    expect(stateTaxCents(charges("VA"), usdCents(1_000_000))).toBe(41_500);
    expect(stateTaxCents(charges("SC"), usdCents(1_000_000))).toBe(50_000);
    expect(stateTaxCents(charges("SC"), usdCents(600_000))).toBe(30_000);
  });

  it("agrees with the itemized state charges of the cost calculator for every state", () => {
    for (const fees of facts.stateFees) {
      const base = usdCents(812_345);
      const lines = stateCharges(fees, base).lines;
      const c = deliveredChargesFor(fees);
      expect(sumCents([stateTaxCents(c, base), c.fixedCents]), fees.code).toBe(
        sumCents(lines.map((l) => l.cents)),
      );
    }
  });
});

describe("deliveredUsdCents", () => {
  it("is landed + tax on the price + fixed fees for a US listing", () => {
    const tx = charges("TX");
    expect(deliveredUsdCents(us(800_000), tx, 150)).toBe(800_000 + 50_000 + 7875);
  });

  it("taxes a Japan listing on its yen price at the site's rate, half-up to the cent", () => {
    const jp: PricedListing = {
      location: "jp",
      priceUsdCents: null,
      priceJpy: 300_001,
      landedUsdCents: 250_000,
    };
    // 300001 x 100 / 150 = 200000.67 -> 200001 cents; 6.25% = 12500.06 -> 12500.
    expect(taxableBaseCents(jp, 150)).toBe(200_001);
    expect(deliveredUsdCents(jp, charges("TX"), 150)).toBe(250_000 + 12_500 + 7875);
  });

  it("rounds a half cent of tax up", () => {
    // 6.25% of 1000.08 = 62.505 -> 62.51
    expect(stateTaxCents(charges("TX"), usdCents(100_008))).toBe(6251);
  });

  it("is the landed price without a state, and null without a landed price", () => {
    expect(deliveredUsdCents(us(123_456), null, 150)).toBe(123_456);
    expect(deliveredUsdCents({ ...us(1), landedUsdCents: null }, charges("TX"), 150)).toBeNull();
  });

  it("adds only the fixed fees in a state without a sales tax (Oregon)", () => {
    const or = charges("OR");
    expect(or.rate).toBe(0);
    expect(deliveredUsdCents(us(500_000), or, 150)).toBe((500_000 + dollarsToCents(63)) as UsdCents);
  });
});
