// `keiyard db backup` / `keiyard db restore`: every row of every table, portable between PGlite and
// PostgreSQL (and across machines), in the JSON-lines format of backup-file.ts. Same SQL on both engines.
import { sql } from "drizzle-orm";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  openLineWriter,
  parseBackupHeader,
  parseSectionHeader,
  readLines,
} from "./backup-file.js";
import { type Database, type Db, queryRows } from "./client.js";
import { DbError } from "./errors.js";
import { appliedMigrations } from "./migrate.js";
import { ident, type TableInfo, tablesInFkOrder } from "./tables.js";

export interface BackupSummary {
  file: string;
  migration: string;
  /** Rows per table, in file order. */
  rows: Record<string, number>;
}

const FETCH_SIZE = 500;
// One INSERT per batch: fewer round trips, while a batch's JSON stays a few MB at most.
const INSERT_BATCH_ROWS = 500;
const INSERT_BATCH_CHARS = 4_000_000;

export async function backupDatabase(database: Database, file: string): Promise<BackupSummary> {
  const tables = tablesInFkOrder();
  const writer = openLineWriter(file);
  try {
    // One repeatable-read transaction: every table is read from the same snapshot, so the dump is
    // consistent even while the site keeps writing.
    const summary = await database.db.transaction(
      async (tx) => {
        const migration = (await appliedMigrations(tx)).at(-1);
        if (!migration) throw new DbError("the database is not migrated; nothing to back up");
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          migration,
          engine: database.kind,
          createdAt: new Date().toISOString(),
          tables: tables.map((t) => t.name),
        };
        await writer.write(JSON.stringify(header));
        const rows: Record<string, number> = {};
        for (const table of tables) rows[table.name] = await dumpTable(tx, table, writer.write);
        return { file, migration, rows };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    await writer.commit();
    return summary;
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

async function dumpTable(tx: Db, table: TableInfo, write: (line: string) => Promise<void>) {
  const name = ident(table.name);
  const [count] = await queryRows<{ n: number }>(tx, sql.raw(`select count(*)::int as n from ${name}`));
  const rows = count?.n ?? 0;
  await write(JSON.stringify({ table: table.name, columns: table.columns, rows }));
  const columns = table.columns.map(ident).join(", ");
  const order = table.primaryKey.map(ident).join(", ") || columns;
  // A cursor streams the table in chunks instead of holding it all in memory.
  const cursor = ident(`keiyard_backup_${table.name}`);
  await tx.execute(
    sql.raw(
      `declare ${cursor} no scroll cursor for select row_to_json(r)::text as line from (select ${columns} from ${name} order by ${order}) r`,
    ),
  );
  for (;;) {
    const chunk = await queryRows<{ line: string }>(
      tx,
      sql.raw(`fetch forward ${FETCH_SIZE} from ${cursor}`),
    );
    for (const row of chunk) await write(row.line);
    if (chunk.length < FETCH_SIZE) break;
  }
  await tx.execute(sql.raw(`close ${cursor}`));
  return rows;
}

/**
 * Restores a backup into an empty, migrated database, all in one transaction: either every row is
 * back or nothing changed. Identity sequences then continue after the restored ids.
 */
export async function restoreDatabase(database: Database, file: string): Promise<BackupSummary> {
  const lines = readLines(file);
  try {
    return await restoreLines(database, file, lines);
  } finally {
    // Closes the file when restore stops early.
    await lines.return(undefined);
  }
}

async function restoreLines(database: Database, file: string, lines: AsyncGenerator<string>) {
  const header = parseBackupHeader((await lines.next()).value ?? undefined);
  const tables = new Map(tablesInFkOrder().map((t) => [t.name, t]));
  return database.db.transaction(async (tx): Promise<BackupSummary> => {
    await assertRestorable(tx, header, [...tables.keys()]);
    const rows: Record<string, number> = {};
    let next = await lines.next();
    while (!next.done) {
      const section = parseSectionHeader(next.value);
      const table = tables.get(section.table);
      if (!table) throw new DbError(`the backup has a table this version does not know: ${section.table}`);
      const unknown = section.columns.filter((c) => !table.columns.includes(c));
      if (unknown.length > 0) {
        throw new DbError(
          `the backup's ${section.table} has columns this version lacks: ${unknown.join(", ")}`,
        );
      }
      let batch: string[] = [];
      let chars = 0;
      let restored = 0;
      next = await lines.next();
      while (!next.done && restored + batch.length < section.rows) {
        batch.push(next.value);
        chars += next.value.length;
        if (batch.length >= INSERT_BATCH_ROWS || chars >= INSERT_BATCH_CHARS) {
          restored += await insertRows(tx, table, section.columns, batch);
          batch = [];
          chars = 0;
        }
        next = await lines.next();
      }
      restored += await insertRows(tx, table, section.columns, batch);
      if (restored !== section.rows) {
        throw new DbError(
          `the backup file is truncated: ${section.table} has ${restored} of ${section.rows} rows`,
        );
      }
      rows[section.table] = restored;
    }
    const missing = header.tables.filter((t) => !(t in rows));
    if (missing.length > 0) throw new DbError(`the backup file is truncated: no ${missing.join(", ")}`);
    for (const table of tables.values()) await resetIdentity(tx, table);
    return { file, migration: header.migration, rows };
  });
}

async function assertRestorable(tx: Db, header: BackupHeader, tables: string[]) {
  const applied = await appliedMigrations(tx);
  if (applied.length === 0) throw new DbError("the database is not migrated; run `keiyard db migrate` first");
  if (!applied.includes(header.migration)) {
    throw new DbError(
      `the backup is from schema ${header.migration}, which this database (at ${applied.at(-1)}) does not have; upgrade keiyard first`,
    );
  }
  const counts = tables.map(
    (t) => `select '${t.replaceAll("'", "''")}' as name, count(*)::int as n from ${ident(t)}`,
  );
  const rows = await queryRows<{ name: string; n: number }>(tx, sql.raw(counts.join(" union all ")));
  const occupied = rows.filter((r) => r.n > 0).map((r) => `${r.name} (${r.n})`);
  if (occupied.length > 0) {
    throw new DbError(
      `restore needs an empty database, but it has rows in ${occupied.join(", ")}; use a new data folder or database`,
    );
  }
}

async function insertRows(tx: Db, table: TableInfo, columns: string[], lines: string[]): Promise<number> {
  if (lines.length === 0) return 0;
  const list = columns.map(ident).join(", ");
  // Backups restore their own ids, which GENERATED ALWAYS identity columns refuse without this.
  const overriding = table.identity.length > 0 ? "overriding system value" : "";
  const name = ident(table.name);
  await tx.execute(
    sql`${sql.raw(`insert into ${name} (${list}) ${overriding} select ${list} from json_populate_recordset(null::${name}, `)}${`[${lines.join(",")}]`}::json)`,
  );
  return lines.length;
}

async function resetIdentity(tx: Db, table: TableInfo) {
  const name = ident(table.name);
  for (const column of table.identity) {
    // is_called = false: the next id handed out is exactly max + 1 (or 1 for an empty table).
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${name}, ${column}), coalesce((select max(${sql.raw(ident(column))}) from ${sql.raw(name)}), 0) + 1, false)`,
    );
  }
}
