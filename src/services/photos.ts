// A listing's photos. Adding one: process it (content checks, re-encode, metadata stripped), store the
// variants, then record the row. Storage is written first and removed again if the row fails, so a
// listing never points at a photo that is not there. Removing one and choosing the first photo are the
// owner's too.
import { and, eq } from "drizzle-orm";
import { type Database, type Db, withTransaction } from "../db/client.js";
import { countPhotos, findListing, insertPhoto, photosFor } from "../db/repos/listings.repo.js";
import { listingPhotos } from "../db/schema/listings.js";
import {
  assertCanAddPhotos,
  deletePhoto,
  newPhotoId,
  photoPrefix,
  savePhotoVariants,
} from "../photos/photos.js";
import { type ProcessedPhoto, processPhoto } from "../photos/process.js";
import type { PhotoStorage } from "../photos/storage.js";
import type { PublicUser } from "./accounts.js";
import { AppError } from "./app-error.js";

export async function storeListingPhoto(
  database: Database,
  storage: PhotoStorage,
  listingId: number,
  processed: ProcessedPhoto,
): Promise<void> {
  const photoId = newPhotoId();
  await savePhotoVariants(storage, listingId, photoId, processed);
  try {
    await withTransaction(database, async (tx) => {
      const n = await countPhotos(tx, listingId);
      assertCanAddPhotos(n);
      await insertPhoto(tx, {
        listingId,
        position: n,
        storageKey: photoPrefix(listingId, photoId),
        width: processed.width,
        height: processed.height,
      });
    });
  } catch (e) {
    await deletePhoto(storage, listingId, photoId).catch(() => undefined);
    throw e;
  }
}

/** Its owner (or an admin), not banned: who may change a listing's photos. */
async function requirePhotoOwner(db: Db, user: PublicUser | null, listingId: number): Promise<void> {
  if (!user) throw new AppError("unauthenticated", "log in to change photos");
  // As for every other change to a listing (requireSeller in services/listings.ts).
  if (user.banned) throw new AppError("forbidden", "this account has been banned from posting");
  const listing = await findListing(db, listingId);
  if (!listing) throw new AppError("not_found", `no listing ${listingId}`);
  if (listing.sellerId !== user.id && user.role !== "admin")
    throw new AppError("forbidden", "this is not your listing");
}

export async function addListingPhotos(
  database: Database,
  storage: PhotoStorage,
  user: PublicUser | null,
  listingId: number,
  files: Buffer[],
): Promise<number> {
  await requirePhotoOwner(database.db, user, listingId);
  assertCanAddPhotos(await countPhotos(database.db, listingId), files.length);
  // Process all first: one bad file rejects the upload before anything is stored.
  const processed = [];
  for (const f of files) processed.push(await processPhoto(f));
  for (const p of processed) await storeListingPhoto(database, storage, listingId, p);
  return processed.length;
}

/**
 * Rewrites a listing's photo positions to the order given (0, 1, 2…). The positions are unique per
 * listing, so they move out of the way first (negative), then to their places, in one transaction.
 */
async function setOrder(tx: Db, listingId: number, ids: readonly number[]): Promise<void> {
  for (const [i, id] of ids.entries())
    await tx
      .update(listingPhotos)
      .set({ position: -1 - i })
      .where(and(eq(listingPhotos.id, id), eq(listingPhotos.listingId, listingId)));
  for (const [i, id] of ids.entries())
    await tx
      .update(listingPhotos)
      .set({ position: i })
      .where(and(eq(listingPhotos.id, id), eq(listingPhotos.listingId, listingId)));
}

async function photoOf(tx: Db, listingId: number, photoId: number) {
  const photos = await photosFor(tx, [listingId]);
  const photo = photos.find((p) => p.id === photoId);
  if (!photo) throw new AppError("not_found", `listing ${listingId} has no photo ${photoId}`);
  return { photo, photos };
}

/** Removes one photo (row first, in a transaction with the renumbering; then its files). */
export async function removeListingPhoto(
  database: Database,
  storage: PhotoStorage,
  user: PublicUser | null,
  listingId: number,
  photoId: number,
): Promise<void> {
  await requirePhotoOwner(database.db, user, listingId);
  const removed = await withTransaction(database, async (tx) => {
    const { photo, photos } = await photoOf(tx, listingId, photoId);
    await tx.delete(listingPhotos).where(eq(listingPhotos.id, photo.id));
    await setOrder(
      tx,
      listingId,
      photos.filter((p) => p.id !== photo.id).map((p) => p.id),
    );
    return photo;
  });
  // Files after the commit: a failure here leaves unused files, never a listing pointing at none.
  await storage.delete(removed.storageKey).catch(() => undefined);
}

/** Makes one photo the first: the one search results and shares show. */
export async function makeFirstPhoto(
  database: Database,
  user: PublicUser | null,
  listingId: number,
  photoId: number,
): Promise<void> {
  await requirePhotoOwner(database.db, user, listingId);
  await withTransaction(database, async (tx) => {
    const { photo, photos } = await photoOf(tx, listingId, photoId);
    await setOrder(tx, listingId, [photo.id, ...photos.filter((p) => p.id !== photo.id).map((p) => p.id)]);
  });
}
