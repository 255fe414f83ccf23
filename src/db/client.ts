// Opens the one database the app talks to: embedded PGlite in a folder by default, a PostgreSQL
// server when DATABASE_URL is set. Both hand the rest of the app the same drizzle type (`Db`), so
// repositories, services and tests are written once and run on either engine.
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Config } from "../config/env.js";
import { lockDataDir } from "./data-dir-lock.js";
import { DbError, redactUrl } from "./errors.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;

/**
 * The drizzle instance every repository takes. A transaction (`withTransaction`) is also a `Db`,
 * so a repository function works the same inside and outside one.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

interface DatabaseBase {
  readonly db: Db;
  /** The data folder or the server URL (password removed), for messages. */
  readonly location: string;
  close(): Promise<void>;
}
export type Database =
  | (DatabaseBase & { readonly kind: "pglite"; readonly client: PGlite })
  | (DatabaseBase & { readonly kind: "postgres"; readonly client: pg.Pool });
export type DatabaseKind = Database["kind"];

/** Extensions every PGlite instance loads: the migrations create pg_trgm. */
export const PGLITE_EXTENSIONS = { pg_trgm };

export interface DatabaseOptions {
  /** postgres://… of a server; when unset the embedded database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database, created if missing; `memory://` keeps it in memory. */
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(options.dataDir);
}

export function openDatabaseFromConfig(config: Config): Promise<Database> {
  return openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.KEIYARD_DATA_DIR });
}

/**
 * PGlite runs PostgreSQL in WebAssembly with every page in memory: evaluating an operator on a row costs
 * relatively more, and reaching a page less, than the defaults assume for a native server on disk. At
 * the default cpu_operator_cost the planner filtered 37,000 rows by a full-text test rather than AND two
 * GIN bitmaps: a search for "4wd" with drive 2WD and a standard bed (nothing matches) took 43 ms; at
 * four times the default, 19 ms (the whole search, median of 7, 100,000 listings; docs/scaling.md).
 */
const PGLITE_PLANNER_SETTINGS = "set cpu_operator_cost = 0.01";

async function openPglite(dataDir: string): Promise<Database> {
  const isMemory = dataDir.startsWith("memory://");
  const location = isMemory ? dataDir : resolve(dataDir);
  if (!isMemory) await mkdir(location, { recursive: true });
  const unlock = isMemory ? async () => {} : await lockDataDir(location);
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: location, extensions: PGLITE_EXTENSIONS });
    await client.exec(PGLITE_PLANNER_SETTINGS);
  } catch (e) {
    await unlock();
    throw new DbError(`cannot open the embedded database in ${location}: ${(e as Error).message}`);
  }
  const database = pgliteDatabase(client, location);
  return {
    ...database,
    close: async () => {
      await client.close();
      await unlock();
    },
  };
}

/** Wraps a PGlite instance opened elsewhere (the test harness loads pre-migrated snapshots). */
export function pgliteDatabase(client: PGlite, location: string): Database {
  const db: Db = drizzlePglite({ client, schema });
  return { kind: "pglite", client, db, location, close: () => client.close() };
}

async function openPostgres(url: string): Promise<Database> {
  const location = redactUrl(url);
  const client = new pg.Pool({ connectionString: url });
  // An idle connection that dies (server restart) is dropped by the pool and the next query
  // reconnects; without a listener the 'error' event would crash the process instead.
  client.on("error", () => {});
  try {
    // Fail now with a clear message rather than on the first request.
    await client.query("select 1");
  } catch (e) {
    await client.end();
    throw new DbError(`cannot connect to PostgreSQL at ${location}: ${describe(e)}`);
  }
  const db: Db = drizzlePg({ client, schema });
  return { kind: "postgres", client, db, location, close: () => client.end() };
}

function describe(e: unknown): string {
  if (e instanceof AggregateError) return e.errors.map(describe).join("; ");
  const err = e as { code?: string; message?: string };
  return err.message || err.code || String(e);
}

/**
 * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. Given a
 * `Db` that is already a transaction, it nests as a savepoint.
 */
export function withTransaction<T>(target: Database | Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const db = "kind" in target && "client" in target ? target.db : (target as Db);
  return db.transaction((tx) => fn(tx));
}

/** Rows of a raw SQL query; the two drivers differ in result shape but both carry `rows`. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute<T>(query)) as unknown as { rows: T[] };
  return result.rows;
}
