import { beforeAll, describe, expect, it } from "vitest";
import { describeEachEngine } from "../../test/db-harness.js";
import type { Listing } from "../db/schema/listings.js";
import { findStateFees } from "../domain/cost/state-charges.js";
import { deliveredChargesFor, deliveredUsdCents } from "../domain/listings/delivered.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { AppError } from "./app-error.js";
import { insertSearchFixture } from "./search.fixture.js";
import { searchListings } from "./search.js";
import { searchWords } from "./search.schema.js";

const facts = loadFacts();
const ctx = { today: "2026-11-24" as IsoDate, jpyPerUsd: 150 };
type Query = Record<string, string | number>;
type Row = Listing;

const delivered = (r: Row, state: string | null) =>
  deliveredUsdCents(r, state ? deliveredChargesFor(findStateFees(facts.stateFees, state)) : null, 150);
const yearBucket = (y: number) => `${y - (y % 5)}-${y - (y % 5) + 4}`;

describe("searchWords", () => {
  it("keeps letters and digits, lower-cased; drops tsquery syntax; caps count and length", () => {
    expect(searchWords("  Cary & (DA63T:*) | !acty's ")).toEqual(["cary", "da63t", "acty", "s"]);
    expect(searchWords("a b c d e f g h i j")).toHaveLength(8);
    expect(searchWords("x".repeat(60))).toEqual(["x".repeat(40)]);
    expect(searchWords("&|!():*<>'\\")).toEqual([]);
  });
});

describeEachEngine("listing search", (getDb) => {
  let active: Row[] = [];
  const search = (q: Query = {}) => searchListings(getDb(), facts, { pageSize: 100, ...q }, ctx);
  const idsOf = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  const expectMatches = async (q: Query, keep: (r: Row) => boolean) => {
    const res = await search(q);
    const expected = idsOf(active.filter(keep));
    expect(res.total, JSON.stringify(q)).toBe(expected.length);
    expect(idsOf(res.items), JSON.stringify(q)).toEqual(expected);
    return res;
  };

  beforeAll(async () => {
    active = (await insertSearchFixture(getDb())).filter((r) => r.status === "active");
  });

  it("returns every active listing, newest first, without filters", async () => {
    const res = await expectMatches({}, () => true);
    expect(active.length).toBe(52);
    expect(res).toMatchObject({ page: 1, pageSize: 100, sort: "newest", viewerState: null, legality: null });
  });

  it.each<[Query, (r: Row) => boolean]>([
    [{ make: "Suzuki" }, (r) => r.make === "Suzuki"],
    [{ make: "suzuki" }, (r) => r.make === "Suzuki"],
    [{ model: "Carry Truck" }, (r) => r.model === "Carry Truck"],
    [{ make: "Suzuki", model: "carry" }, (r) => r.model === "Carry"],
    [{ chassisCode: "da63t" }, (r) => r.chassisCode === "DA63T"],
    [{ make: "Tesla" }, () => false],
    [{ drive: "4WD" }, (r) => r.drive === "4WD"],
    [{ bed: "dump" }, (r) => r.bedType === "dump"],
    [{ transmission: "manual" }, (r) => r.transmission === "manual"],
    [{ location: "jp" }, (r) => r.location === "jp"],
    [{ state: "tx" }, (r) => r.usState === "TX"],
    [{ yearMin: 1995 }, (r) => (r.year ?? 0) >= 1995],
    [{ yearMax: "1995" }, (r) => r.year !== null && r.year <= 1995],
    [{ mileageMaxKm: 60_000 }, (r) => r.mileageKm !== null && r.mileageKm <= 60_000],
    [{ priceMinUsd: 5000 }, (r) => (r.landedUsdCents ?? 0) >= 500_000],
    [{ priceMaxUsd: "4000.5" }, (r) => (r.landedUsdCents ?? 0) <= 400_050],
    [
      { eligibleOn: "2020-06-01" },
      (r) => r.location === "us" || (r.eligibleFrom !== null && r.eligibleFrom <= "2020-06-01"),
    ],
  ])("filters by %j", async (q, keep) => {
    await expectMatches(q, keep);
  });

  it("combines filters", async () => {
    await expectMatches(
      { make: "Suzuki", location: "us", yearMin: 1990, yearMax: 2004, transmission: "automatic" },
      (r) =>
        r.make === "Suzuki" &&
        r.location === "us" &&
        r.year! >= 1990 &&
        r.year! <= 2004 &&
        r.transmission === "automatic",
    );
    await expectMatches(
      { q: "dump", drive: "2WD", mileageMaxKm: 150_000, eligibleOn: "2024-01-01" },
      (r) =>
        r.bedType === "dump" &&
        r.drive === "2WD" &&
        r.mileageKm !== null &&
        r.mileageKm <= 150_000 &&
        (r.location === "us" || (r.eligibleFrom !== null && r.eligibleFrom <= "2024-01-01")),
    );
  });

  it.each<[string, (r: Row) => boolean]>([
    ["cary", (r) => r.model.startsWith("Carry")],
    ["hijett", (r) => r.model === "Hijet Truck"],
    ["acty", (r) => r.model === "Acty Truck"],
    // Trigram similarity finds DA63T and its neighbour DA62T; DG63T is too far.
    ["da63", (r) => r.chassisCode === "DA63T" || r.chassisCode === "DA62T"],
    ["SUZUKI carry dump", (r) => r.make === "Suzuki" && r.bedType === "dump"],
    ["suzki", (r) => r.make === "Suzuki"],
    ["cary & (:* | !", (r) => r.model.startsWith("Carry")],
    ["&&& !!!", () => true],
    ["zzzzqq", () => false],
    // What trigrams miss: a swapped pair of letters, and Japanese names (model-names.json).
    ["hijte", (r) => r.model === "Hijet Truck"],
    ["キャリイ", (r) => r.model.startsWith("Carry")],
    ["ハイゼット dump", (r) => r.model === "Hijet Truck" && r.bedType === "dump"],
    ["スズキ", (r) => r.make === "Suzuki"],
  ])("finds text with typos: q=%j", async (q, keep) => {
    await expectMatches({ q }, keep);
  });

  it("ranks whole-word text matches before typo matches under relevance (the default with q)", async () => {
    const res = await search({ q: "da63t" });
    expect(res.sort).toBe("relevance");
    const codes = res.items.map((i) => i.chassisCode);
    const firstTypo = codes.findIndex((c) => c !== "DA63T");
    expect(firstTypo).toBe(active.filter((r) => r.chassisCode === "DA63T").length);
    // Typo matches: the neighbouring codes DA62T and DG63T (trigram similarity), never DA63T again.
    expect(new Set(codes.slice(firstTypo))).toEqual(new Set(["DA62T", "DG63T"]));
    const created = res.items.slice(0, firstTypo).map((i) => i.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it.each<Query>([
    {},
    { make: "Suzuki" },
    { q: "carry" },
    { location: "jp", bed: "standard" },
    { legalIn: "TX", yearMax: 1999 },
  ])("counts facets over the filtered results: %j", async (q) => {
    const res = await search(q);
    const expected: Record<string, Record<string, number>> = {};
    const add = (facet: string, value: string | null) => {
      if (value === null) return;
      expected[facet] ??= {};
      expected[facet][value] = (expected[facet][value] ?? 0) + 1;
    };
    for (const i of res.items) {
      add("make", i.make);
      add("model", i.model);
      add("drive", i.drive);
      add("bed", i.bedType);
      add("transmission", i.transmission);
      add("location", i.location);
      add("state", i.usState);
      add("year", i.year === null ? null : yearBucket(i.year));
      add("deal", i.dealRating);
    }
    const got = Object.fromEntries(
      Object.entries(res.facets)
        .filter(([, values]) => values.length > 0)
        .map(([facet, values]) => [facet, Object.fromEntries(values.map((v) => [v.value, v.count]))]),
    );
    expect(got).toEqual(expected);
    expect(res.facets.location.reduce((n, v) => n + v.count, 0)).toBe(res.total);
    for (const values of Object.values(res.facets)) expect(values.every((v) => v.count > 0)).toBe(true);
    expect(res.facets.year.map((v) => v.value)).toEqual([...res.facets.year.map((v) => v.value)].sort());
  });

  it("returns nothing, and says why, where kei trucks may not be on the road", async () => {
    for (const state of ["GA", "CA"]) {
      const res = await search({ legalIn: state });
      expect(res.total).toBe(0);
      expect(res.items).toEqual([]);
      expect(res.legality).toMatchObject({ state, excludesAll: true });
      expect(["prohibited", "offroad_only"]).toContain(res.legality?.status);
      expect(res.legality?.summary.length).toBeGreaterThan(10);
    }
  });

  it("returns everything where they are street legal, with the restrictions, on the date asked", async () => {
    const tx = await search({ legalIn: "tx" });
    expect(tx.total).toBe(active.length);
    expect(tx.legality).toMatchObject({ state: "TX", status: "street_legal", excludesAll: false });
    // Colorado allows them from 2028-01-01 (a dated change in the state rules).
    expect((await search({ legalIn: "CO", eligibleOn: "2027-12-31" })).total).toBe(0);
    const co = await search({ legalIn: "CO", eligibleOn: "2028-06-01" });
    expect(co.legality).toMatchObject({ status: "restricted", on: "2028-06-01" });
    expect(co.legality?.restrictions.length).toBeGreaterThan(0);
    expect(co.total).toBe(
      active.filter((r) => r.location === "us" || (r.eligibleFrom ?? "9") <= "2028-06-01").length,
    );
  });

  it("prices delivered to the viewer's state, and says what that includes", async () => {
    const res = await search({ viewerState: "SC" });
    expect(res.viewerState).toBe("SC");
    for (const item of res.items) {
      const row = active.find((r) => r.id === item.id)!;
      expect(item.deliveredUsd).toBe(delivered(row, "SC")! / 100);
    }
    expect(res.deliveredIncludes.join(" ")).toMatch(/motor vehicle tax/);
    const none = await search();
    expect(none.items.every((i) => i.deliveredUsd === i.priceUsd)).toBe(true);
    expect(none.deliveredExcludes[0]).toMatch(/no state/);
    expect((await search({ legalIn: "TX", viewerState: "SC" })).viewerState).toBe("TX");
  });

  it("filters on the delivered price when there is a viewer state", async () => {
    await expectMatches({ viewerState: "TX", priceMaxUsd: 6000 }, (r) => delivered(r, "TX")! <= 600_000);
    await expectMatches({ viewerState: "OR", priceMinUsd: 7000 }, (r) => delivered(r, "OR")! >= 700_000);
  });

  it("presents items in the public shape", async () => {
    const res = await search({ chassisCode: "HA4", location: "us" });
    const item = res.items[0]!;
    const row = active.find((r) => r.id === item.id)!;
    expect(item).toMatchObject({
      title: row.title,
      make: "Honda",
      chassisCode: "HA4",
      generation: row.generationLabel,
      priceUsd: row.priceUsdCents! / 100,
      priceJpy: null,
      mileageMi: row.mileageKm === null ? null : Math.round(row.mileageKm / 1.609344),
      createdAt: row.createdAt.toISOString(),
    });
    const withPhoto = (await search()).items.find((i) => i.photo !== null)!;
    expect(withPhoto.photo).toBe(`listings/${withPhoto.id}/p0`);
    const jp = (await search({ location: "jp" })).items[0]!;
    expect(jp.priceUsd).toBe(active.find((r) => r.id === jp.id)!.landedUsdCents! / 100);
  });

  const nullsLast = (a: number | null, b: number | null, dir = 1) =>
    a === null ? (b === null ? 0 : 1) : b === null ? -1 : (a - b) * dir;
  const dealRank = (r: Row) => ["great", "good", "fair", "high"].indexOf(r.dealRating ?? "") >>> 0;
  const ORDERS: Record<string, (a: Row, b: Row) => number> = {
    newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime(),
    price: (a, b) => nullsLast(a.landedUsdCents, b.landedUsdCents),
    price_desc: (a, b) => nullsLast(a.landedUsdCents, b.landedUsdCents, -1),
    delivered: (a, b) => nullsLast(delivered(a, "VA"), delivered(b, "VA")),
    year: (a, b) => nullsLast(a.year, b.year),
    year_desc: (a, b) => nullsLast(a.year, b.year, -1),
    mileage: (a, b) => nullsLast(a.mileageKm, b.mileageKm),
    deal: (a, b) =>
      dealRank(a) - dealRank(b) ||
      nullsLast(
        a.fairPriceCents === null ? null : a.landedUsdCents! - a.fairPriceCents,
        b.fairPriceCents === null ? null : b.landedUsdCents! - b.fairPriceCents,
      ),
  };

  it.each(Object.keys(ORDERS))("sorts by %s, ties broken by id descending", async (sort) => {
    const res = await search({ sort, viewerState: "VA" });
    const expected = [...active].sort((a, b) => ORDERS[sort]!(a, b) || b.id - a.id).map((r) => r.id);
    expect(res.items.map((i) => i.id)).toEqual(expected);
  });

  it("pages through the same order, with the total on every page", async () => {
    const all = (await search({ sort: "price" })).items.map((i) => i.id);
    const seen: number[] = [];
    for (let page = 1; page <= 9; page++) {
      const res = await search({ sort: "price", page, pageSize: 7 });
      expect(res.total).toBe(52);
      expect(res.items.length).toBe(Math.max(0, Math.min(7, 52 - (page - 1) * 7)));
      seen.push(...res.items.map((i) => i.id));
    }
    expect(seen).toEqual(all);
    const defaults = await searchListings(getDb(), facts, {}, ctx);
    expect(defaults.items).toHaveLength(24);
  });

  it.each<[Query, string]>([
    [{ colour: "red" }, "colour"],
    [{ state: "ZZ" }, "state"],
    [{ legalIn: "ZZ" }, "legalIn"],
    [{ viewerState: "QQ" }, "viewerState"],
    [{ yearMin: 2000, yearMax: 1990 }, "yearMin"],
    [{ pageSize: 1000 }, "pageSize"],
    [{ sort: "cheapest" }, "sort"],
  ])("refuses %j with invalid_input", async (q, field) => {
    const err = await search(q).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "invalid_input", field });
  });
});
