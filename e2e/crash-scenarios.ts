// What the crash test writes and checks. Listings: sellers create trucks and edit their prices through
// the real forms; every edit sets a price no other write uses, so each acknowledged write can be found.
// A lot-batch save (the importer) becomes one more scenario here: set up a seller, post a batch, ack on
// its 303, and verify that each acknowledged batch is whole and no batch is partly there.

import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { queryRows } from "../src/db/client.js";
import { TRUCK } from "../test/market.js";
import type { CrashScenario } from "./crash.js";
import { HttpClient } from "./http-client.js";

type ListingAck =
  | { kind: "create"; worker: number; id: number; title: string; cents: number }
  | { kind: "edit"; worker: number; id: number; cents: number };

interface ListingSetup {
  cookie: string;
  /** Each writer's latest acknowledged listing (it edits that one). */
  current: Map<number, number>;
}

const EDITS_PER_LISTING = 4;

/** A price in cents that only this writer's nth write uses. */
const priceOf = (worker: number, n: number) => 100_000 + worker * 10_000 + n;

export const listingWrites: CrashScenario<ListingSetup, ListingAck> = {
  name: "listing creates and edits",
  async setup(url) {
    const seller = new HttpClient(url);
    await seller.signUp("crash-seller@example.com", "seller");
    return { cookie: seller.cookieHeader, current: new Map() };
  },
  async write(client, setup, worker, n) {
    client.adopt(setup.cookie);
    const dollars = priceOf(worker, n);
    const id = setup.current.get(worker);
    // A new truck now and then; otherwise the writer reprices its latest one.
    if (id === undefined || n % (EDITS_PER_LISTING + 1) === 0) {
      const title = `Crash truck w${worker} n${n}`;
      const res = await client.post("/sell", { ...TRUCK, title, priceUsd: String(dollars) });
      await res.arrayBuffer();
      const m = /^\/trucks\/(\d+)$/.exec(res.headers.get("location") ?? "");
      if (res.status !== 303 || !m) throw new Error(`create answered ${res.status}`);
      setup.current.set(worker, Number(m[1]));
      return { kind: "create", worker, id: Number(m[1]), title, cents: dollars * 100 };
    }
    const res = await client.post(`/trucks/${id}/edit`, {
      ...TRUCK,
      title: `Crash truck w${worker} (edited)`,
      priceUsd: String(dollars),
    });
    await res.arrayBuffer();
    if (res.status !== 303) throw new Error(`edit answered ${res.status}`);
    return { kind: "edit", worker, id, cents: dollars * 100 };
  },
  async verify(database, acks) {
    const db = database.db;
    // Every acknowledged create is there; every acknowledged edit's price is in its listing's history.
    const prices = await queryRows<{ listing_id: number; cents: number }>(
      db,
      sql`select listing_id::int, price_usd_cents::int as cents from listing_prices`,
    );
    const seen = new Set(prices.map((p) => `${p.listing_id}:${p.cents}`));
    const ids = new Set(
      (await queryRows<{ id: number }>(db, sql`select id::int from listings`)).map((r) => r.id),
    );
    const lost = acks.filter((a) => !ids.has(a.id) || !seen.has(`${a.id}:${a.cents}`));
    expect(lost).toEqual([]);
    // Nothing half-written: each listing has exactly one 'created' event, one price row per price it has
    // had (the first, then one per edit: every edit here changes the price), an 'edited' and a
    // 'price_changed' event per edit, and its current price is the newest row of its history.
    const rows = await queryRows<{
      id: number;
      cents: number;
      created: number;
      edited: number;
      repriced: number;
      history: number;
      newest: number;
    }>(
      db,
      sql`select l.id::int, l.price_usd_cents::int as cents,
            (select count(*)::int from listing_events e where e.listing_id = l.id and e.kind = 'created') as created,
            (select count(*)::int from listing_events e where e.listing_id = l.id and e.kind = 'edited') as edited,
            (select count(*)::int from listing_events e where e.listing_id = l.id and e.kind = 'price_changed') as repriced,
            (select count(*)::int from listing_prices p where p.listing_id = l.id) as history,
            (select p.price_usd_cents::int from listing_prices p where p.listing_id = l.id
              order by p.at desc, p.id desc limit 1) as newest
          from listings l order by l.id`,
    );
    const broken = rows.filter(
      (r) =>
        r.created !== 1 ||
        r.history < 1 ||
        r.edited !== r.history - 1 ||
        r.repriced !== r.history - 1 ||
        r.newest !== r.cents,
    );
    expect(broken).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(new Set(acks.map((a) => a.id)).size);
  },
};

// ---- lot batches -----------------------------------------------------------------------------------

type BatchAck = { batchId: number; rows: number };

/** A lot file of `rows` lots whose lot numbers only this write uses (so no upload repeats another). */
function lotFile(worker: number, n: number, rows: number): string {
  const lines = ["lot_no,chassis_code,year,mileage_km,start_price_jpy"];
  for (let i = 0; i < rows; i++)
    lines.push(`${worker}-${n}-${i},DD51T,${1990 + (i % 8)},${40_000 + i},${150_000 + i}`);
  return `${lines.join("\n")}\n`;
}

export const lotBatchWrites: CrashScenario<{ cookie: string }, BatchAck> = {
  name: "lot-batch saves",
  async setup(url) {
    const seller = new HttpClient(url);
    await seller.signUp("crash-importer@example.com", "seller");
    return { cookie: seller.cookieHeader };
  },
  async write(client, setup, worker, n) {
    client.adopt(setup.cookie);
    const rows = 1500; // more than one insert chunk: a kill can land between two of them
    const form = new FormData();
    form.set("file", new File([lotFile(worker, n, rows)], `w${worker}-${n}.csv`, { type: "text/csv" }));
    form.set("to", "TX");
    form.set("arrival", "2027-01-15");
    const res = await client.request("/importer", { method: "POST", body: form });
    await res.arrayBuffer();
    const m = /^\/importer\/batches\/(\d+)$/.exec(res.headers.get("location") ?? "");
    if (res.status !== 303 || !m) throw new Error(`upload answered ${res.status}`);
    return { batchId: Number(m[1]), rows };
  },
  async verify(database, acks) {
    const batches = await queryRows<{ id: number; row_count: number; saved: number }>(
      database.db,
      sql`select b.id::int, b.row_count, (select count(*)::int from lot_results r where r.batch_id = b.id) as saved
          from lot_batches b`,
    );
    const byId = new Map(batches.map((b) => [b.id, b]));
    // Every acknowledged batch is there with all its rows; no batch anywhere is partly saved.
    expect(acks.filter((a) => byId.get(a.batchId)?.saved !== a.rows)).toEqual([]);
    expect(batches.filter((b) => b.saved !== b.row_count)).toEqual([]);
  },
};
