// The watchlist: a heart on every listing; /saved shows what changed since the user last looked there.
import { type Database, withTransaction } from "../db/client.js";
import { findListing } from "../db/repos/listings.repo.js";
import { addWatch, markWatchesSeen, removeWatch, watchedListings } from "../db/repos/watchlist.repo.js";
import { changesSince, type WatchChange } from "../domain/watchlist/changes.js";
import type { PublicUser } from "./accounts.js";
import { AppError } from "./app-error.js";

export async function setWatch(
  database: Database,
  user: PublicUser | null,
  listingId: number,
  watch: boolean,
) {
  if (!user) throw new AppError("unauthenticated", "log in to save trucks");
  if (!watch) return removeWatch(database.db, user.id, listingId);
  const listing = await findListing(database.db, listingId);
  if (!listing) throw new AppError("not_found", `no listing ${listingId}`);
  await addWatch(database.db, user.id, listingId);
}

export interface SavedItem {
  listing: Awaited<ReturnType<typeof watchedListings>>[number]["listing"];
  photo: string | null;
  watchedAt: Date;
  seenAt: Date;
  changes: WatchChange[];
}

/**
 * The user's saved trucks with the changes since their last visit to /saved; the visit itself then
 * counts as looking, so the next visit shows only what changes after it.
 */
export async function savedFor(database: Database, user: PublicUser | null): Promise<SavedItem[]> {
  if (!user) throw new AppError("unauthenticated", "log in to see your saved trucks");
  return withTransaction(database, async (tx) => {
    const rows = await watchedListings(tx, user.id);
    const items = rows.map((r) => ({
      listing: r.listing,
      photo: r.photo,
      watchedAt: r.watch.createdAt,
      seenAt: r.watch.seenAt,
      changes: changesSince(
        {
          priceUsdCents: r.watch.seenPriceUsdCents,
          priceJpy: r.watch.seenPriceJpy,
          status: r.watch.seenStatus,
        },
        { priceUsdCents: r.listing.priceUsdCents, priceJpy: r.listing.priceJpy, status: r.listing.status },
      ),
    }));
    await markWatchesSeen(tx, user.id);
    return items;
  });
}
