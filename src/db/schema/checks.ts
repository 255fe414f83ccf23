// Text "enums" are plain text columns plus a CHECK, not CREATE TYPE: a new value is then one
// constraint swap in a migration (no ALTER TYPE ... ADD VALUE outside a transaction), and the
// same SQL runs unchanged on PGlite and PostgreSQL. The TS side narrows through `text(..., { enum })`.
import { type SQL, sql } from "drizzle-orm";
import { check, type PgColumn } from "drizzle-orm/pg-core";

function quote(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** CHECK (<column> IN (...)); NULL passes, so nullability stays the column's own business. */
export function checkOneOf(name: string, column: PgColumn, values: readonly string[]) {
  const list: SQL = sql.raw(values.map(quote).join(", "));
  return check(name, sql`${column} in (${list})`);
}
