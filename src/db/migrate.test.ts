import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDatabase, ENGINES } from "../../test/db-harness.js";
import { queryRows } from "./client.js";
import { appliedMigrations, latestMigration, migrate, readJournal } from "./migrate.js";
import { tablesInFkOrder } from "./tables.js";

describe.each(ENGINES)("migrations [%s]", (kind) => {
  it("apply from an empty database, and a second run changes nothing", async () => {
    const { database, dispose } = await createTestDatabase(kind, { migrated: false });
    try {
      expect(await appliedMigrations(database.db)).toEqual([]);
      await migrate(database);
      const tags = readJournal().map((e) => e.tag);
      expect(await appliedMigrations(database.db)).toEqual(tags);
      expect(tags.at(-1)).toBe(latestMigration());
      await migrate(database);
      expect(await appliedMigrations(database.db)).toEqual(tags);

      const tables = await queryRows<{ name: string }>(
        database.db,
        sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
      );
      expect(tables.map((t) => t.name)).toEqual(
        tablesInFkOrder()
          .map((t) => t.name)
          .sort(),
      );
      const ext = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`,
      );
      expect(ext[0]?.n).toBe(1);
    } finally {
      await dispose();
    }
  }, 120_000);
});

describe("tablesInFkOrder", () => {
  it("puts every parent before its children and leaves generated columns out", () => {
    const names = tablesInFkOrder().map((t) => t.name);
    expect(names.indexOf("users")).toBeLessThan(names.indexOf("listings"));
    expect(names.indexOf("users")).toBeLessThan(names.indexOf("sessions"));
    expect(names.indexOf("listings")).toBeLessThan(names.indexOf("listing_photos"));
    expect(names.indexOf("listings")).toBeLessThan(names.indexOf("listing_events"));
    const listings = tablesInFkOrder().find((t) => t.name === "listings");
    expect(listings?.columns).not.toContain("search_text");
    expect(listings?.identity).toEqual(["id"]);
  });
});
