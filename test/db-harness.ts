// Runs a test suite on both engines the app supports: a fresh in-memory PGlite and a fresh database
// on a real PostgreSQL server, both migrated. The server is required: when it is unreachable the
// PostgreSQL tests fail with a message saying so; they never skip (CI must prove both engines).
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe } from "vitest";
import {
  type Database,
  type DatabaseKind,
  type Db,
  openDatabase,
  PGLITE_EXTENSIONS,
  pgliteDatabase,
  queryRows,
} from "../src/db/client.js";
import { MIGRATIONS_FOLDER, migrate } from "../src/db/migrate.js";
import {
  alertDeliveries,
  appSettings,
  auditLog,
  comments,
  emailConfirmations,
  listingEvents,
  listingPhotos,
  listingPrices,
  listings,
  lotBatches,
  lotResults,
  mailJobs,
  passwordResets,
  rateLimits,
  reports,
  reviews,
  savedSearches,
  sessions,
  users,
  watches,
} from "../src/db/schema/index.js";
import { ident, tablesInFkOrder } from "../src/db/tables.js";

export const ENGINES: readonly DatabaseKind[] = ["pglite", "postgres"];

/** The server the PostgreSQL suites create their databases on (any database there will do). */
// The one read of process.env outside src/config: test-only, so it stays out of the app's Config.
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase {
  kind: DatabaseKind;
  database: Database;
  db: Db;
  /** postgres://… of the database, on PostgreSQL (for a child process such as the CLI). */
  url?: string;
  /** Closes it, and on PostgreSQL drops the database. */
  dispose(): Promise<void>;
}

/** A fresh database of its own; migrated unless `migrated: false`. */
export async function createTestDatabase(
  kind: DatabaseKind,
  { migrated = true }: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  if (kind === "postgres") return createServerDatabase(migrated);
  const database = migrated
    ? pgliteDatabase(
        await PGlite.create({ loadDataDir: await migratedPgliteImage(), extensions: PGLITE_EXTENSIONS }),
        "memory://",
      )
    : await openDatabase({ dataDir: "memory://" });
  return { kind, database, db: database.db, dispose: () => database.close() };
}

async function createServerDatabase(migrated: boolean): Promise<TestDatabase> {
  const name = `keiyard_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${ident(name)}`);
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: "unused" });
  const dispose = async () => {
    await database.close();
    await adminQuery(`drop database if exists ${ident(name)} with (force)`);
  };
  try {
    if (migrated) await migrate(database);
  } catch (e) {
    await dispose();
    throw e;
  }
  return { kind: "postgres", database, db: database.db, url: url.toString(), dispose };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (e) {
    const reason = (e as Error).message || (e as { code?: string }).code || String(e);
    throw new Error(
      `PostgreSQL test server unreachable at ${TEST_SERVER_URL} (${reason}). Start PostgreSQL (.ci/run does) or set TEST_DATABASE_URL; these tests never skip.`,
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let imagePromise: Promise<Blob> | undefined;

/**
 * A migrated PGlite data folder as a tarball. initdb + migrate costs seconds per instance, while
 * loading a snapshot costs a fraction of that; the snapshot is cached in the OS temp folder, keyed
 * by the migrations and the PGlite version, and shared by every test file and run.
 */
function migratedPgliteImage(): Promise<Blob> {
  imagePromise ??= (async () => {
    const file = join(tmpdir(), `keiyard-pglite-${imageKey()}.tar`);
    const cached = await readFile(file).catch(() => undefined);
    if (cached) return new Blob([cached]);
    const database = await openDatabase({ dataDir: "memory://" });
    try {
      if (database.kind !== "pglite") throw new Error("expected PGlite");
      await migrate(database);
      const image = await database.client.dumpDataDir("none");
      const partial = `${file}.${process.pid}-${randomBytes(4).toString("hex")}`;
      await writeFile(partial, Buffer.from(await image.arrayBuffer()));
      await rename(partial, file);
      return image;
    } finally {
      await database.close();
    }
  })();
  return imagePromise;
}

function imageKey(): string {
  const hash = createHash("sha256");
  hash.update(readFileSync(new URL("../node_modules/@electric-sql/pglite/package.json", import.meta.url)));
  for (const name of readdirSync(MIGRATIONS_FOLDER).sort()) {
    if (name.endsWith(".sql")) hash.update(name).update(readFileSync(join(MIGRATIONS_FOLDER, name)));
  }
  hash.update(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json")));
  return hash.digest("hex").slice(0, 16);
}

export interface EngineHandle {
  kind: DatabaseKind;
  getDatabase(): Database;
}

/**
 * `describeEachEngine("listings repo", (getDb) => { it(...) })` defines the suite twice, as
 * "listings repo [pglite]" and "listings repo [postgres]", each on its own fresh migrated database
 * shared by the suite's tests (call `truncateAll(getDb())` in a beforeEach for isolation).
 */
export function describeEachEngine(name: string, suite: (getDb: () => Db, engine: EngineHandle) => void) {
  for (const kind of ENGINES) {
    describe(`${name} [${kind}]`, () => {
      let current: TestDatabase | undefined;
      let failure: unknown;
      beforeAll(async () => {
        try {
          current = await createTestDatabase(kind);
        } catch (e) {
          // Kept, and thrown by getDb(): every test then fails with the reason instead of skipping.
          failure = e;
        }
      }, 120_000);
      afterAll(async () => {
        await current?.dispose();
      });
      const getDatabase = () => {
        if (!current) throw failure ?? new Error("the test database is not open yet (use it inside a test)");
        return current.database;
      };
      suite(() => getDatabase().db, { kind, getDatabase });
    });
  }
}

/** Empties every table and restarts the ids at 1. */
export async function truncateAll(db: Db): Promise<void> {
  const names = tablesInFkOrder().map((t) => ident(t.name));
  await db.execute(sql.raw(`truncate ${names.join(", ")} restart identity cascade`));
}

/**
 * A few rows in every table, with the awkward values a dump must carry: nulls, jsonb, unicode,
 * dates, both currencies, and a bigint past 2^53 (written in SQL, beyond a JS number's precision).
 */
export async function insertSampleRows(db: Db): Promise<void> {
  const [seller, buyer] = await db
    .insert(users)
    .values([
      {
        email: "Dealer@Example.com",
        passwordHash: "x",
        displayName: "Kei Yard Motors",
        role: "seller",
        emailConfirmedAt: new Date("2026-01-02T03:04:05.678Z"),
      },
      { email: "buyer@example.com", passwordHash: "y", displayName: 'Zoë "Q" O\'Neil', homeState: "VT" },
    ])
    .returning();
  await db
    .insert(sessions)
    .values({ id: "a".repeat(64), userId: buyer!.id, expiresAt: new Date("2031-01-02T03:04:05.678Z") });
  const [us, jp] = await db
    .insert(listings)
    .values([
      {
        sellerId: seller!.id,
        location: "us",
        title: "1994 Suzuki Carry 4x4",
        make: "Suzuki",
        model: "Carry",
        chassisCode: "DD51T",
        priceUsdCents: 850_000,
        usState: "VT",
        titleStatus: "clean",
        mileageKm: 41_000,
        eligibleFrom: "2019-05-01",
        drive: "4WD",
        highLowRange: true,
        description: "Dump bed, 軽トラ",
      },
      {
        sellerId: seller!.id,
        location: "jp",
        title: "Honda Acty truck",
        make: "Honda",
        model: "Acty",
        chassisCode: "HA4",
        priceJpy: 320_000,
        jpPort: "Yokohama",
        buildMonth: "1999-03",
        ageEvidence: "build_month",
      },
    ])
    .returning();
  await db.insert(listingPhotos).values([
    { listingId: us!.id, position: 0, storageKey: "photos/1/0.webp", width: 1600, height: 1200 },
    { listingId: us!.id, position: 1, storageKey: "photos/1/1.webp" },
  ]);
  await db.insert(listingEvents).values([
    { listingId: us!.id, kind: "created" },
    { listingId: jp!.id, kind: "price_changed", data: { from: 350_000, to: 320_000, note: "ünïcode ✓" } },
  ]);
  await db.execute(sql`update listings set fair_price_cents = 9007199254740993 where id = ${jp!.id}`);
  // One row in each table of the reputation, watchlist and price-history schema.
  await db.insert(listingPrices).values([
    { listingId: jp!.id, priceJpy: 350_000, at: new Date("2026-10-01T00:00:00Z") },
    { listingId: jp!.id, priceJpy: 320_000, at: new Date("2026-11-01T00:00:00Z") },
  ]);
  await db
    .update(listings)
    .set({
      status: "sold",
      soldToId: buyer!.id,
      priceDropPercent: 8.6,
      priceChangedAt: new Date("2026-11-01T00:00:00Z"),
    })
    .where(sql`id = ${us!.id}`);
  const [review] = await db
    .insert(reviews)
    .values({
      listingId: us!.id,
      listingTitle: "1994 Suzuki Carry 4x4",
      sellerId: seller!.id,
      buyerId: buyer!.id,
      rating: 4,
      body: "Good — «très bien»",
    })
    .returning();
  await db
    .insert(reports)
    .values({ subjectKind: "review", subjectId: review!.id, reporterId: seller!.id, reason: "test" });
  await db
    .insert(auditLog)
    .values({ actorId: seller!.id, action: "hide", subjectKind: "review", subjectId: review!.id });
  await db
    .insert(watches)
    .values({ userId: buyer!.id, listingId: jp!.id, seenPriceJpy: 350_000, seenStatus: "active" });
  // ...and in the operational, alert and comment tables.
  const [search] = await db
    .insert(savedSearches)
    .values({ userId: buyer!.id, name: "acty 4WD", query: { q: "acty", drive: "4WD" }, frequency: "daily" })
    .returning();
  const [job] = await db
    .insert(mailJobs)
    .values({
      kind: "alert",
      to: "buyer@example.com",
      subject: "1 new match",
      text: "…",
      headers: { "List-Unsubscribe": "<x>" },
    })
    .returning();
  await db
    .insert(alertDeliveries)
    .values({ savedSearchId: search!.id, listingId: jp!.id, reason: "new", mailJobId: job!.id });
  const [top] = await db
    .insert(comments)
    .values({
      subjectKind: "guide",
      subjectKey: "what-is-a-kei-truck",
      authorId: buyer!.id,
      body: "**Great** guide",
    })
    .returning();
  await db.insert(comments).values({
    subjectKind: "guide",
    subjectKey: "what-is-a-kei-truck",
    parentId: top!.id,
    authorId: seller!.id,
    body: "Thanks",
  });
  await db
    .insert(passwordResets)
    .values({ id: "b".repeat(64), userId: buyer!.id, expiresAt: new Date("2030-01-01T00:00:00Z") });
  await db
    .insert(emailConfirmations)
    .values({ id: "d".repeat(64), userId: buyer!.id, expiresAt: new Date("2030-01-01T00:00:00Z") });
  const [batch] = await db
    .insert(lotBatches)
    .values({
      userId: seller!.id,
      fileName: "lots.csv",
      fileSha256: "c".repeat(64),
      options: { to: "TX", arrival: "2027-01-15" },
      optionsKey: "arrival=2027-01-15&to=TX",
      rowCount: 2,
      errorCount: 1,
      summary: { evaluated: 1 },
    })
    .returning();
  await db.insert(lotResults).values([
    { batchId: batch!.id, line: 2, result: { lot: "1234", eligible: true, marginUsd: 1200.5 } },
    { batchId: batch!.id, line: 3, result: { error: { column: "mileage", reason: "not a number: 'abc'" } } },
  ]);
  await db.insert(appSettings).values({ key: "signing_secret", value: "s3cret" });
  await db
    .insert(rateLimits)
    .values({ key: "login:ip:127.0.0.1", windowStart: new Date("2026-11-24T00:00:00Z"), count: 3 });
}

/** Every row of every table as PostgreSQL's JSON text, UTC, ordered by key: equal dumps, equal data. */
export async function snapshotTables(db: Db): Promise<Record<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    const result: Record<string, string[]> = {};
    for (const table of tablesInFkOrder()) {
      const order = table.primaryKey.map(ident).join(", ");
      const rows = await queryRows<{ line: string }>(
        tx,
        sql.raw(
          `select row_to_json(r)::text as line from (select * from ${ident(table.name)} order by ${order}) r`,
        ),
      );
      result[table.name] = rows.map((r) => r.line);
    }
    return result;
  });
}
