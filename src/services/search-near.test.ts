// Searching near a ZIP, on both engines: the US trucks within the radius, nearest first (ties newest
// first), each with its distance; what cannot be placed is left out; bad questions get a 400 that says
// why. Expected answers are worked out from the fixture with the domain's own distance.
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../../test/db-harness.js";
import type { Listing } from "../db/schema/listings.js";
import { milesBetween, placeZip } from "../domain/geo/zip-distance.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts, zipTableOf } from "../facts/load.js";
import { matchLabel } from "./alerts.js";
import { AppError } from "./app-error.js";
import { insertSearchFixture, UNPLACEABLE_ZIP } from "./search.fixture.js";
import { searchListings } from "./search.js";

const facts = loadFacts();
const table = zipTableOf(facts)!;
const ctx = { today: "2026-11-24" as IsoDate, jpyPerUsd: 150 };
const NASHVILLE_AREA = "37160";

describeEachEngine("listing search near a ZIP", (getDb) => {
  let rows: Listing[] = [];
  beforeAll(async () => {
    rows = await insertSearchFixture(getDb());
  });
  const search = (q: Record<string, string>) =>
    searchListings(getDb(), facts, { pageSize: "100", ...q }, ctx);
  const milesTo = (r: Listing) =>
    milesBetween(placeZip(table, NASHVILLE_AREA)!.at, placeZip(table, r.zip!)!.at);

  /** The fixture's answer: active US trucks with a ZIP that can be placed, within the radius, nearest first. */
  const expected = (within: number) =>
    rows
      .filter((r) => r.status === "active" && r.location === "us" && r.zip && placeZip(table, r.zip))
      .map((r) => ({ r, miles: milesTo(r) }))
      .filter((x) => x.miles <= within)
      .sort(
        (a, b) => a.miles - b.miles || b.r.createdAt.getTime() - a.r.createdAt.getTime() || b.r.id - a.r.id,
      );

  it.each([250, 600, 1000, 3000])(
    "within %i miles: the trucks there, nearest first, with their distance",
    async (within) => {
      const res = await search({ near: NASHVILLE_AREA, withinMiles: String(within) });
      const want = expected(within);
      expect(want.length).toBeGreaterThan(0);
      expect(res.sort).toBe("distance");
      expect(res.total).toBe(want.length);
      expect(res.items.map((i) => i.id)).toEqual(want.map((x) => x.r.id));
      expect(res.items.map((i) => i.distanceMi)).toEqual(want.map((x) => Math.round(x.miles)));
      expect(res.near).toMatchObject({ zip: NASHVILLE_AREA, approximate: false, withinMiles: within });
      expect(res.near?.source.url).toMatch(/census\.gov/);
      // Facets count the same trucks.
      expect(res.facets.location).toEqual([{ value: "us", count: want.length }]);
    },
  );

  it("leaves out Japan listings, trucks without a ZIP and ZIPs it cannot place, even across the country", async () => {
    const res = await search({ near: NASHVILLE_AREA, withinMiles: "3000" });
    const ids = new Set(res.items.map((i) => i.id));
    for (const r of rows.filter((r) => r.location === "jp" || r.zip === null || r.zip === UNPLACEABLE_ZIP))
      expect(ids.has(r.id)).toBe(false);
    expect(rows.some((r) => r.zip === UNPLACEABLE_ZIP && r.status === "active")).toBe(true);
  });

  it("sorts nearest first with words too, and when the form sends its default order", async () => {
    const asks: Record<string, string>[] = [
      { q: "carry" },
      { sort: "relevance" },
      { q: "carry", sort: "relevance" },
    ];
    for (const q of asks) {
      const res = await search({ near: NASHVILLE_AREA, withinMiles: "3000", ...q });
      expect(res.sort).toBe("distance");
      const miles = res.items.map((i) => i.distanceMi!);
      expect(miles).toEqual([...miles].sort((a, b) => a - b));
    }
  });

  it("keeps other sorts and filters, and says the distance on each item", async () => {
    const res = await search({ near: NASHVILLE_AREA, withinMiles: "1000", sort: "price", drive: "4WD" });
    const want = expected(1000).filter((x) => x.r.drive === "4WD");
    expect(res.items.map((i) => i.id).sort()).toEqual(want.map((x) => x.r.id).sort());
    const prices = res.items.map((i) => i.priceUsd!);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    for (const i of res.items) expect(i.distanceMi).not.toBeNull();
    // Without near, no distance.
    expect((await search({})).items.every((i) => i.distanceMi === null)).toBe(true);
    expect((await search({})).near).toBeNull();
  });

  it("an alert mail's line for a match says how far it is", async () => {
    const near = await search({ near: NASHVILLE_AREA, withinMiles: "1000" });
    const first = near.items[0]!;
    expect(matchLabel(first)).toBe(
      `$${first.priceUsd!.toLocaleString("en-US")} · ≈ ${first.distanceMi!.toLocaleString("en-US")} mi away`,
    );
    const plain = (await search({})).items[0]!;
    expect(matchLabel(plain)).not.toMatch(/mi away/);
  });

  it("measures from a ZIP without an area of its own by its first three digits, and says so", async () => {
    const missing = [...Array(100_000).keys()]
      .map((n) => String(n).padStart(5, "0"))
      .find((z) => z.startsWith("37") && !table.zips.has(z) && table.prefixes.has(z.slice(0, 3)))!;
    const res = await search({ near: missing, withinMiles: "3000" });
    expect(res.near).toMatchObject({ zip: missing, approximate: true });
    expect(res.total).toBeGreaterThan(0);
  });

  it.each([
    [{ near: "3716" }, /near: expected a 5-digit ZIP code/],
    [{ near: "00012" }, /near: ZIP 00012 is not one we can place/],
    [{ withinMiles: "50" }, /^withinMiles: needs near/],
    [{ sort: "distance" }, /^sort: distance needs near/],
    [{ near: NASHVILLE_AREA, withinMiles: "0" }, /withinMiles: expected at least 1/],
    [{ near: NASHVILLE_AREA, withinMiles: "3001" }, /withinMiles: expected at most 3,000/],
  ])("refuses %o with a clear reason", async (q, message) => {
    const err = await search(q).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("invalid_input");
    expect((err as AppError).message).toMatch(message);
  });
});
