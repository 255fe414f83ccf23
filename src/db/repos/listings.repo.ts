// Listing rows: insert, update, status changes and deletes, each with its event, and look-ups.
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import {
  type Listing,
  type ListingEvent,
  listingEvents,
  listingPhotos,
  listingPrices,
  listings,
  type NewListing,
  type NewListingPhoto,
} from "../schema/listings.js";
import { users } from "../schema/users.js";

export async function insertListing(db: Db, row: NewListing): Promise<Listing> {
  const [created] = await db.insert(listings).values(row).returning();
  if (!created) throw new Error("insert returned no row");
  await db.insert(listingEvents).values({ listingId: created.id, kind: "created", data: {} });
  await db.insert(listingPrices).values({
    listingId: created.id,
    priceUsdCents: created.priceUsdCents,
    priceJpy: created.priceJpy,
    at: created.createdAt,
  });
  return created;
}

export async function findListing(db: Db, id: number): Promise<Listing | undefined> {
  const [row] = await db.select().from(listings).where(eq(listings.id, id)).limit(1);
  return row;
}

export async function findListingWithSeller(db: Db, id: number) {
  const [row] = await db
    .select({
      listing: listings,
      seller: {
        id: users.id,
        displayName: users.displayName,
        sellerKind: users.sellerKind,
        dealerName: users.dealerName,
        createdAt: users.createdAt,
      },
    })
    .from(listings)
    .innerJoin(users, eq(users.id, listings.sellerId))
    .where(eq(listings.id, id))
    .limit(1);
  return row;
}

export async function updateListingRow(
  db: Db,
  id: number,
  patch: Partial<NewListing>,
  event: Record<string, unknown>,
) {
  const [row] = await db
    .update(listings)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(listings.id, id))
    .returning();
  await db.insert(listingEvents).values({ listingId: id, kind: "edited", data: event });
  return row;
}

export async function recordEvent(
  db: Db,
  listingId: number,
  kind: "price_changed" | "status_changed",
  data: Record<string, unknown>,
) {
  await db.insert(listingEvents).values({ listingId, kind, data });
}

/** Keeps the new asking price in the history and the listing's "last change" columns in step with it. */
export async function recordPriceChange(
  db: Db,
  listingId: number,
  price: { priceUsdCents: number | null; priceJpy: number | null },
  dropPercent: number | null,
  at = new Date(),
) {
  await db.insert(listingPrices).values({ listingId, ...price, at });
  await db
    .update(listings)
    .set({ priceChangedAt: at, priceDropPercent: dropPercent })
    .where(eq(listings.id, listingId));
}

/** Each listing's asking prices in time order. */
export async function pricesFor(db: Db, listingId: number) {
  return db
    .select()
    .from(listingPrices)
    .where(eq(listingPrices.listingId, listingId))
    .orderBy(asc(listingPrices.at), asc(listingPrices.id));
}

export async function deleteListingRow(db: Db, id: number): Promise<void> {
  await db.delete(listings).where(eq(listings.id, id));
}

export async function listingsBySeller(db: Db, sellerId: number): Promise<Listing[]> {
  return db
    .select()
    .from(listings)
    .where(eq(listings.sellerId, sellerId))
    .orderBy(sql`${listings.createdAt} desc`);
}

export async function photosFor(db: Db, listingIds: number[]) {
  if (listingIds.length === 0) return [];
  return db
    .select()
    .from(listingPhotos)
    .where(inArray(listingPhotos.listingId, listingIds))
    .orderBy(asc(listingPhotos.listingId), asc(listingPhotos.position));
}

export async function insertPhoto(db: Db, photo: NewListingPhoto) {
  const [row] = await db.insert(listingPhotos).values(photo).returning();
  return row;
}

export async function countPhotos(db: Db, listingId: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(listingPhotos)
    .where(eq(listingPhotos.listingId, listingId));
  return row?.n ?? 0;
}

/** Adds views to many listings in one statement (ids that are gone meanwhile are skipped). */
export async function addViews(
  db: Db,
  deltas: readonly (readonly [id: number, views: number])[],
): Promise<void> {
  if (deltas.length === 0) return;
  const rows = sql.join(
    deltas.map(([id, n]) => sql`(${id}::bigint, ${n}::integer)`),
    sql`, `,
  );
  await db.execute(
    sql`update ${listings} set views = ${listings.views} + v.n from (values ${rows}) as v(id, n) where ${listings.id} = v.id`,
  );
}

export async function incrementViews(db: Db, id: number): Promise<void> {
  await db
    .update(listings)
    .set({ views: sql`${listings.views} + 1` })
    .where(and(eq(listings.id, id)));
}

/** Each listing's events, newest first (for the seller's dashboard). */
export async function eventsFor(db: Db, listingIds: number[], perListing = 5) {
  if (listingIds.length === 0) return new Map<number, ListingEvent[]>();
  const rows = await db
    .select()
    .from(listingEvents)
    .where(inArray(listingEvents.listingId, listingIds))
    .orderBy(desc(listingEvents.at), desc(listingEvents.id));
  const out = new Map<number, ListingEvent[]>();
  for (const r of rows) {
    const list = out.get(r.listingId) ?? [];
    if (list.length < perListing) list.push(r);
    out.set(r.listingId, list);
  }
  return out;
}
