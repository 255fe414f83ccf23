// The deal-rating refresh on both engines: read and written a chunk of listings at a time, with a turn of
// the event loop between two statements (on the embedded database a statement holds the app's thread),
// and the same ratings whatever the chunk size.
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../../test/db-harness.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { createMemoryStorage } from "../photos/storage.js";
import { planDealRatings, refreshDealRatings, writeDealRatings } from "./deals.js";
import { seedDemo } from "./seed.js";

interface Rating {
  id: number;
  fair: number | null;
  rating: string | null;
  n: number | null;
}

describeEachEngine("refreshDealRatings", (getDb, engine) => {
  const ratings = async () =>
    (
      (await getDb().execute(
        sql`select id::int, fair_price_cents::int as fair, deal_rating as rating, comparables as n
            from listings order by id`,
      )) as unknown as { rows: Rating[] }
    ).rows;
  const clear = () =>
    getDb().execute(sql`update listings set fair_price_cents = null, deal_rating = null, comparables = null`);

  beforeAll(async () => {
    await seedDemo(engine.getDatabase(), createMemoryStorage(), loadFacts(), {
      count: 120,
      today: "2026-11-24" as IsoDate,
      jpyPerUsd: 150,
    });
  }, 120_000);

  it("gives the same ratings read and written 7 listings at a time as in one chunk", async () => {
    await clear();
    const whole = await refreshDealRatings(engine.getDatabase(), { chunkRows: 10_000 });
    const inOne = await ratings();
    expect(inOne.filter((r) => r.rating !== null).length).toBe(whole.rated);
    expect(whole.rated).toBeGreaterThan(20);
    await clear();
    const chunked = await refreshDealRatings(engine.getDatabase(), { chunkRows: 7 });
    expect(chunked.rated).toBe(whole.rated);
    expect(chunked.fittedOn).toBe(whole.fittedOn);
    expect(await ratings()).toEqual(inOne);
  });

  it("leaves a listing edited after the refresh read it (its edit rated it already)", async () => {
    await clear();
    const plan = await planDealRatings(engine.getDatabase());
    const [edited, other] = plan.ratings.filter((r) => r.rating !== null);
    // A seller's edit between the read and the write: updated_at moves (as updateListingRow moves it).
    await getDb().execute(
      sql`update listings set deal_rating = 'edited', updated_at = now() where id = ${edited!.id}`,
    );
    await writeDealRatings(engine.getDatabase(), plan, { chunkRows: 5 });
    const after = new Map((await ratings()).map((r) => [r.id, r]));
    expect(after.get(edited!.id)!.rating).toBe("edited");
    expect(after.get(other!.id)!.rating).toBe(other!.rating);
    // Every other planned rating was written, microsecond timestamps and all.
    const written = plan.ratings.filter((r) => r.id !== edited!.id);
    expect(written.map((r) => after.get(r.id)!.rating)).toEqual(written.map((r) => r.rating));
  });

  it("refuses a chunk size below 1", async () => {
    await expect(refreshDealRatings(engine.getDatabase(), { chunkRows: 0 })).rejects.toThrow(RangeError);
  });

  it("lets the event loop turn between statements", async () => {
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const listings = (await ratings()).length;
    await refreshDealRatings(engine.getDatabase(), { chunkRows: 7 });
    running = false;
    // At least one turn per page read and per chunk written (active listings are fewer than all).
    expect(turns).toBeGreaterThanOrEqual(Math.floor(listings / 7));
  });
});
