// A broad search on a big table takes its page off the sort's index and its counts from a sample
// (db/repos/search.repo.ts, search-page.ts). Forced on the small fixture with a 100% sample, that path
// must give exactly what counting every match gives: the same items in the same order on every page,
// for every sort, viewer state and mix of filters, the same total and the same facet counts.
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../../test/db-harness.js";
import { roundEstimate, type SearchTuning } from "../db/repos/search.repo.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { insertSearchFixture } from "./search.fixture.js";
import { searchListings } from "./search.js";
import { SEARCH_SORTS } from "./search.schema.js";

const facts = loadFacts();
const today = "2026-11-24" as IsoDate;
// Estimated whenever anything matches; the sample is the whole table, so its counts are exact. Index
// walks get their usual budget, or one so short that most give up and find the set whole instead.
const ESTIMATED: SearchTuning = { exactLimit: 0, sampleRows: 1e12, minTableRows: 0, walkFactor: 3 };
const SHORT_WALKS: SearchTuning = { ...ESTIMATED, walkFactor: 0.01 };
const EXACT: SearchTuning = { ...ESTIMATED, exactLimit: Number.MAX_SAFE_INTEGER };

// Words with and without typo alternatives ("cary" is only a typo of Carry; "carry" matches as text
// and has alternatives too), facets that split the table, and states with and without a sales tax
// (TX a flat rate, SC a capped one, VA a minimum, OR none).
const QUERIES: Record<string, string>[] = [
  {},
  { q: "carry" },
  { q: "cary" },
  { q: "hijett" },
  { q: "suzuki cary" },
  { location: "us" },
  { location: "jp", viewerState: "TX" },
  { drive: "4WD", viewerState: "SC" },
  { bed: "dump", viewerState: "VA" },
  { yearMin: "1995", viewerState: "OR" },
  { q: "cary", location: "us", viewerState: "TX" },
  { make: "Suzuki", mileageMaxKm: "120000", viewerState: "TX" },
  { q: "truck", priceMaxUsd: "9000", viewerState: "TX" },
  // Distance searches: near Nashville (37160) within 1,000 miles (TX, SC, VA, FL and AL capitals), and
  // within the whole country (a ZIP that cannot be placed stays out).
  { near: "37160", withinMiles: "1000" },
  { near: "37160", withinMiles: "3000", drive: "4WD", viewerState: "TX" },
];
/** The distance sort needs a ZIP: queries without one measure from Nashville across the country. */
const withNear = (q: Record<string, string>) => (q.near ? q : { ...q, near: "37160", withinMiles: "3000" });

describeEachEngine("listing search with estimated counts", (getDb) => {
  beforeAll(async () => {
    await insertSearchFixture(getDb());
    // The sampled path reads the table's size from the planner's statistics.
    await getDb().execute(sql`analyze listings`);
  });

  const run = (q: Record<string, string>, tuning: SearchTuning) =>
    searchListings(getDb(), facts, q, { today, jpyPerUsd: 150, tuning });

  it.each(
    SEARCH_SORTS.flatMap((sort) =>
      // (A distance search has only US trucks: with location=jp it has nothing to compare.)
      QUERIES.filter((q) => sort !== "distance" || q.location !== "jp").map((q) =>
        sort === "distance" ? { ...withNear(q), sort } : { ...q, sort },
      ),
    ),
  )("gives the exact answer's pages, total and facets: %o", async (q) => {
    let compared = 0;
    for (const [page, pageSize] of [
      [1, 5],
      [2, 5],
      [3, 7],
      [1, 100],
    ] as const) {
      const query = { ...q, page: String(page), pageSize: String(pageSize) };
      const exact = await run(query, EXACT);
      expect(exact.countsEstimated).toBe(false);
      for (const tuning of [ESTIMATED, SHORT_WALKS]) {
        const estimated = await run(query, tuning);
        expect(estimated.items.map((i) => i.id)).toEqual(exact.items.map((i) => i.id));
        expect(estimated.items).toEqual(exact.items);
        expect(estimated.total).toBe(exact.total);
        expect(estimated.facets).toEqual(exact.facets);
        // Nothing matching is never "estimated": there is nothing to sample.
        expect(estimated.countsEstimated).toBe(exact.total > 0);
      }
      compared += exact.items.length;
    }
    // Every query here matches something on some page: an empty comparison would prove nothing.
    expect(compared).toBeGreaterThan(0);
  });
});

it("rounds estimates to two significant digits, and leaves small counts alone", () => {
  expect([0, 7, 99, 100, 149, 1234, 1250, 39_557, 99_951].map(roundEstimate)).toEqual([
    0, 7, 99, 100, 150, 1200, 1300, 40_000, 100_000,
  ]);
});
