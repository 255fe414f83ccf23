// Turns one untrusted upload into the photo variants we serve. Every check runs before the expensive
// decode, cheapest first: byte count, magic bytes, container walk, header dimensions. Then one decode
// (auto-rotated, flattened, sRGB) feeds all six encodes. Nothing of the original file is kept: the
// outputs are fresh encodes without metadata, so EXIF GPS, camera serials and embedded payloads are gone.
import sharp, { type Sharp } from "sharp";
import { AppError } from "../services/app-error.js";
import { checkImageStructure, type ImageType, type StructureProblem, sniffImageType } from "./sniff.js";

export interface PhotoLimits {
  /** Largest upload accepted, in bytes. */
  maxBytes: number;
  /** Largest decoded image, in pixels (width x height as declared by the header). */
  maxPixels: number;
  /** Smallest long and short side; orientation-agnostic so a 150x200 portrait is as fine as 200x150. */
  minLongSide: number;
  minShortSide: number;
  /** Long side / short side; beyond this the strips are not truck photos and break the WebP size cap. */
  maxAspectRatio: number;
}

export const DEFAULT_PHOTO_LIMITS: Readonly<PhotoLimits> = Object.freeze({
  maxBytes: 15 * 1024 * 1024,
  // 40 MP covers every phone and most cameras; decoded it is 120 MB of RGB, which bounds memory per upload.
  maxPixels: 40_000_000,
  minLongSide: 200,
  minShortSide: 150,
  maxAspectRatio: 4,
});

/** Target widths. Never upscaled: a smaller photo yields the size capped at its own width. */
export const PHOTO_SIZES = { thumb: 400, medium: 1024, large: 1920 } as const;
export type PhotoSize = keyof typeof PHOTO_SIZES;
export type PhotoFormat = "webp" | "jpeg";
export const PHOTO_FORMATS: readonly PhotoFormat[] = ["webp", "jpeg"];

export const CONTENT_TYPES: Record<PhotoFormat, string> = { webp: "image/webp", jpeg: "image/jpeg" };

export interface PhotoVariant {
  size: PhotoSize;
  format: PhotoFormat;
  data: Buffer;
  width: number;
  height: number;
  bytes: number;
}

export interface ProcessedPhoto {
  /** Upright dimensions of the original, after EXIF orientation. */
  width: number;
  height: number;
  sourceType: ImageType;
  variants: PhotoVariant[];
}

export type PhotoRejectReason =
  | "empty"
  | "unsupported_type"
  | StructureProblem
  | "too_many_pixels"
  | "too_small"
  | "bad_aspect_ratio"
  | "undecodable";

const reject = (reason: PhotoRejectReason, message: string) =>
  new AppError("photo_rejected", message, undefined, { reason });

const ACCEPTED = "upload a JPEG, PNG or WebP photo";

const STRUCTURE_MESSAGES: Record<StructureProblem, string> = {
  truncated: "The photo file is incomplete (it ends before the image does); upload it again.",
  trailing_data:
    "The photo file has extra data after the end of the image; export or save it again as a plain photo.",
  malformed: "The photo file is damaged and cannot be read.",
};

// 'warning' (sharp's default) also aborts on benign libjpeg warnings that some cameras trigger ("extraneous
// bytes before marker"); truncation is caught by our own container walk and by 'error', which implies it.
const DECODE_OPTIONS = { failOn: "error" } as const;

// We encode once and serve many times: mozjpeg's trellis quantisation measured ~25% smaller large JPEGs at
// the same quality setting for ~4x the encode time, a good trade. Progressive JPEGs render early.
const ENCODERS: Record<PhotoFormat, (img: Sharp) => Sharp> = {
  webp: (img) => img.webp({ quality: 78 }),
  jpeg: (img) => img.jpeg({ quality: 82, progressive: true, mozjpeg: true }),
};

export async function processPhoto(
  input: Buffer,
  limits: Partial<PhotoLimits> = {},
): Promise<ProcessedPhoto> {
  const lim: PhotoLimits = { ...DEFAULT_PHOTO_LIMITS, ...limits };
  const type = checkContent(input, lim);
  const { width, height } = await checkHeader(input, type, lim);
  const upright = await decodeUpright(input, lim);
  const variants = await Promise.all(
    (Object.keys(PHOTO_SIZES) as PhotoSize[]).flatMap((size) =>
      PHOTO_FORMATS.map((format) => encodeVariant(upright, size, format)),
    ),
  );
  return { width, height, sourceType: type, variants };
}

/** The checks that need only the bytes: size, magic bytes and the container's declared end. */
function checkContent(input: Buffer, lim: PhotoLimits): ImageType {
  if (input.length === 0) throw reject("empty", "The photo file is empty.");
  if (input.length > lim.maxBytes)
    throw new AppError(
      "payload_too_large",
      `The photo is ${formatMb(input.length, Math.ceil)}; the limit is ${formatMb(lim.maxBytes, Math.floor)}.`,
      undefined,
      { reason: "too_many_bytes", maxBytes: lim.maxBytes },
    );
  const sniffed = sniffImageType(input);
  if (sniffed.kind === "unsupported")
    throw reject("unsupported_type", `${sniffed.name} files are not accepted; ${ACCEPTED}.`);
  if (sniffed.kind === "unknown")
    throw reject("unsupported_type", `This file is not an image we accept; ${ACCEPTED}.`);
  const problem = checkImageStructure(input, sniffed.type);
  if (problem) throw reject(problem, STRUCTURE_MESSAGES[problem]);
  return sniffed.type;
}

/** Dimensions from the header only (no pixel is decoded), checked before anything allocates them. */
async function checkHeader(input: Buffer, type: ImageType, lim: PhotoLimits) {
  // limitInputPixels: false so we, not sharp, word the refusal; the decode below still enforces it.
  const meta = await sharp(input, { ...DECODE_OPTIONS, limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw reject("undecodable", "The photo cannot be read; it may be damaged.");
    });
  // Our sniff and libvips' own must agree, or one of them is being fooled.
  if (meta.format !== type) throw reject("malformed", STRUCTURE_MESSAGES.malformed);
  const pixels = meta.width * meta.height;
  if (pixels > lim.maxPixels)
    throw reject(
      "too_many_pixels",
      `The photo is ${meta.width}x${meta.height} (${formatMp(pixels, Math.ceil)}); the limit is ${formatMp(lim.maxPixels, Math.floor)}.`,
    );
  const { width, height } = meta.autoOrient;
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  if (long < lim.minLongSide || short < lim.minShortSide)
    throw reject(
      "too_small",
      `The photo is ${width}x${height}; it must be at least ${lim.minLongSide}x${lim.minShortSide} pixels.`,
    );
  if (long / short > lim.maxAspectRatio)
    throw reject(
      "bad_aspect_ratio",
      `The photo is ${width}x${height}; that is too narrow for a listing photo.`,
    );
  return { width, height };
}

interface RawImage {
  data: Buffer;
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
}

/**
 * The single decode. Shrinks to the largest size straight away (JPEG decodes at 1/2, 1/4, 1/8 for free),
 * applies EXIF orientation, puts transparency on white (JPEG has no alpha, and both formats should look
 * the same) and converts to 8-bit sRGB so the encoders see plain pixels whatever came in (CMYK, 16-bit).
 */
async function decodeUpright(input: Buffer, lim: PhotoLimits): Promise<RawImage> {
  try {
    const { data, info } = await sharp(input, { ...DECODE_OPTIONS, limitInputPixels: lim.maxPixels })
      .autoOrient()
      .resize({ width: PHOTO_SIZES.large, withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, info: { width: info.width, height: info.height, channels: info.channels } };
  } catch {
    // Anything libvips refuses here is bad pixel data (corrupt scan, bad zlib stream), not a bug of ours.
    throw reject("undecodable", "The photo cannot be read; it may be damaged.");
  }
}

async function encodeVariant(upright: RawImage, size: PhotoSize, format: PhotoFormat): Promise<PhotoVariant> {
  // No try/catch: the input is our own raw buffer, so a failure here is a bug and should surface as one.
  // No withMetadata()/keepExif(): sharp writes none by default, which is what strips GPS and the rest.
  const img = sharp(upright.data, { raw: upright.info }).resize({
    width: PHOTO_SIZES[size],
    withoutEnlargement: true,
  });
  const { data, info } = await ENCODERS[format](img).toBuffer({ resolveWithObject: true });
  return { size, format, data, width: info.width, height: info.height, bytes: data.length };
}

// Rounded away from the limit, so "15.1 MB; the limit is 15 MB" never reads "15 MB; the limit is 15 MB".
type Round = (n: number) => number;
const tenths = (n: number, round: Round) => String(round(n * 10) / 10);
const formatMb = (bytes: number, round: Round) => `${tenths(bytes / (1024 * 1024), round)} MB`;
const formatMp = (pixels: number, round: Round) => `${tenths(pixels / 1_000_000, round)} MP`;
