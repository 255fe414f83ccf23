import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { editDistance, suggestChassisCodes } from "./suggest.js";

const { catalog } = loadFacts();

describe("suggestChassisCodes", () => {
  it("offers close codes, closest first, at most five, never the code itself", () => {
    expect(suggestChassisCodes("DA63", catalog)[0]).toBe("DA63T");
    expect(suggestChassisCodes("da-64t", catalog)).toEqual(expect.arrayContaining(["DA63T", "DA62T"]));
    expect(suggestChassisCodes("DA64T123456", catalog)).toContain("DA63T"); // the serial typed along
    expect(suggestChassisCodes("S21", catalog)).toHaveLength(5);
    expect(suggestChassisCodes("S21", catalog, 2)).toHaveLength(2);
    expect(suggestChassisCodes("DA63T", catalog)).not.toContain("DA63T");
    expect(suggestChassisCodes("", catalog)).toEqual([]);
    expect(suggestChassisCodes("QQQQQQ", catalog)).toEqual([]);
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["S21", "S211P", 2],
    ["DA63T", "DA36T", 2],
    ["HA4", "HA4", 0],
    ["KT1", "", 3],
  ])("%j to %j is %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
