import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts, zipTableOf } from "../../facts/load.js";
import {
  buildZipTable,
  EARTH_RADIUS_MI,
  type LatLon,
  milesBetween,
  milesBetweenZips,
  placeZip,
  zipsWithin,
} from "./zip-distance.js";

const table = zipTableOf(loadFacts())!;
const at = (zip: string) => placeZip(table, zip)!.at;

describe("milesBetween", () => {
  it("gives the great-circle distances of known pairs", () => {
    // One degree of latitude is 69.09 miles on a sphere of this radius; a quarter meridian 6,218.
    expect(milesBetween({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(
      (EARTH_RADIUS_MI * Math.PI) / 180,
      6,
    );
    expect(milesBetween({ lat: 0, lon: 0 }, { lat: 90, lon: 0 })).toBeCloseTo(
      (EARTH_RADIUS_MI * Math.PI) / 2,
      6,
    );
    // New York (10001) to Beverly Hills (90210): about 2,450 miles in a straight line.
    const coast = milesBetween(at("10001"), at("90210"));
    expect(coast).toBeGreaterThan(2430);
    expect(coast).toBeLessThan(2470);
    // Across the antimeridian the short way: 179°E to 179°W on the equator is two degrees.
    expect(milesBetween({ lat: 0, lon: 179 }, { lat: 0, lon: -179 })).toBeCloseTo(
      (2 * EARTH_RADIUS_MI * Math.PI) / 180,
      6,
    );
  });

  const point = fc.record({
    lat: fc.double({ min: -90, max: 90, noNaN: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
  });
  it("is a distance: zero to itself, symmetric, within half the circumference, and obeys the triangle rule", () => {
    fc.assert(
      fc.property(point, point, point, (a: LatLon, b: LatLon, c: LatLon) => {
        expect(milesBetween(a, a)).toBeCloseTo(0, 6);
        expect(milesBetween(a, b)).toBeCloseTo(milesBetween(b, a), 6);
        expect(milesBetween(a, b)).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_MI + 1e-6);
        expect(milesBetween(a, c)).toBeLessThanOrEqual(milesBetween(a, b) + milesBetween(b, c) + 1e-6);
      }),
    );
  });
});

describe("placeZip", () => {
  it("places a ZIP with its own area exactly, another by its first three digits, and not a ZIP it cannot", () => {
    expect(placeZip(table, "37160")).toMatchObject({ zip: "37160", approximate: false });
    // A ZIP missing from the table whose first three digits are there (a post-office-box ZIP, say).
    const missing = [...Array(100_000).keys()]
      .map((n) => String(n).padStart(5, "0"))
      .find((z) => !table.zips.has(z) && table.prefixes.has(z.slice(0, 3)))!;
    const placed = placeZip(table, missing)!;
    expect(placed.approximate).toBe(true);
    expect(placed.at).toEqual(table.prefixes.get(missing.slice(0, 3)));
    expect(placeZip(table, "00012")).toBeNull();
    expect(placeZip(table, "3716")).toBeNull();
    expect(placeZip(table, "37160-1234")).toBeNull();
  });

  it("gives the miles between two ZIPs, rounded and symmetric, approximate when either is, or null", () => {
    const d = milesBetweenZips(table, "10001", "48602")!;
    expect(d).toEqual({ miles: Math.round(milesBetween(at("10001"), at("48602"))), approximate: false });
    expect(d.miles).toBe(543);
    expect(milesBetweenZips(table, "48602", "10001")).toEqual(d);
    const missing = [...Array(100_000).keys()]
      .map((n) => String(n).padStart(5, "0"))
      .find((z) => !table.zips.has(z) && table.prefixes.has(z.slice(0, 3)))!;
    expect(milesBetweenZips(table, "10001", missing)?.approximate).toBe(true);
    expect(milesBetweenZips(table, "10001", "00012")).toBeNull();
  });

  it("takes a prefix's centre as the mean of its areas", () => {
    const small = buildZipTable([
      ["12301", 40, -70],
      ["12302", 42, -72],
      ["45601", 10, 10],
    ]);
    expect(small.prefixes.get("123")).toEqual({ lat: 41, lon: -71 });
    expect(placeZip(small, "12399")).toEqual({ zip: "12399", at: { lat: 41, lon: -71 }, approximate: true });
  });
});

describe("zipsWithin", () => {
  it("keeps the candidates within the radius, nearest first, and drops what it cannot place", () => {
    const centre = at("37160");
    const candidates = ["37160", "37203", "30303", "10001", "90210", "00012", "37203"];
    const found = zipsWithin(table, centre, 300, candidates);
    expect(found.map((z) => z.zip)).toEqual(["37160", "37203", "37203", "30303"]);
    for (const z of found) expect(z.miles).toBeCloseTo(milesBetween(centre, at(z.zip)), 9);
    expect(found[0]!.miles).toBe(0);
    // The radius is inclusive.
    const atlanta = milesBetween(centre, at("30303"));
    expect(zipsWithin(table, centre, atlanta, ["30303"])).toHaveLength(1);
    expect(zipsWithin(table, centre, atlanta - 0.01, ["30303"])).toHaveLength(0);
  });
});
