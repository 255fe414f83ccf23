import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import type { CatalogEntry } from "../../facts/schemas.js";
import { findChassisCode } from "./families.js";
import { countUnknown, productionText, type SpecRow, specRows } from "./specs.js";

const { catalog } = loadFacts();
const rows = (code: string) => specRows(findChassisCode(catalog, code)!);
const get = (list: SpecRow[], label: string) => list.find((r) => r.label === label)!;

describe("specRows", () => {
  it("shows metric values with their US conversion", () => {
    const da71t = rows("DA71T");
    expect(get(da71t, "Payload").value).toEqual({
      kind: "measure",
      metric: 350,
      metricUnit: "kg",
      us: 772,
      usUnit: "lb",
    });
    expect(get(da71t, "Displacement").value).toMatchObject({ metric: 543, us: 33.1, usUnit: "cu in" });
  });

  it("says unknown for null values and empty lists, never a made-up value", () => {
    const da71t = rows("DA71T");
    expect(get(da71t, "Curb weight").value).toEqual({ kind: "unknown" });
    expect(get(da71t, "Transmissions").value).toEqual({ kind: "unknown" });
    expect(get(da71t, "Overall length").value).toEqual({ kind: "unknown" });
    const ta = rows("TA");
    expect(get(ta, "Built").value).toEqual({ kind: "unknown" });
    expect(get(ta, "Drive").value).toEqual({ kind: "unknown" });
    expect(countUnknown(ta)).toBeGreaterThan(10);
  });

  it("flags the values the catalog has not verified", () => {
    const da71t = rows("DA71T");
    expect(get(da71t, "Built").unverified).toBe(true); // productionEnd
    expect(get(da71t, "Drive").unverified).toBe(false);
    const ha8 = rows("HA8");
    expect(get(ha8, "Displacement").unverified).toBe(true);
    expect(get(ha8, "Built").unverified).toBe(true);
    expect(get(rows("DA81T"), "Engine")).toMatchObject({ value: { items: ["F5A"] }, unverified: true });
    // An unknown value is just unknown: there is nothing to verify.
    const da41t = findChassisCode(catalog, "DA41T")!; // displacementCc is unverified
    expect(get(specRows({ ...da41t, displacementCc: null }), "Displacement")).toEqual({
      field: "displacementCc",
      label: "Displacement",
      value: { kind: "unknown" },
      unverified: false,
    });
  });

  it("covers every code with the same rows", () => {
    const labels = rows("DA16T").map((r) => r.label);
    for (const e of catalog) expect(specRows(e).map((r) => r.label)).toEqual(labels);
  });
});

describe("productionText", () => {
  const e = (productionStart: string | null, productionEnd: string | null, inProduction = false) =>
    ({ productionStart, productionEnd, inProduction }) as CatalogEntry;
  it("spells the production window, unknown ends included", () => {
    expect(productionText(e("1999-01", "2001-09"))).toBe("1999-01 to 2001-09");
    expect(productionText(e("2013-08", null, true))).toBe("2013-08 to today (in production)");
    expect(productionText(e(null, "1986-04"))).toBe("unknown to 1986-04");
    expect(productionText(e("1985", null))).toBe("1985 to unknown");
  });
});
