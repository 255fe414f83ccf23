// Adding a photo to a listing: process it (content checks, re-encode, metadata stripped), store the
// variants, then record the row. Storage is written first and removed again if the row fails, so a
// listing never points at a photo that is not there.
import { type Database, withTransaction } from "../db/client.js";
import { countPhotos, findListing, insertPhoto } from "../db/repos/listings.repo.js";
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

export async function addListingPhotos(
  database: Database,
  storage: PhotoStorage,
  user: PublicUser | null,
  listingId: number,
  files: Buffer[],
): Promise<number> {
  if (!user) throw new AppError("unauthenticated", "log in to add photos");
  // As for every other change to a listing (requireSeller in services/listings.ts).
  if (user.banned) throw new AppError("forbidden", "this account has been banned from posting");
  const listing = await findListing(database.db, listingId);
  if (!listing) throw new AppError("not_found", `no listing ${listingId}`);
  if (listing.sellerId !== user.id && user.role !== "admin")
    throw new AppError("forbidden", "this is not your listing");
  assertCanAddPhotos(await countPhotos(database.db, listingId), files.length);
  // Process all first: one bad file rejects the upload before anything is stored.
  const processed = [];
  for (const f of files) processed.push(await processPhoto(f));
  for (const p of processed) await storeListingPhoto(database, storage, listingId, p);
  return processed.length;
}
