import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import type { CatalogEntry } from "../../facts/schemas.js";
import { decodeFrameNumber } from "../catalog/decode.js";
import { conservativeFromMonth } from "../eligibility/fmvss.js";
import { addDays, type IsoDate, isoDate } from "../units/dates.js";
import { DEMO_LABEL, type DemoListing, generateDemoListings, generateDemoSellers } from "./demo.js";
import { demoPriceJpy, demoPriceUsdCents, type PricedTruck } from "./demo-price.js";
import { deriveListing } from "./derive.js";

const facts = loadFacts();
const catalog = facts.catalog;
const stateCodes = facts.stateRules.map((s) => s.code);
const today = isoDate("2026-03-15");
const PORTS = ["Yokohama", "Kobe", "Osaka", "Nagoya", "Kawasaki", "Moji", "Tomakomai"];
const base = { count: 10_000, seed: 42, sellers: 300, catalog, stateCodes, today };
const listings = generateDemoListings(base);

/** "1996" -> "1996-01" as a start, "1996-12" as an end; null stays null. */
const bound = (v: string | null, isEnd: boolean) =>
  v === null || v.length > 4 ? v : `${v}-${isEnd ? "12" : "01"}`;

function insideWindow(e: CatalogEntry, month: string): boolean {
  const start = bound(e.productionStart, false);
  const end = bound(e.productionEnd, true);
  return (start === null || month >= start) && (end === null || month <= end);
}

/** Every broken promise of one listing, as readable strings (empty when it keeps them all). */
function violations(l: DemoListing, day: IsoDate, states: readonly string[]): string[] {
  const out: string[] = [];
  const fail = (what: string) => out.push(`${l.title}: ${what}`);
  if (!l.description.startsWith(`${DEMO_LABEL} `)) fail("no demo label");
  const sentences = l.description.slice(DEMO_LABEL.length).match(/[.!?](\s|$)/g)?.length ?? 0;
  if (sentences < 2 || sentences > 4) fail(`${sentences} sentences after the label`);
  if (!l.title.startsWith(`${l.buildMonth?.slice(0, 4)} ${l.make} `))
    fail("title does not start with year and make");
  if (l.buildMonth === null || l.buildMonth > day.slice(0, 7)) fail("build month missing or after today");
  if (l.mileageKm === null || l.mileageKm < 15_000 || l.mileageKm > 180_000) fail("mileage out of range");
  const windows = catalog.filter((e) => e.make === l.make && e.model === l.model);
  if (l.frameNumber !== null) {
    const d = decodeFrameNumber(l.frameNumber, catalog);
    if (d.kind !== "decoded" || d.entry.make !== l.make || d.entry.model !== l.model)
      fail("frame does not decode");
    else {
      if (!/^\d{6,7}$/.test(d.serial ?? "")) fail("serial is not 6-7 digits");
      if (!insideWindow(d.entry, l.buildMonth ?? "")) fail(`build month outside ${d.chassisCode}'s window`);
      if ((d.entry.drive === "both") !== (l.driveOverride !== null)) fail("drive override mismatch");
    }
  } else if (!windows.some((e) => insideWindow(e, l.buildMonth ?? "")))
    fail("build month outside every window");
  if (l.location === "us") {
    if (l.priceUsdCents === null || l.priceUsdCents < 2500_00 || l.priceUsdCents > 19_000_00)
      fail("US price");
    if ((l.priceUsdCents ?? 1) % 50_00 !== 0) fail("US price not rounded to $50");
    if (l.priceJpy !== null || l.jpPort !== null || l.auctionGrade !== null)
      fail("Japan fields on a US truck");
    if (!states.includes(l.usState ?? "") || !/^\d{5}$/.test(l.zip ?? "")) fail("state or ZIP");
    if (l.titleStatus === null) fail("no title status");
    if (l.buildMonth && conservativeFromMonth(l.buildMonth, facts.importRules) > day)
      fail("under 25 in the US");
  } else {
    if (l.priceJpy === null || l.priceJpy < 120_000 || l.priceJpy > 1_100_000 || l.priceJpy % 1000 !== 0)
      fail("Japan price");
    if (l.priceUsdCents !== null || l.usState !== null || l.zip !== null || l.titleStatus !== null)
      fail("US fields on a Japan truck");
    if (!PORTS.includes(l.jpPort ?? "")) fail("port");
  }
  const derived = deriveListing(l, { facts, today: day, jpyPerUsd: 150 });
  if (derived.make !== l.make || derived.drive === null) fail("derive lost make or drive");
  if ((l.highLowRange || l.diffLock) && derived.drive !== "4WD") fail("hi/lo or diff lock on a 2WD");
  if (l.createdDaysAgo < 0 || l.createdDaysAgo > 120 || l.photoCount < 1 || l.photoCount > 3)
    fail("bookkeeping");
  return out;
}

function share(list: readonly DemoListing[], test: (l: DemoListing) => boolean): number {
  return list.filter(test).length / list.length;
}

describe("generateDemoListings", () => {
  it("is deterministic, and the seed matters", () => {
    const opts = { ...base, count: 500 };
    expect(generateDemoListings(opts)).toEqual(generateDemoListings(opts));
    expect(generateDemoListings({ ...opts, seed: 43 })).not.toEqual(generateDemoListings(opts));
    expect(generateDemoListings({ ...opts, count: 0 })).toEqual([]);
  });

  it("keeps every promise on 10,000 listings (labels, windows, decoding, 25 years, prices, derive)", () => {
    expect(listings).toHaveLength(10_000);
    expect(listings.flatMap((l) => violations(l, today, stateCodes)).slice(0, 10)).toEqual([]);
  });

  it("has the documented shares", () => {
    const close = (actual: number, expected: number, tol = 0.02) =>
      expect(Math.abs(actual - expected)).toBeLessThan(tol);
    close(
      share(listings, (l) => l.location === "us"),
      0.7,
    );
    const makes = { Suzuki: 0.3, Daihatsu: 0.25, Honda: 0.2, Subaru: 0.12, Mitsubishi: 0.1 };
    for (const [make, p] of Object.entries(makes))
      close(
        share(listings, (l) => l.make === make),
        p,
      );
    close(
      share(listings, (l) => !(l.make! in makes)),
      0.03,
      0.01,
    );
    const beds = { standard: 0.75, dump: 0.12, scissor_dump: 0.04, panel: 0.04, other: 0.05 };
    for (const [bed, p] of Object.entries(beds))
      close(
        share(listings, (l) => l.bedType === bed),
        p,
        0.015,
      );
    const conditions = { excellent: 0.15, good: 0.5, fair: 0.28, project: 0.07 };
    for (const [c, p] of Object.entries(conditions))
      close(
        share(listings, (l) => l.condition === c),
        p,
      );
    close(
      share(listings, (l) => l.status === "active"),
      0.9,
    );
    close(
      share(listings, (l) => l.frameNumber !== null),
      0.9,
      0.015,
    );
    const manual = share(listings, (l) => l.transmission === "manual");
    expect(manual).toBeGreaterThan(0.73);
    expect(manual).toBeLessThan(0.85);
    const japan = listings.filter((l) => l.location === "jp");
    close(
      share(japan, (l) => l.auctionGrade !== null),
      0.6,
      0.03,
    );
    close(
      share(japan, (l) => l.ageEvidence === "first_registration"),
      0.33,
      0.03,
    );
    const young = share(japan, (l) => conservativeFromMonth(l.buildMonth!, facts.importRules) > today);
    expect(young).toBeGreaterThan(0.2); // some Japan trucks are not yet eligible: the facet has both
    const fourWd = listings.filter((l) => / 4WD/.test(l.title));
    close(
      share(fourWd, (l) => l.highLowRange),
      0.5,
      0.03,
    );
    const usPrices = listings
      .flatMap((l) => (l.priceUsdCents === null ? [] : [l.priceUsdCents]))
      .sort((a, b) => a - b);
    const median = usPrices[usPrices.length >> 1]!;
    expect(median).toBeGreaterThan(4500_00);
    expect(median).toBeLessThan(8500_00);
  });

  it("puts US trucks mostly where kei trucks are popular", () => {
    const popular = ["TX", "TN", "NC", "GA", "PA", "MO", "FL", "VA", "OH", "MI"];
    expect(share(listings, (l) => popular.includes(l.usState ?? "")) / 0.7).toBeGreaterThan(0.4);
    const only = generateDemoListings({ ...base, count: 300, stateCodes: ["VT", "ME"] });
    expect(new Set(only.flatMap((l) => (l.usState ? [l.usState] : [])))).toEqual(new Set(["VT", "ME"]));
  });

  it("keeps its promises for any seed and any day", () => {
    const day0 = isoDate("2012-01-01");
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 12_000 }), (seed, offset) => {
        const day = addDays(day0, offset);
        const list = generateDemoListings({ ...base, count: 150, seed, today: day });
        expect(list.flatMap((l) => violations(l, day, stateCodes)).slice(0, 5)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it("routes Japan trucks to dealers and US trucks mostly to their seller's state", () => {
    const profiles = generateDemoSellers(100, 7, stateCodes);
    const list = generateDemoListings({ ...base, count: 2000, sellers: 100, sellerProfiles: profiles });
    const seller = (l: DemoListing) => profiles[l.sellerIndex]!;
    expect(list.every((l) => l.location === "us" || seller(l).kind === "dealer")).toBe(true);
    const us = list.filter((l) => l.location === "us");
    expect(share(us, (l) => l.usState === seller(l).homeState)).toBeGreaterThan(0.8);
    expect(() => generateDemoListings({ ...base, sellerProfiles: profiles })).toThrow(RangeError);
  });

  it("never uses a chassis code with neither production bound", () => {
    const unknown = catalog.filter((e) => e.productionStart === null && e.productionEnd === null);
    expect(unknown.length).toBeGreaterThan(0);
    const used = new Set(listings.map((l) => l.frameNumber?.split("-")[0]));
    expect(unknown.filter((e) => used.has(e.framePrefix))).toEqual([]);
  });

  it("makes only Japan listings when no code is old enough to be in the US", () => {
    const young = catalog.filter((e) => e.productionStart !== null && e.productionStart >= "2010");
    const list = generateDemoListings({ ...base, count: 300, catalog: young });
    expect(list.every((l) => l.location === "jp")).toBe(true);
  });

  it("refuses options it cannot honour", () => {
    expect(() => generateDemoListings({ ...base, stateCodes: [] })).toThrow(RangeError);
    expect(() => generateDemoListings({ ...base, sellers: 0 })).toThrow(RangeError);
    expect(() => generateDemoListings({ ...base, count: -1 })).toThrow(RangeError);
    const unknown = catalog.filter((e) => e.productionStart === null && e.productionEnd === null);
    expect(() => generateDemoListings({ ...base, catalog: unknown })).toThrow(RangeError);
  });
});

describe("demo prices (the ground truth)", () => {
  const truck: PricedTruck = {
    make: "Honda",
    age: 28,
    mileageKm: 60_000,
    fourWd: false,
    bedType: "standard",
    condition: "good",
  };
  it("follows the documented formula", () => {
    // $6,900 - 3 x $120 - 60,000 x $0.012 = $5,820
    expect(demoPriceUsdCents(truck, 0)).toBe(5800_00);
    expect(demoPriceUsdCents({ ...truck, fourWd: true, bedType: "dump" }, 0)).toBe(7900_00);
    expect(demoPriceUsdCents({ ...truck, condition: "project", age: 60, mileageKm: 180_000 }, -3)).toBe(
      2500_00,
    );
    expect(demoPriceUsdCents({ ...truck, condition: "excellent" }, 10)).toBe(19_000_00);
    expect(demoPriceJpy({ ...truck, age: 5 }, 0) - demoPriceJpy({ ...truck, age: 6 }, 0)).toBe(18_000);
    expect(demoPriceJpy({ ...truck, age: 40, condition: "project" }, -3)).toBe(120_000);
  });
  it("never pays more for age or mileage", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (age, km, z) => {
          const t = { ...truck, age, mileageKm: km };
          expect(demoPriceUsdCents({ ...t, age: age + 1 }, z)).toBeLessThanOrEqual(demoPriceUsdCents(t, z));
          expect(demoPriceJpy({ ...t, mileageKm: km + 10_000 }, z)).toBeLessThanOrEqual(demoPriceJpy(t, z));
        },
      ),
    );
  });
});

describe("generateDemoSellers", () => {
  const sellers = generateDemoSellers(2000, 1, stateCodes);

  it("is deterministic, and the seed matters", () => {
    expect(generateDemoSellers(50, 3, stateCodes)).toEqual(generateDemoSellers(50, 3, stateCodes));
    expect(generateDemoSellers(50, 4, stateCodes)).not.toEqual(generateDemoSellers(50, 3, stateCodes));
  });

  it("has about a quarter dealers with unique invented names", () => {
    const dealers = sellers.filter((s) => s.kind === "dealer");
    expect(Math.abs(dealers.length / sellers.length - 0.25)).toBeLessThan(0.03);
    expect(new Set(dealers.map((s) => s.dealerName)).size).toBe(dealers.length);
    expect(dealers.every((s) => s.displayName === s.dealerName)).toBe(true);
    expect(sellers.filter((s) => s.kind === "private").every((s) => s.dealerName === null)).toBe(true);
  });

  it("numbers sellers, gives example.com addresses and home states from the list", () => {
    sellers.forEach((s, i) => {
      expect(s.index).toBe(i);
      expect(s.email).toBe(`demo-seller-${i}@example.com`);
      expect(stateCodes).toContain(s.homeState);
      expect(s.displayName.length).toBeGreaterThan(2);
    });
    expect(generateDemoSellers(20, 1, ["WY"]).every((s) => s.homeState === "WY")).toBe(true);
  });
});
