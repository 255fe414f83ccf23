import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/db-harness.js";
import { findStateFees } from "../../domain/cost/state-charges.js";
import { deliveredChargesFor, deliveredUsdCents } from "../../domain/listings/delivered.js";
import { loadFacts } from "../../facts/load.js";
import { FIXTURE_SIZE, insertSearchFixture } from "../../services/search.fixture.js";
import { queryRows } from "../client.js";
import { listings } from "../schema/listings.js";
import type { DeliveredParams } from "./search-delivered.js";
import { deliveredCentsSql } from "./search-delivered.js";
import { facetSql, type SortKey, sortKeys } from "./search-filters.js";
import { keyOrderSql, sortKeySelect } from "./search-page.js";
import { resolveTerms } from "./search-terms.js";

const facts = loadFacts();
const codes = { chassisCodes: facts.catalog.map((e) => e.chassisCode) };
// A flat-rate state, a capped one, one with a minimum, unknown title/registration, an unknown rate,
// no sales tax, extra fees, a registration range.
const STATES = ["TX", "SC", "VA", "CA", "DC", "OR", "FL", "AL", "MN"];
const NO_STATE: DeliveredParams = { charges: null, jpyPerUsd: 150 };
const chargesIn = (code: string) => deliveredChargesFor(findStateFees(facts.stateFees, code));

describeEachEngine("search repository", (getDb) => {
  beforeAll(async () => {
    await insertSearchFixture(getDb());
    // Extreme yen prices: a few yen, and past a billion (beyond bigint once scaled: numeric must carry it).
    await getDb()
      .insert(listings)
      .values(
        [3, 29_471, 1_000_000_007].map((priceJpy) => ({
          sellerId: 1,
          location: "jp" as const,
          title: "Edge",
          make: "Honda",
          model: "Acty Truck",
          priceJpy,
          landedUsdCents: 99_999,
        })),
      );
  });

  it.each([150, 147.35, 133.3333])(
    "computes the delivered price in SQL exactly as the pure rule (%s JPY/USD)",
    async (jpyPerUsd) => {
      let compared = 0;
      for (const code of [null, ...STATES]) {
        const charges = code ? deliveredChargesFor(findStateFees(facts.stateFees, code)) : null;
        const rows = await queryRows<Record<string, unknown>>(
          getDb(),
          sql`select ${listings.location} as location, ${listings.priceUsdCents}::text as usd,
          ${listings.priceJpy}::text as jpy, ${listings.landedUsdCents}::text as landed,
          (${deliveredCentsSql({ charges, jpyPerUsd })})::text as delivered
        from ${listings} order by ${listings.id}`,
        );
        expect(rows.length).toBe(FIXTURE_SIZE + 3);
        for (const r of rows) {
          const listing = {
            location: r.location as "us" | "jp",
            priceUsdCents: r.usd === null ? null : Number(r.usd),
            priceJpy: r.jpy === null ? null : Number(r.jpy),
            landedUsdCents: r.landed === null ? null : Number(r.landed),
          };
          const expected = deliveredUsdCents(listing, charges, jpyPerUsd);
          expect(r.delivered === null ? null : Number(r.delivered), `${code} ${JSON.stringify(r)}`).toBe(
            expected,
          );
          compared++;
        }
      }
      expect(compared).toBe((FIXTURE_SIZE + 3) * (STATES.length + 1));
    },
  );

  it("finds the stored values a typo names, per word", async () => {
    const terms = await resolveTerms(getDb(), ["cary", "hijett", "da63", "zzzz"], {}, codes);
    const [cary, hijett, da63, none] = terms.words;
    expect(cary?.pairs).toEqual(
      expect.arrayContaining([
        ["Suzuki", "Carry"],
        ["Suzuki", "Carry Truck"],
      ]),
    );
    expect(cary?.pairs.every(([make]) => make === "Suzuki")).toBe(true);
    expect(hijett?.pairs).toEqual([["Daihatsu", "Hijet Truck"]]);
    // DA63T starts with "da63": the full-text prefix match finds it, so only the typo neighbours remain.
    expect(da63?.chassisCodes).toContain("DA62T");
    expect(da63?.chassisCodes).not.toContain("DA63T");
    expect(none).toEqual({ word: "zzzz", pairs: [], chassisCodes: [] });
    expect(terms.pairs).toBeNull();
    expect(terms.chassisCodes).toBeNull();
  });

  it("leaves out values the full-text prefix match already finds", async () => {
    const terms = await resolveTerms(getDb(), ["hijet", "carr", "suzuki"], {}, codes);
    expect(terms.words.map((w) => w.pairs)).toEqual([[], [], []]);
  });

  it("resolves make, model and chassis-code filters in any letter case to the stored values", async () => {
    const exact = { make: "suzuki", model: "CARRY TRUCK", chassisCode: "da63t" };
    const terms = await resolveTerms(getDb(), [], exact, codes);
    expect(terms.pairs).toEqual([["Suzuki", "Carry Truck"]]);
    expect(terms.chassisCodes).toEqual(["DA63T"]);
    expect((await resolveTerms(getDb(), [], { make: "Tesla" }, codes)).pairs).toEqual([]);
  });

  it("writes the facet filter as the indexed expression, so the planner can use the index", async () => {
    const where = facetSql({ words: [], drive: "4WD", location: "us" });
    const plan = await getDb().transaction(async (tx) => {
      // The test table is small enough that a sequential scan would win; this asks what else could.
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await queryRows<{ "QUERY PLAN": string }>(
        tx,
        sql`explain select id from ${listings} where ${where!}`,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("listings_facet_tokens_idx");
  });

  // Each sort reads a page of a broad search off its own index (schema/listings.ts, search-page.ts):
  // the index must give exactly the sort's order, nulls and the id tie-break included, or PostgreSQL
  // sorts every match instead. With sorting and sequential scans off, only a matching index avoids a Sort.
  it.each<[SortKey, string, DeliveredParams]>([
    ["newest", "listings_active_newest_idx", NO_STATE],
    ["days_on_market", "listings_active_oldest_idx", NO_STATE],
    ["price", "listings_active_landed_idx", NO_STATE],
    ["price_desc", "listings_active_landed_desc_idx", NO_STATE],
    ["year", "listings_active_year_idx", NO_STATE],
    ["year_desc", "listings_active_year_desc_idx", NO_STATE],
    ["mileage", "listings_active_mileage_idx", NO_STATE],
    ["price_drop", "listings_active_price_drop_idx", NO_STATE],
    ["deal", "listings_active_deal_idx", NO_STATE],
    // Oregon has no sales tax: delivered is landed plus the same fees, so the landed index serves it.
    ["delivered", "listings_active_landed_idx", { charges: chargesIn("OR"), jpyPerUsd: 150 }],
  ])("reads the %s sort off %s", async (sort, index, delivered) => {
    const keys = sortKeys(sort, { words: [] }, delivered);
    const plan = await getDb().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local enable_incremental_sort = off`);
      const rows = await queryRows<{ "QUERY PLAN": string }>(
        tx,
        sql`explain select ${listings.id} as id, ${sortKeySelect(keys)} from ${listings}
          where ${listings.status} = 'active' order by ${keyOrderSql(keys)} limit 24`,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain(index);
    expect(plan).not.toMatch(/\bSort\b/);
  });

  it("asks nothing when there is nothing to resolve", async () => {
    expect(await resolveTerms(getDb(), [], {}, codes)).toEqual({
      words: [],
      pairs: null,
      chassisCodes: null,
    });
  });
});
