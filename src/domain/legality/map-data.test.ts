import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import type { IsoDate } from "../units/dates.js";
import { legalityMap, MAP_STATUSES, type MapInput } from "./map-data.js";
import { listStreetLegality } from "./street-legality.js";

const rules = loadFacts().stateRules;
const on = (d: string) => listStreetLegality(rules, d as IsoDate);

const state = (over: Partial<MapInput>): MapInput => ({
  code: "TX",
  name: "Texas",
  status: "restricted",
  confidence: "high",
  maxRoadSpeedMph: 35,
  ...over,
});

describe("the state map's data", () => {
  it("has one region per jurisdiction and legend counts that add up to 51", () => {
    const map = legalityMap(on("2026-11-24"));
    expect(map.regions).toHaveLength(51);
    expect(map.legend.map((l) => l.status)).toEqual(MAP_STATUSES);
    expect(map.legend.reduce((a, l) => a + l.count, 0)).toBe(51);
    expect(map.lowConfidenceCount).toBe(map.regions.filter((r) => r.confidence === "low").length);
  });

  it("marks an unclear status or a low-confidence record as uncertain, and nothing else", () => {
    const [unclear, low, sure] = legalityMap([
      state({ status: "unclear", confidence: "medium" }),
      state({ status: "street_legal", confidence: "low" }),
      state({ status: "prohibited", confidence: "medium" }),
    ]).regions;
    expect(unclear).toMatchObject({ isUncertain: true, isLowConfidence: false });
    expect(low).toMatchObject({ isUncertain: true, isLowConfidence: true });
    expect(sure).toMatchObject({ isUncertain: false, isLowConfidence: false });
  });

  it("names each region with its status, road limit and confidence", () => {
    const [tx, ak] = legalityMap([
      state({}),
      state({ code: "AK", name: "Alaska", status: "unclear", confidence: "low", maxRoadSpeedMph: null }),
    ]).regions;
    expect(tx?.label).toBe(
      "Texas: Street legal with restrictions, roads posted 35 mph or less (confidence high)",
    );
    expect(ak?.label).toBe("Alaska: Unclear (confidence low)");
  });

  it("keeps its key while nothing drawn changes, and changes it when a dated change takes effect", () => {
    expect(legalityMap(on("2026-11-24")).key).toBe(legalityMap(on("2027-06-01")).key);
    // Colorado's HB25-1281 applies from 2028-01-01.
    expect(legalityMap(on("2027-12-31")).key).not.toBe(legalityMap(on("2028-01-01")).key);
  });
});
