import { describe, expect, it } from "vitest";
import { FactsError } from "./errors.js";
import { loadFacts, zipTableOf } from "./load.js";
import { parseZipCentroids } from "./zip-centroids.js";

describe("zip-centroids.csv", () => {
  it("holds the 33,791 ZIP areas of the 2021 gazetteer, each once, in the United States and its territories", () => {
    const table = zipTableOf(loadFacts())!;
    expect(table.zips.size).toBe(33_791);
    for (const [zip, p] of table.zips) {
      expect(zip).toMatch(/^\d{5}$/);
      // From American Samoa (14°S) to Alaska's Aleutians, which cross the antimeridian.
      expect(p.lat).toBeGreaterThan(-15);
      expect(p.lat).toBeLessThan(72);
    }
    expect(table.zips.get("10001")).toEqual({ lat: 40.7507, lon: -73.9973 });
  });

  it("refuses a bad line by its number", () => {
    const good = "zip,lat,lon\n10001,40.7507,-73.9973\n";
    expect(parseZipCentroids(good).zips.size).toBe(1);
    expect(() => parseZipCentroids("zip,lat\n")).toThrow(FactsError);
    expect(() => parseZipCentroids(`${good}1002,40.1,-73.2\n`)).toThrow(
      /line 3: expected ZIP,latitude,longitude/,
    );
    expect(() => parseZipCentroids(`${good}10002,95.0,-73.2\n`)).toThrow(/line 3/);
    expect(() => parseZipCentroids(`${good}\n10003,40.0,-73.0\n`)).toThrow(/line 3/);
  });
});
