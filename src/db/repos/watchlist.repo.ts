// Watched listings per user, with the state they were last seen in.
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { listingPhotos, listings } from "../schema/listings.js";
import { watches } from "../schema/watchlist.js";

export async function isWatching(db: Db, userId: number, listingId: number): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(watches)
    .where(and(eq(watches.userId, userId), eq(watches.listingId, listingId)))
    .limit(1);
  return row !== undefined;
}

/** Which of these listings the user watches (for the hearts on a page of results). */
export async function watchedAmong(
  db: Db,
  userId: number,
  listingIds: readonly number[],
): Promise<Set<number>> {
  if (listingIds.length === 0) return new Set();
  const rows = await db
    .select({ id: watches.listingId })
    .from(watches)
    .where(and(eq(watches.userId, userId), inArray(watches.listingId, [...listingIds])));
  return new Set(rows.map((r) => r.id));
}

export async function addWatch(db: Db, userId: number, listingId: number): Promise<void> {
  // The watch starts from what the listing looks like now: changes are counted from here.
  await db.execute(sql`
    insert into ${watches} (user_id, listing_id, seen_price_usd_cents, seen_price_jpy, seen_status)
    select ${userId}, id, price_usd_cents, price_jpy, status from ${listings} where id = ${listingId}
    on conflict do nothing`);
}

export async function removeWatch(db: Db, userId: number, listingId: number): Promise<void> {
  await db.delete(watches).where(and(eq(watches.userId, userId), eq(watches.listingId, listingId)));
}

/** The user's watched listings, most recently watched first, with their current state and first photo. */
export async function watchedListings(db: Db, userId: number) {
  return db
    .select({
      watch: watches,
      listing: {
        id: listings.id,
        title: listings.title,
        status: listings.status,
        location: listings.location,
        priceUsdCents: listings.priceUsdCents,
        priceJpy: listings.priceJpy,
        landedUsdCents: listings.landedUsdCents,
        usState: listings.usState,
        jpPort: listings.jpPort,
        priceChangedAt: listings.priceChangedAt,
        updatedAt: listings.updatedAt,
      },
      photo: sql<
        string | null
      >`(select ${listingPhotos.storageKey} from ${listingPhotos} where ${listingPhotos.listingId} = ${listings.id} and ${listingPhotos.position} = 0)`,
    })
    .from(watches)
    .innerJoin(listings, eq(listings.id, watches.listingId))
    .where(eq(watches.userId, userId))
    .orderBy(desc(watches.createdAt), desc(watches.listingId));
}

/** Marks everything on the user's list as seen as it is now. */
export async function markWatchesSeen(db: Db, userId: number): Promise<void> {
  await db.execute(sql`
    update ${watches} w set seen_price_usd_cents = l.price_usd_cents, seen_price_jpy = l.price_jpy,
      seen_status = l.status, seen_at = now()
    from ${listings} l where l.id = w.listing_id and w.user_id = ${userId}`);
}
