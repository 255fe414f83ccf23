import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "../services/app-error.js";
import { type PhotoLimits, type ProcessedPhoto, processPhoto } from "./process.js";
import {
  exifHasGps,
  gifOf,
  heicHeader,
  jpegOf,
  jpegRotated90,
  jpegWithGps,
  pngDeclaring,
  pngOf,
  svgImage,
  twoTone,
  webpOf,
  zipArchive,
} from "./test-fixtures.js";

/** The AppError a rejected upload throws, so tests can check its code and machine-readable reason. */
async function rejection(input: Buffer | Promise<Buffer>, limits?: Partial<PhotoLimits>) {
  try {
    await processPhoto(await input, limits);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { code: err.code, reason: err.details?.reason, message: err.message };
  }
  throw new Error("expected the photo to be rejected");
}

const widths = (p: ProcessedPhoto) =>
  Object.fromEntries(p.variants.map((v) => [`${v.size}.${v.format}`, v.width]));

describe("processPhoto: accepted uploads", () => {
  it.each([
    ["JPEG", jpegOf],
    ["PNG", pngOf],
    ["WebP", webpOf],
  ])("re-encodes a %s into three sizes, each as WebP and JPEG", async (_, make) => {
    const photo = await processPhoto(await make(2400, 1600));
    expect(photo).toMatchObject({ width: 2400, height: 1600 });
    expect(widths(photo)).toEqual({
      "thumb.webp": 400,
      "thumb.jpeg": 400,
      "medium.webp": 1024,
      "medium.jpeg": 1024,
      "large.webp": 1920,
      "large.jpeg": 1920,
    });
    for (const v of photo.variants) {
      const meta = await sharp(v.data).metadata();
      expect(meta.format).toBe(v.format);
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      expect(v.height).toBe(Math.round((v.width * 1600) / 2400));
      expect(v.bytes).toBe(v.data.length);
      if (v.format === "jpeg") expect(meta.isProgressive).toBe(true);
    }
  });

  it("decides by content alone: there is no file name to be fooled by", async () => {
    // A PNG "renamed .jpg" is just PNG bytes here; it is accepted, and recorded as what it really is.
    expect((await processPhoto(await pngOf(400, 300))).sourceType).toBe("png");
  });

  it("never upscales: a small photo caps every size at its own width", async () => {
    const photo = await processPhoto(await jpegOf(500, 375));
    expect(widths(photo)).toMatchObject({ "thumb.jpeg": 400, "medium.jpeg": 500, "large.webp": 500 });
  });

  it("accepts the minimum size in either orientation", async () => {
    await expect(processPhoto(await jpegOf(200, 150))).resolves.toBeDefined();
    await expect(processPhoto(await jpegOf(150, 200))).resolves.toBeDefined();
  });

  it("applies the EXIF orientation, so a sideways phone photo comes out upright", async () => {
    // Stored 800x600 with red on the left; orientation 6 means "rotate 90 degrees clockwise to display".
    const photo = await processPhoto(await jpegRotated90(800, 600));
    expect([photo.width, photo.height]).toEqual([600, 800]);
    const large = photo.variants.find((v) => v.size === "large" && v.format === "jpeg")!;
    expect([large.width, large.height]).toEqual([600, 800]);
    const { data } = await sharp(large.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * 600 + x) * 3, (y * 600 + x) * 3 + 3)];
    // After a clockwise quarter turn the left (red) half is on top and the right (blue) half below.
    expect(pixel(300, 100)[0]).toBeGreaterThan(180);
    expect(pixel(300, 700)[2]).toBeGreaterThan(180);
  });

  it("strips all metadata, GPS included, from every output", async () => {
    const input = await jpegWithGps(1200, 900);
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif && exifHasGps(inputMeta.exif)).toBe(true); // the fixture really carries GPS
    const photo = await processPhoto(input);
    expect(photo.variants).toHaveLength(6);
    for (const v of photo.variants) {
      const meta = await sharp(v.data).metadata();
      expect({ exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, icc: meta.icc }).toEqual({
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        icc: undefined,
      });
      expect(v.data.includes("Exif\0\0")).toBe(false);
      expect(v.data.includes("KeiCam")).toBe(false);
    }
  });

  it("puts transparency on white rather than black", async () => {
    const clear = await sharp({
      create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const photo = await processPhoto(clear);
    for (const v of photo.variants) {
      const { channels } = await sharp(v.data).stats();
      expect(channels.slice(0, 3).map((c) => Math.round(c.mean))).toEqual([255, 255, 255]);
    }
  });
});

describe("processPhoto: rejected uploads", () => {
  it.each([
    ["a text file", async () => Buffer.from("Not a photo, just a note about a 1994 Carry.\n")],
    ["an SVG", async () => svgImage()],
    ["a GIF", () => gifOf(400, 300)],
    ["a HEIC", async () => heicHeader()],
    ["a ZIP archive", async () => zipArchive()],
  ])("%s, by its content", async (_, make) => {
    expect(await rejection(make())).toMatchObject({ code: "photo_rejected", reason: "unsupported_type" });
  });

  it("names a known format in the message", async () => {
    expect((await rejection(gifOf(400, 300))).message).toBe(
      "GIF files are not accepted; upload a JPEG, PNG or WebP photo.",
    );
  });

  it("an empty file", async () => {
    expect(await rejection(Buffer.alloc(0))).toMatchObject({ code: "photo_rejected", reason: "empty" });
  });

  it("a truncated JPEG", async () => {
    const jpeg = await jpegOf(800, 600);
    expect(await rejection(jpeg.subarray(0, jpeg.length - 300))).toMatchObject({ reason: "truncated" });
  });

  it("a JPEG with a ZIP appended (a polyglot)", async () => {
    const polyglot = Buffer.concat([await jpegOf(800, 600), zipArchive()]);
    expect(await rejection(polyglot)).toMatchObject({ code: "photo_rejected", reason: "trailing_data" });
  });

  it("a PNG with data after IEND", async () => {
    const png = Buffer.concat([await pngOf(400, 300), Buffer.from("<?php system($_GET['c']); ?>")]);
    expect(await rejection(png)).toMatchObject({ reason: "trailing_data" });
  });

  it("a decompression bomb: a few KB of PNG that declares 20000x20000 pixels", async () => {
    const bomb = await pngDeclaring(20_000, 20_000);
    expect(bomb.length).toBeLessThan(10_000);
    expect(await rejection(bomb)).toEqual({
      code: "photo_rejected",
      reason: "too_many_pixels",
      message: "The photo is 20000x20000 (400 MP); the limit is 40 MP.",
    });
  });

  it("a real image over a configured pixel limit", async () => {
    expect(await rejection(jpegOf(1200, 1000), { maxPixels: 1_000_000 })).toMatchObject({
      reason: "too_many_pixels",
    });
  });

  it("a file sharp cannot decode although its container looks fine", async () => {
    const png = Buffer.from(await pngOf(400, 300));
    const idat = png.indexOf("IDAT");
    png.fill(0x55, idat + 8, idat + 40); // garbage in the zlib stream; the chunk walk still passes
    expect(await rejection(png)).toMatchObject({ code: "photo_rejected", reason: "undecodable" });
  });

  it("an oversize upload, before looking at it", async () => {
    const big = Buffer.alloc(15 * 1024 * 1024 + 1, 0xff);
    expect(await rejection(big)).toEqual({
      code: "payload_too_large",
      reason: "too_many_bytes",
      message: "The photo is 15.1 MB; the limit is 15 MB.",
    });
  });

  it.each([
    [199, 150],
    [200, 149],
    [100, 100],
  ])("a photo smaller than 200x150 (%ix%i)", async (w, h) => {
    expect(await rejection(jpegOf(w, h))).toMatchObject({ reason: "too_small" });
  });

  it("a strip too narrow to be a listing photo", async () => {
    expect(await rejection(twoTone(2000, 300).jpeg().toBuffer())).toMatchObject({
      reason: "bad_aspect_ratio",
    });
  });
});
