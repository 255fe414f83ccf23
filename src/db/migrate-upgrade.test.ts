// Migrations forward from the previous release's schema, not only from an empty database: a database at
// 0003 (the last release before reputation, alerts and operations), holding rows in that release's
// shape, is migrated to head; every old value must survive, the 0004 backfill must give each listing its
// first price, and the app must work on the result (an edit by the seller records the next price).
// The app first: @hono/zod-openapi must extend zod before any shared input schema is built.
import "../../test/market.js";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../test/db-harness.js";
import { ORIGIN, TRUCK } from "../../test/market.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { createApp } from "../http/app.js";
import { createMemoryStorage } from "../photos/storage.js";
import { type Db, queryRows } from "./client.js";
import { appliedMigrations, MIGRATIONS_FOLDER, migrate, readJournal } from "./migrate.js";

const PREVIOUS_RELEASE = "0003_search_facet_tokens";
const OLD_TABLES = ["users", "sessions", "listings", "listing_photos", "listing_events"];

/** A copy of the migrations folder that ends at `lastTag`: what the previous release shipped. */
function migrationsUpTo(lastTag: string): string {
  const entries = readJournal();
  const end = entries.findIndex((e) => e.tag === lastTag);
  if (end < 0) throw new Error(`no migration ${lastTag}`);
  const kept = entries.slice(0, end + 1);
  const dir = mkdtempSync(join(tmpdir(), "keiyard-migrations-"));
  mkdirSync(join(dir, "meta"));
  for (const e of kept) copyFileSync(join(MIGRATIONS_FOLDER, `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  // The journal's entries as they are (idx, version, when, tag, breakpoints), cut after `lastTag`.
  const journal = { version: "7", dialect: "postgresql", entries: kept };
  writeFileSync(join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  return dir;
}

const SESSION_TOKEN = "upgrade-test-session-token-0123456789abcdef";

/** Rows as the 0003 release wrote them: its columns only, old dates, both currencies, a sold truck. */
async function fillReleaseRows(db: Db) {
  await db.execute(sql`
    insert into users (email, password_hash, display_name, role, seller_kind, home_state, created_at) values
      ('seller@old.example', 'x', 'Old Seller', 'seller', 'dealer', 'TX', '2026-01-02T03:04:05Z'),
      ('buyer@old.example', 'y', 'Zoë Buyer', 'buyer', null, null, '2026-02-03T04:05:06Z')`);
  await db.execute(sql`
    insert into sessions (id, user_id, expires_at) values
      (${createHash("sha256").update(SESSION_TOKEN).digest("hex")}, 1, now() + interval '1 day')`);
  await db.execute(sql`
    insert into listings (seller_id, status, location, title, make, model, chassis_code, drive, price_usd_cents,
        price_jpy, us_state, title_status, mileage_km, description, created_at, updated_at, sold_at) values
      (1, 'active', 'us', '1996 Honda Acty 4WD', 'Honda', 'Acty', 'HA4', '4WD', 850000, null, 'TX', 'clean',
        48000, 'Runs well, 軽トラ', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z', null),
      (1, 'active', 'jp', '1999 Suzuki Carry', 'Suzuki', 'Carry', 'DA52T', '2WD', null, 320000, null, null,
        61000, '', '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z', null),
      (1, 'sold', 'us', '1992 Daihatsu Hijet', 'Daihatsu', 'Hijet', 'S83P', '4WD', 520000, null, 'VT', 'clean',
        90000, 'Sold in spring', '2026-05-01T00:00:00Z', '2026-05-20T00:00:00Z', '2026-05-20T00:00:00Z')`);
  await db.execute(sql`
    insert into listing_photos (listing_id, position, storage_key, width, height) values
      (1, 0, 'listings/1/a', 1600, 1200), (1, 1, 'listings/1/b', null, null)`);
  await db.execute(sql`
    insert into listing_events (listing_id, kind, data, at) values
      (1, 'created', '{}', '2026-03-01T00:00:00Z'),
      (2, 'created', '{}', '2026-04-01T00:00:00Z'),
      (2, 'price_changed', '{"from": {"jpy": 350000}, "to": {"jpy": 320000}}', '2026-04-02T00:00:00Z'),
      (3, 'status_changed', '{"from": "active", "to": "sold"}', '2026-05-20T00:00:00Z')`);
}

/** The release's tables as JSON text, its columns only (so new columns do not count as changes). */
async function releaseData(db: Db, columns: Record<string, string[]>) {
  const out: Record<string, string[]> = {};
  for (const table of OLD_TABLES) {
    const cols = columns[table]!.map((c) => `"${c}"`).join(", ");
    const rows = await queryRows<{ line: string }>(
      db,
      sql.raw(`select row_to_json(r)::text as line from (select ${cols} from "${table}" order by 1) r`),
    );
    out[table] = rows.map((r) => r.line);
  }
  return out;
}

describe.each(ENGINES)("migrating from the previous release [%s]", (kind) => {
  it("keeps every row of 0003, backfills each listing's first price, and the app works on the result", async () => {
    const { database, dispose } = await createTestDatabase(kind, { migrated: false });
    const folder = migrationsUpTo(PREVIOUS_RELEASE);
    try {
      await migrate(database, folder);
      const tags = readJournal().map((e) => e.tag);
      expect(await appliedMigrations(database.db)).toEqual(tags.slice(0, tags.indexOf(PREVIOUS_RELEASE) + 1));
      await fillReleaseRows(database.db);
      const columns: Record<string, string[]> = {};
      for (const table of OLD_TABLES) {
        const rows = await queryRows<{ name: string }>(
          database.db,
          sql`select column_name as name from information_schema.columns
              where table_schema = 'public' and table_name = ${table} and is_generated = 'NEVER'
              order by ordinal_position`,
        );
        columns[table] = rows.map((r) => r.name);
      }
      expect(columns.listings).not.toContain("sold_to_id"); // really the old shape
      const before = await releaseData(database.db, columns);

      await migrate(database);
      expect(await appliedMigrations(database.db)).toEqual(tags);
      expect(await releaseData(database.db, columns)).toEqual(before);

      // 0004: one first price per listing, in its currency, dated when it was listed.
      const prices = await queryRows<{
        listing_id: number;
        usd: number | null;
        jpy: number | null;
        at: string;
      }>(
        database.db,
        sql`select listing_id::int, price_usd_cents::int as usd, price_jpy::int as jpy,
              to_char(at at time zone 'UTC', 'YYYY-MM-DD') as at from listing_prices order by listing_id`,
      );
      expect(prices).toEqual([
        { listing_id: 1, usd: 850000, jpy: null, at: "2026-03-01" },
        { listing_id: 2, usd: null, jpy: 320000, at: "2026-04-01" },
        { listing_id: 3, usd: 520000, jpy: null, at: "2026-05-01" },
      ]);
      const fresh = await queryRows<{ sold_to: number; banned: number }>(
        database.db,
        sql`select (select count(*)::int from listings where sold_to_id is not null or price_changed_at is not null) as sold_to,
                   (select count(*)::int from users where banned_at is not null) as banned`,
      );
      expect(fresh[0]).toEqual({ sold_to: 0, banned: 0 });

      // The app on the upgraded database: pages render, the old session still signs the seller in, and
      // an edit records the next price after the backfilled one.
      const app = createApp({
        facts: loadFacts(),
        today: () => "2026-11-24" as IsoDate,
        market: { database, storage: createMemoryStorage(), jpyPerUsd: 150, secureCookies: false },
      });
      for (const path of ["/trucks", "/trucks/1", "/trucks/3", "/sellers/1"])
        expect((await app.request(`${ORIGIN}${path}`)).status).toBe(200);
      const edit = await app.request(`${ORIGIN}/trucks/1/edit`, {
        method: "POST",
        headers: {
          origin: ORIGIN,
          cookie: `keiyard_session=${SESSION_TOKEN}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ ...TRUCK, priceUsd: "7900" }).toString(),
      });
      expect(edit.status).toBe(303);
      const history = await queryRows<{ usd: number }>(
        database.db,
        sql`select price_usd_cents::int as usd from listing_prices where listing_id = 1 order by at, id`,
      );
      expect(history.map((h) => h.usd)).toEqual([850000, 790000]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await dispose();
    }
  }, 120_000);
});
