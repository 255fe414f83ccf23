// Applies the committed migrations (src/db/migrations, written by drizzle-kit) with drizzle's own
// migrator for each driver; the SQL files are the same for both engines.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { type Database, type Db, queryRows } from "./client.js";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

// Any fixed number: two app instances starting together must not both run the same migration.
const MIGRATION_LOCK_KEY = 8_337_201_514;

interface JournalEntry {
  tag: string;
  when: number;
}

/** The committed migrations, oldest first (drizzle-kit's meta/_journal.json). */
export function readJournal(): JournalEntry[] {
  const text = readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, "utf8");
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries;
}

/** `migrationsFolder` is for tests that stop at an older release's schema (a copy cut short). */
export async function migrate(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const config = { migrationsFolder };
  if (database.kind === "pglite") {
    // PGlite is one connection in this process: nothing else can race the migration.
    await migratePglite(drizzlePglite({ client: database.client }), config);
    return;
  }
  // A session-level advisory lock needs one connection held for the whole migration.
  const connection = await database.client.connect();
  try {
    await connection.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg({ client: connection }), config);
  } finally {
    await connection.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    connection.release();
  }
}

/**
 * Tags of the migrations applied to this database, oldest first. drizzle records only a hash and
 * the journal's timestamp, so the tag comes from matching timestamps against the journal.
 */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const exists = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists[0]?.present) return [];
  const rows = await queryRows<{ created_at: string }>(
    db,
    sql`select created_at::text as created_at from drizzle.__drizzle_migrations order by created_at`,
  );
  const byWhen = new Map(readJournal().map((e) => [String(e.when), e.tag]));
  return rows.map((r) => byWhen.get(r.created_at) ?? `unknown-${r.created_at}`);
}

/** The newest committed migration's tag: what a fully migrated database is at. */
export function latestMigration(): string {
  const entries = readJournal();
  return entries[entries.length - 1]?.tag ?? "none";
}
