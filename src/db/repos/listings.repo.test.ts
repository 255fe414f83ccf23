import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachEngine } from "../../../test/db-harness.js";
import { listings } from "../schema/listings.js";
import { users } from "../schema/users.js";
import { addViews } from "./listings.repo.js";

describeEachEngine("listing views", (getDb) => {
  it("adds many listings' views in one statement, and skips a listing that is gone", async () => {
    const db = getDb();
    const [seller] = await db
      .insert(users)
      .values({ email: "v@example.com", passwordHash: "x", displayName: "V", role: "seller" })
      .returning();
    const base = {
      sellerId: seller!.id,
      title: "t",
      make: "Suzuki",
      model: "Carry Truck",
      location: "us" as const,
      priceUsdCents: 500_000,
      usState: "TX",
    };
    const rows = await db
      .insert(listings)
      .values([base, base, { ...base, views: 7 }])
      .returning();
    const [a, b, c] = rows.map((r) => r.id) as [number, number, number];
    await addViews(db, [
      [a, 3],
      [c, 2],
      [999_999_999, 5],
    ]);
    await addViews(db, [[a, 1]]);
    await addViews(db, []);
    const after = await db
      .select({ id: listings.id, views: listings.views })
      .from(listings)
      .where(inArray(listings.id, [a, b, c]));
    expect(Object.fromEntries(after.map((r) => [r.id, r.views]))).toEqual({ [a]: 4, [b]: 0, [c]: 9 });
    const [gone] = await db.select().from(listings).where(eq(listings.id, 999_999_999));
    expect(gone).toBeUndefined();
  });
});
