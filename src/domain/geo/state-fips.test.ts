import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { STATE_CODE_BY_FIPS, stateCodeForFips } from "./state-fips.js";

const codes = loadFacts().stateRules.map((s) => s.code);

describe("FIPS state codes", () => {
  it("maps onto exactly the 50 states and DC of the fact data, one code each", () => {
    const mapped = Object.values(STATE_CODE_BY_FIPS);
    expect(mapped).toHaveLength(51);
    expect(new Set(mapped).size).toBe(51);
    expect([...mapped].sort()).toEqual([...codes].sort());
  });

  it("looks codes up as strings or numbers, and says null for territories", () => {
    expect(stateCodeForFips("48")).toBe("TX");
    expect(stateCodeForFips(6)).toBe("CA");
    expect(stateCodeForFips("11")).toBe("DC");
    expect(stateCodeForFips("72")).toBeNull(); // Puerto Rico: not in the state rules
    expect(stateCodeForFips("03")).toBeNull(); // never assigned
  });
});
