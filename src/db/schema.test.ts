import { sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { describeEachEngine, insertSampleRows, truncateAll } from "../../test/db-harness.js";
import { type Db, queryRows, withTransaction } from "./client.js";
import { listings, type NewListing, users } from "./schema/index.js";

async function seller(db: Db): Promise<number> {
  const [row] = await db
    .insert(users)
    .values({ email: "s@example.com", passwordHash: "h", displayName: "S", role: "seller" })
    .returning({ id: users.id });
  return row!.id;
}

const usListing = (sellerId: number): NewListing => ({
  sellerId,
  location: "us",
  title: "Carry",
  make: "Suzuki",
  model: "Carry",
  priceUsdCents: 500_000,
});

/** The constraint a failed statement broke; drizzle wraps the driver's error as `cause`. */
async function violation(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await run();
  } catch (e) {
    const err = e as { constraint?: string; cause?: { constraint?: string } };
    return err.cause?.constraint ?? err.constraint ?? "unnamed";
  }
  return undefined;
}

describeEachEngine("schema", (getDb) => {
  beforeEach(async () => {
    await truncateAll(getDb());
  });

  it("accepts valid rows and fills the defaults", async () => {
    const db = getDb();
    const [row] = await db
      .insert(listings)
      .values(usListing(await seller(db)))
      .returning();
    expect(row).toMatchObject({ status: "active", ageEvidence: "none", bedType: "standard", views: 0 });
    expect(row?.searchText).toContain("carry");
    expect(row?.createdAt).toBeInstanceOf(Date);
  });

  it("checks that the price currency follows the location, and that numbers are sane", async () => {
    const db = getDb();
    const base = usListing(await seller(db));
    const bad: [string, NewListing][] = [
      ["listings_price_matches_location", { ...base, priceUsdCents: null }],
      ["listings_price_matches_location", { ...base, priceJpy: 100_000 }],
      ["listings_price_matches_location", { ...base, location: "jp", priceUsdCents: null }],
      ["listings_price_matches_location", { ...base, location: "jp" }],
      ["listings_price_usd_positive", { ...base, priceUsdCents: 0 }],
      ["listings_price_jpy_positive", { ...base, location: "jp", priceUsdCents: null, priceJpy: -1 }],
      ["listings_mileage_nonnegative", { ...base, mileageKm: -5 }],
      ["listings_status_check", { ...base, status: "deleted" as never }],
      ["listings_bed_type_check", { ...base, bedType: "flatbed" as never }],
    ];
    for (const [constraint, values] of bad) {
      expect(await violation(() => db.insert(listings).values(values)), JSON.stringify(values)).toBe(
        constraint,
      );
    }
    const jp = { ...base, location: "jp" as const, priceUsdCents: null, priceJpy: 300_000 };
    expect(await violation(() => db.insert(listings).values(jp))).toBeUndefined();
  });

  it("treats emails case-insensitively and cascades deletes", async () => {
    const db = getDb();
    await insertSampleRows(db);
    const dup = { email: "DEALER@example.COM", passwordHash: "h", displayName: "Dup" };
    expect(await violation(() => db.insert(users).values(dup))).toBe("users_email_lower_key");
    await db.delete(users);
    const left = await queryRows<{ n: number }>(
      db,
      sql`select (select count(*) from listings) + (select count(*) from listing_photos) + (select count(*) from sessions) as n`,
    );
    expect(Number(left[0]?.n)).toBe(0);
  });

  it("finds listings by full text and by typo-tolerant trigram similarity", async () => {
    const db = getDb();
    await insertSampleRows(db);
    const byText = await db
      .select({ model: listings.model })
      .from(listings)
      .where(sql`${listings.searchText} @@ plainto_tsquery('simple', 'carry')`);
    expect(byText).toEqual([{ model: "Carry" }]);
    const byChassis = await db
      .select({ model: listings.model })
      .from(listings)
      .where(sql`${listings.searchText} @@ plainto_tsquery('simple', 'ha4')`);
    expect(byChassis).toEqual([{ model: "Acty" }]);
    const fuzzy = await db
      .select({ model: listings.model })
      .from(listings)
      .where(sql`similarity(lower(${listings.model}), 'cary') > 0.3`);
    expect(fuzzy).toEqual([{ model: "Carry" }]);
    const fuzzyChassis = await db
      .select({ model: listings.model })
      .from(listings)
      .where(sql`lower(${listings.chassisCode}) % 'dd51'`);
    expect(fuzzyChassis).toEqual([{ model: "Carry" }]);
  });

  it("uses the trigram index when the planner must", async () => {
    const db = getDb();
    await insertSampleRows(db);
    const plan = await withTransaction(db, async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = await queryRows<{ "QUERY PLAN": string }>(
        tx,
        sql`explain select id from listings where lower(model) % 'cary'`,
      );
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toContain("listings_model_trgm_idx");
  });

  it("rolls a failed transaction back", async () => {
    const db = getDb();
    const id = await seller(db);
    await expect(
      withTransaction(db, async (tx) => {
        await tx.insert(listings).values(usListing(id));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.$count(listings)).toBe(0);
  });
});
