// Photo bookkeeping between processing and storage: the key layout, the per-listing cap, and saving all
// variants of one photo as a unit.
import { randomUUID } from "node:crypto";
import { AppError } from "../services/app-error.js";
import { CONTENT_TYPES, type PhotoFormat, type PhotoSize, type ProcessedPhoto } from "./process.js";
import type { PhotoStorage } from "./storage.js";

export { generateDemoPhoto } from "./demo-photo.js";

export const MAX_PHOTOS_PER_LISTING = 12;

/** Throws when adding `adding` photos to a listing that has `current` would pass the cap. */
export function assertCanAddPhotos(current: number, adding = 1): void {
  if (current + adding > MAX_PHOTOS_PER_LISTING)
    throw new AppError(
      "photo_rejected",
      `A listing can have at most ${MAX_PHOTOS_PER_LISTING} photos; this one has ${current}.`,
      undefined,
      { reason: "too_many_photos" },
    );
}

/** Random, so photo URLs cannot be enumerated, and safe as a storage key segment. */
export function newPhotoId(): string {
  return randomUUID();
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const EXTENSIONS: Record<PhotoFormat, string> = { webp: "webp", jpeg: "jpg" };

function segment(name: string, value: string | number): string {
  const text = String(value);
  if (!ID.test(text)) throw new AppError("invalid_input", `Invalid ${name}.`);
  return text;
}

/** Everything stored for one photo, or (without a photo id) for one listing; `storage.delete` takes it. */
export function photoPrefix(listingId: string | number, photoId?: string): string {
  const listing = `listings/${segment("listing id", listingId)}`;
  return photoId === undefined ? listing : `${listing}/${segment("photo id", photoId)}`;
}

/** `listings/<listingId>/<photoId>/<size>.<webp|jpg>` */
export function photoKey(
  listingId: string | number,
  photoId: string,
  size: PhotoSize,
  format: PhotoFormat,
): string {
  return `${photoPrefix(listingId, photoId)}/${size}.${EXTENSIONS[format]}`;
}

export interface StoredPhotoVariant {
  key: string;
  size: PhotoSize;
  format: PhotoFormat;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

/**
 * Stores every variant and returns where each went (with its dimensions, for `srcset`). All or nothing:
 * if one write fails the photo's other variants are removed, so no listing shows half a photo.
 */
export async function savePhotoVariants(
  storage: PhotoStorage,
  listingId: string | number,
  photoId: string,
  processed: ProcessedPhoto,
): Promise<StoredPhotoVariant[]> {
  const stored = processed.variants.map((v) => ({
    key: photoKey(listingId, photoId, v.size, v.format),
    size: v.size,
    format: v.format,
    contentType: CONTENT_TYPES[v.format],
    width: v.width,
    height: v.height,
    bytes: v.bytes,
  }));
  // allSettled, not all: all() rejects at the first failure while other writes are still running, and
  // a cleanup that ran before they landed would leave those behind.
  const results = await Promise.allSettled(
    processed.variants.map((v, i) => storage.put(stored[i]!.key, v.data, stored[i]!.contentType)),
  );
  const failed = results.find((r) => r.status === "rejected");
  if (failed) {
    await storage.delete(photoPrefix(listingId, photoId)).catch(() => undefined); // the first error matters
    throw failed.reason;
  }
  return stored;
}

/** Removes every variant of one photo. */
export async function deletePhoto(storage: PhotoStorage, listingId: string | number, photoId: string) {
  await storage.delete(photoPrefix(listingId, photoId));
}
