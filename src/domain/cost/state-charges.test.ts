import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import type { StateFees } from "../../facts/schemas.js";
import { linkSources } from "../sources.js";
import { usdCents } from "../units/money.js";
import { LandedCostError } from "./errors.js";
import { findStateFees, stateCharges } from "./state-charges.js";

const { stateFees } = loadFacts();
const state = (code: string): StateFees => findStateFees(stateFees, code);
const charges = (code: string, base = 1_000_000) => stateCharges(state(code), usdCents(base));
const cents = (code: string, base?: number) =>
  Object.fromEntries(charges(code, base).lines.map((l) => [l.id, l.cents]));

describe("findStateFees", () => {
  it("finds a state case-insensitively", () => {
    expect(findStateFees(stateFees, " tx ").code).toBe("TX");
  });
  it("throws unknown_state for a code that is not a state", () => {
    expect(() => findStateFees(stateFees, "ZZ")).toThrowError(LandedCostError);
    expect(() => findStateFees(stateFees, "ZZ")).toThrowError(
      expect.objectContaining({ code: "unknown_state" }),
    );
  });
});

describe("motor vehicle tax = rate x purchase price in USD, honouring minimum and cap", () => {
  it.each([
    // [state, taxable base in cents, tax in cents]
    ["TX", 1_000_000, 62_500], // 6.25%
    ["TX", 123_457, 7716], // 7716.0625 -> 7716
    ["GA", 1_000_000, 70_000],
    ["MO", 1_000_000, 42_250], // 4.225%
    ["MN", 100_001, 6875], // 6.875% of $1,000.01 = 6875.07 -> 6875
    ["VA", 100_000, 7500], // 4.15% of $1,000 = $41.50, below the $75 minimum
    ["VA", 180_710, 7500], // $74.9947 -> $74.99, raised to the $75 minimum
    ["VA", 180_711, 7500], // $74.9951 rounds half-up to $75.00 itself
    ["VA", 180_735, 7501], // $75.0050 -> $75.01, above the minimum
    ["VA", 1_000_000, 41_500],
    ["WV", 40_000, 3000], // 6% of $400 = $24, below the $30 minimum
    ["WV", 60_000, 3600],
    ["SC", 500_000, 25_000], // 5%
    ["SC", 1_000_000, 50_000], // exactly at the $500 cap
    ["SC", 2_000_000, 50_000], // capped
    ["AK", 1_000_000, 0], // no state tax: shown as $0, not hidden
    ["MT", 1_000_000, 0],
  ] as const)("%s on %i cents -> %i cents", (code, base, tax) => {
    expect(cents(code, base)["state:tax"]).toBe(tax);
  });

  it("notes the base, the minimum or cap, and the state's own notes; always an estimate", () => {
    const va = charges("VA", 100_000).lines.find((l) => l.id === "state:tax");
    expect(va?.estimate).toBe(true);
    expect(va?.note).toMatch(/the state minimum of \$75\.00 applies/);
    expect(va?.note).toMatch(/purchase price in USD \(the customs value\); the base varies by state/);
    expect(va?.detail).toBe(state("VA").motorVehicleTax.notes);
    const sc = charges("SC", 2_000_000).lines.find((l) => l.id === "state:tax");
    expect(sc?.note).toMatch(/capped at \$500\.00/);
  });

  it("lists an unknown rate (DC) as not included, never as zero", () => {
    const dc = charges("DC");
    expect(dc.lines.find((l) => l.id === "state:tax")).toBeUndefined();
    const item = dc.notIncluded.find((n) => n.id === "state:tax");
    expect(item?.reason).toMatch(/^unknown/);
    expect(item?.note).toMatch(/EPA MPG/);
  });

  it.each([
    ["AL", true],
    ["AK", true],
    ["TX", false],
    ["CT", false],
  ] as const)("%s: local add-ons -> warning %s", (code, warned) => {
    const w = charges(code).warnings.join("\n");
    if (warned) expect(w).toMatch(/local taxes not included/);
    else expect(w).toBe("");
  });
});

describe("title, registration and other fees", () => {
  it("adds a fixed title and registration fee (TX)", () => {
    expect(cents("TX")).toEqual({ "state:tax": 62_500, "state:title": 2800, "state:registration": 5075 });
  });

  it("uses the low end of a registration range, flagged as an estimate with the range (AL)", () => {
    const reg = charges("AL").lines.find((l) => l.id === "state:registration");
    expect(reg).toMatchObject({ cents: 2300, estimate: true });
    expect(reg?.note).toMatch(/Lowest of the range \$23\.00-\$105\.00/);
    expect(charges("VA").lines.find((l) => l.id === "state:registration")?.cents).toBe(3075);
  });

  it("says when the state registers for several years at once (AK)", () => {
    const reg = charges("AK").lines.find((l) => l.id === "state:registration");
    expect(reg?.cents).toBe(5000);
    expect(reg?.note).toMatch(/registers for 2 years at a time/);
  });

  it("lists unknown title and registration fees as not included (CA)", () => {
    const ca = charges("CA");
    expect(ca.lines.map((l) => l.id)).toEqual(["state:tax"]);
    expect(ca.notIncluded.map((n) => [n.id, n.reason.split(":")[0]])).toEqual([
      ["state:title", "unknown"],
      ["state:registration", "unknown"],
    ]);
  });

  it("adds each of the state's other fees as its own line (MN, FL)", () => {
    const mn = charges("MN").lines.filter((l) => l.id.startsWith("state:other:"));
    expect(mn.map((l) => [l.label, l.cents])).toEqual([
      ["Minnesota: title technology surcharge", 225],
      ["Minnesota: transfer tax", 1000],
      ["Minnesota: public safety vehicle fee", 350],
    ]);
    expect(cents("FL")["state:other:0"]).toBe(22_500);
  });

  it("carries the state record's sources on every line and item", () => {
    for (const code of ["TX", "DC", "MN", "CA"]) {
      const c = charges(code);
      const expected = linkSources(state(code).sources);
      for (const item of [...c.lines, ...c.notIncluded]) {
        expect(item.source).toEqual(expected);
        expect(item.group).toBe("state");
      }
    }
  });

  it("notes confidence below high, and not when it is high", () => {
    expect(charges("PA").lines[0]?.note).toMatch(/Confidence: low/);
    const ks = charges("KS").lines;
    expect(ks.find((l) => l.id === "state:title")?.note).toBeUndefined();
    expect(ks.find((l) => l.id === "state:tax")?.note).not.toMatch(/Confidence/);
  });

  it("answers for every one of the 51 jurisdictions without throwing", () => {
    for (const s of stateFees) {
      const c = stateCharges(s, usdCents(750_000));
      expect(c.lines.length + c.notIncluded.length).toBeGreaterThanOrEqual(3);
      for (const l of c.lines) expect(Number.isSafeInteger(l.cents) && l.cents >= 0).toBe(true);
    }
  });
});
