import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { isoDate } from "../units/dates.js";
import { jpy, usdCents } from "../units/money.js";
import { NOT_INCLUDED_REASON } from "./customs-value.js";
import { LandedCostError } from "./errors.js";
import { computeLandedCost } from "./landed-cost.js";
import type { LandedCostInput } from "./types.js";

const { importRules: rules, stateFees } = loadFacts();
const d = isoDate;

const FULL: LandedCostInput = {
  priceJpy: jpy(1_200_000),
  japanFees: [
    { id: "auction", label: "Auction fee", jpy: jpy(20_000) },
    { id: "agent", label: "Agent fee", jpy: jpy(100_000) },
    { id: "inland", label: "Inland transport", jpy: jpy(15_000) },
    { id: "port", label: "Port handling", jpy: jpy(30_000) },
  ],
  jpyPerUsd: 150,
  fxRateDate: d("2026-02-20"),
  entryDate: d("2026-03-01"),
  buildYear: 1998,
  freightUsd: usdCents(150_000),
  insuranceJpy: jpy(10_000),
  usCosts: {
    brokerUsd: usdCents(35_000),
    portUsd: usdCents(15_000),
    deliveryUsd: usdCents(40_000),
    isfBondUsd: usdCents(11_000),
    customsBondUsd: usdCents(14_137),
  },
  state: "TX",
};

const run = (over: Partial<LandedCostInput> = {}) =>
  computeLandedCost({ ...FULL, ...over }, rules, stateFees);
const byId = (c: ReturnType<typeof run>) => Object.fromEntries(c.lines.map((l) => [l.id, l.cents]));

describe("computeLandedCost: a full worked example (¥1.2M kei truck to Texas, March 2026)", () => {
  const c = run();

  it("itemizes every line, rounded half-up to the cent per line, in group order", () => {
    expect(c.lines.map((l) => [l.id, l.group, l.cents, l.estimate])).toEqual([
      ["vehicle", "japan", 800_000, false], // ¥1,200,000 / 150
      ["japan:auction", "japan", 13_333, false], // $133.333...
      ["japan:agent", "japan", 66_667, false], // $666.666...
      ["japan:inland", "japan", 10_000, false],
      ["japan:port", "japan", 20_000, false],
      ["shipping:freight", "shipping", 150_000, false],
      ["shipping:insurance", "shipping", 6667, false], // ¥10,000 / 150
      ["duty", "federal", 227_500, false], // 25% of $9,100.00
      ["tariff:s122-surcharge", "federal", 91_000, true], // 10%, applicability uncertain
      ["mpf", "federal", 3358, false], // $31.52 raised to the FY2026 minimum
      ["hmf", "federal", 1138, false], // 0.125% of $9,100 = $11.375 -> $11.38
      ["us:broker", "us", 35_000, false],
      ["us:customs-bond", "us", 14_137, false],
      ["us:isf", "us", 11_000, false],
      ["us:port", "us", 15_000, false],
      ["us:delivery", "us", 40_000, false],
      ["state:tax", "state", 56_875, true], // 6.25% of $9,100
      ["state:title", "state", 2800, false],
      ["state:registration", "state", 5075, false],
    ]);
  });

  it("adds up: customs value, federal charges and total", () => {
    expect(c.customsValueCents).toBe(910_000);
    expect(c.dutyCents).toBe(227_500);
    expect(c.overlayCents).toBe(91_000);
    expect(c.mpfCents).toBe(3358);
    expect(c.hmfCents).toBe(1138);
    expect(c.federalChargesCents).toBe(227_500 + 91_000 + 3358 + 1138);
    expect(c.totalCents).toBe(1_569_550);
    expect(c.notIncluded).toEqual([]);
  });

  it("carries sources on every line, the rate with its date, and the disclaimer", () => {
    for (const l of c.lines) expect(l.source.length, l.id).toBeGreaterThan(0);
    expect(c.lines.find((l) => l.id === "hmf")?.source.map((s) => s.id)).toEqual(["cfr-24-24"]);
    expect(c.lines.find((l) => l.id === "vehicle")?.source.map((s) => s.id)).toEqual([
      undefined,
      "cbp-icp-freight",
      "cfr-159-currency",
    ]);
    expect(c.lines.find((l) => l.id === "vehicle")?.note).toBe(
      "¥1,200,000 at 150 JPY/USD (rate of 2026-02-20); part of the customs value.",
    );
    expect(c.fx).toEqual({ jpyPerUsd: 150, date: "2026-02-20" });
    expect(c.disclaimer).toBe(rules.meta.disclaimer);
    expect(c.state).toMatchObject({ code: "TX", name: "Texas", confidence: "medium" });
    expect(c.lines.find((l) => l.id === "hmf")?.note).toMatch(
      /Assumed: unloaded at a port listed in 19 CFR 24\.24\(b\)/,
    );
  });
});

describe("customs value", () => {
  it.each([0, 1, 90_000, 250_000, 10_000_000])(
    "does not change with freight of %i cents, nor the duty",
    (freight) => {
      const base = run({ freightUsd: usdCents(0) });
      const c = run({ freightUsd: usdCents(freight) });
      expect(c.customsValueCents).toBe(base.customsValueCents);
      expect(c.dutyCents).toBe(base.dutyCents);
      expect(c.overlayCents).toBe(base.overlayCents);
      expect(c.mpfCents).toBe(base.mpfCents);
      expect(c.hmfCents).toBe(base.hmfCents);
      expect(c.federalChargesCents).toBe(base.federalChargesCents);
      expect(byId(c)["state:tax"]).toBe(byId(base)["state:tax"]);
      expect(c.totalCents - base.totalCents).toBe(freight);
    },
  );

  it("does not change with marine insurance", () => {
    const a = run({ insuranceJpy: jpy(0) });
    const b = run({ insuranceJpy: jpy(50_000) });
    expect([b.customsValueCents, b.dutyCents, b.federalChargesCents]).toEqual([
      a.customsValueCents,
      a.dutyCents,
      a.federalChargesCents,
    ]);
  });

  it("is the price plus the Japan-side fees, each converted and rounded on its own", () => {
    // ¥1 at 150 JPY/USD is 0.667 cents -> 1 cent per line; converting the ¥3 sum would give 2 cents.
    const c = run({
      priceJpy: jpy(1),
      japanFees: [
        { id: "a", label: "A", jpy: jpy(1) },
        { id: "b", label: "B", jpy: jpy(1) },
      ],
    });
    expect(c.customsValueCents).toBe(3);
  });

  it("leaves out a fee marked as a buying commission, but still counts it in the total", () => {
    const fees = FULL.japanFees?.map((f) => (f.id === "agent" ? { ...f, dutiable: false } : f));
    const c = run({ japanFees: fees });
    expect(c.customsValueCents).toBe(910_000 - 66_667);
    expect(byId(c)["japan:agent"]).toBe(66_667);
    expect(c.lines.find((l) => l.id === "japan:agent")?.note).toMatch(/left out of the customs value/);
  });
});

describe("what is not included", () => {
  const bare = computeLandedCost(
    { priceJpy: jpy(1_500_000), jpyPerUsd: 150, entryDate: d("2026-08-15"), buildYear: 1995 },
    rules,
    stateFees,
  );

  it("lists every quote not given, with the reason, never as a zero line", () => {
    expect(bare.notIncluded.map((n) => [n.id, n.group])).toEqual([
      ["japan:japan_auction_fee", "japan"],
      ["japan:exporter_service_fee", "japan"],
      ["japan:japan_inland_transport", "japan"],
      ["japan:japan_port_export_handling", "japan"],
      ["shipping:freight", "shipping"],
      ["shipping:insurance", "shipping"],
      ["us:broker", "us"],
      ["us:customs-bond", "us"],
      ["us:isf", "us"],
      ["us:port", "us"],
      ["us:delivery", "us"],
    ]);
    for (const n of bare.notIncluded) expect(n.reason).toBe(NOT_INCLUDED_REASON);
    expect(NOT_INCLUDED_REASON).toBe("not included: enter your quote");
    expect(bare.lines.map((l) => l.id)).toEqual(["vehicle", "duty", "mpf", "hmf"]);
    expect(bare.totalCents).toBe(1_000_000 + 250_000 + 3464 + 1250);
  });

  it("gives the typical range where the data has one; yen items at the user's rate", () => {
    const range = (id: string) => {
      const r = bare.notIncluded.find((n) => n.id === id)?.typicalRange;
      return r ? [r.low, r.high] : null;
    };
    expect(range("shipping:freight")).toEqual([90_000, 200_000]); // ocean_freight_roro $900-$2,000
    expect(range("shipping:insurance")).toEqual([3333, 10_000]); // ¥5,000-¥15,000 at 150
    expect(range("japan:exporter_service_fee")).toEqual([26_667, 100_000]); // ¥40,000-¥150,000
    expect(range("us:isf")).toEqual([10_500, 11_000]);
    expect(range("us:customs-bond")).toEqual([5000, 23_815]);
    expect(range("us:broker")).toBeNull();
    expect(range("us:delivery")).toBeNull();
    expect(bare.notIncluded.find((n) => n.id === "us:broker")?.note).toMatch(/^No typical range in our data/);
    const freight = bare.notIncluded.find((n) => n.id === "shipping:freight");
    expect(freight?.typicalRange?.sources.map((s) => s.id)).toEqual(["engineerfix-shipping"]);
  });

  it("lists no Japan-side fees when the user passes an empty list (FOB price)", () => {
    const c = run({ japanFees: [], freightUsd: null });
    expect(c.notIncluded.map((n) => n.id)).toEqual(["shipping:freight"]);
  });

  it("lists unknown state figures and warns about local taxes", () => {
    const ca = run({ state: "ca" });
    expect(ca.notIncluded.map((n) => n.id)).toEqual(["state:title", "state:registration"]);
    expect(ca.warnings.join("\n")).toMatch(/California: local taxes not included/);
    expect(ca.state?.code).toBe("CA");
  });

  it("has no state lines without a state", () => {
    const c = run({ state: null });
    expect(c.lines.some((l) => l.group === "state")).toBe(false);
    expect(c.state).toBeNull();
  });
});

describe("fees and warnings", () => {
  it("leaves HMF out when the port is not a listed one, and says so", () => {
    const c = run({ hmfApplies: false });
    expect(c.hmfCents).toBe(0);
    expect(c.lines.some((l) => l.id === "hmf")).toBe(false);
    expect(c.warnings.join("\n")).toMatch(/Harbor maintenance fee left out/);
    expect(c.federalChargesCents).toBe(run().federalChargesCents - 1138);
  });

  it("flags MPF as an estimate for an entry in FY2027", () => {
    const c = run({ entryDate: d("2026-10-15") });
    const mpf = c.lines.find((l) => l.id === "mpf");
    expect(mpf).toMatchObject({ estimate: true, cents: 3358 });
    expect(c.warnings.join("\n")).toMatch(/^MPF: FY2027/m);
  });

  it("warns when the exchange rate has no date", () => {
    expect(run({ fxRateDate: null }).warnings.join("\n")).toMatch(/No date given for the exchange rate/);
    expect(run().warnings.join("\n")).not.toMatch(/exchange rate/);
  });

  it("notes the classification caveat of the kei van line", () => {
    const c = run({ hts: "8703.21.0150" });
    expect(c.dutyCents).toBe(22_750);
    expect(c.lines.find((l) => l.id === "duty")?.note).toMatch(
      /Classification confidence: high for ruled vehicle; medium/,
    );
  });
});

describe("bad input is a typed error", () => {
  it.each([
    [{ jpyPerUsd: 0 }, "invalid_input", "jpyPerUsd"],
    [{ jpyPerUsd: Number.NaN }, "invalid_input", "jpyPerUsd"],
    [{ priceJpy: -1 as never }, "invalid_input", "priceJpy"],
    [{ priceJpy: 1.5 as never }, "invalid_input", "priceJpy"],
    [{ entryDate: "2026-02-30" as never }, "invalid_input", "entryDate"],
    [{ fxRateDate: "yesterday" as never }, "invalid_input", "fxRateDate"],
    [{ buildYear: 2027 }, "invalid_input", "buildYear"],
    [{ freightUsd: -5 as never }, "invalid_input", "freightUsd"],
    [{ usCosts: { brokerUsd: 1.25 as never } }, "invalid_input", "usCosts.brokerUsd"],
    [
      {
        japanFees: [
          { id: "x", label: "X", jpy: jpy(1) },
          { id: "x", label: "Y", jpy: jpy(1) },
        ],
      },
      "invalid_input",
      "japanFees[1].id",
    ],
    [{ state: "XX" }, "unknown_state", "state"],
    [{ hts: "9999.99" }, "unknown_hts", "hts"],
  ] as const)("%j -> %s", (over, code, field) => {
    expect(() => run(over as Partial<LandedCostInput>)).toThrowError(LandedCostError);
    expect(() => run(over as Partial<LandedCostInput>)).toThrowError(
      expect.objectContaining({ code, field }),
    );
  });
});
