// The tables in schema/, described for code that handles every table alike (backup, restore, test
// resets): derived from the drizzle definitions so a new table is covered without touching them.
import { getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.js";

export interface TableInfo {
  name: string;
  /** Columns that hold data, in definition order; generated columns (search_text) are left out. */
  columns: string[];
  primaryKey: string[];
  /** Identity columns, whose sequences must move past restored ids. */
  identity: string[];
}

function describeTable(table: PgTable): TableInfo & { references: string[] } {
  const config = getTableConfig(table);
  const stored = config.columns.filter((c) => c.generated === undefined);
  const compositeKey = config.primaryKeys[0]?.columns.map((c) => c.name);
  return {
    name: config.name,
    columns: stored.map((c) => c.name),
    primaryKey: compositeKey ?? config.columns.filter((c) => c.primary).map((c) => c.name),
    identity: config.columns.filter((c) => c.generatedIdentity !== undefined).map((c) => c.name),
    references: config.foreignKeys.map((fk) => getTableName(fk.reference().foreignTable)),
  };
}

/** Every table, parents before children, so inserting in this order never breaks a foreign key. */
export function tablesInFkOrder(): TableInfo[] {
  const all = (Object.values(schema) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map(describeTable)
    .sort((a, b) => a.name.localeCompare(b.name));
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < all.length) {
    const next = all.find(
      (t) => !placed.has(t.name) && t.references.every((r) => r === t.name || placed.has(r)),
    );
    if (!next) throw new Error("foreign keys form a cycle between tables; order them by hand");
    placed.add(next.name);
    const { references: _, ...info } = next;
    ordered.push(info);
  }
  return ordered;
}

/** A double-quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
