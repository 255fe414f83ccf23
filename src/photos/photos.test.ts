import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { demoPhotoSvg } from "./demo-photo.js";
import {
  assertCanAddPhotos,
  generateDemoPhoto,
  MAX_PHOTOS_PER_LISTING,
  newPhotoId,
  photoKey,
  savePhotoVariants,
} from "./photos.js";
import { type ProcessedPhoto, processPhoto } from "./process.js";
import { createMemoryStorage, isValidStorageKey, type PhotoStorage } from "./storage.js";
import { jpegOf } from "./test-fixtures.js";

describe("photoKey", () => {
  it("lays photos out by listing, photo, size and format", () => {
    expect(photoKey(123, "p1", "thumb", "webp")).toBe("listings/123/p1/thumb.webp");
    expect(photoKey("123", "p1", "large", "jpeg")).toBe("listings/123/p1/large.jpg");
    expect(isValidStorageKey(photoKey(1, newPhotoId(), "medium", "jpeg"))).toBe(true);
  });

  it.each(["..", "a/b", "", "x".repeat(65), "p 1"])("refuses the id %j", (bad) => {
    expect(() => photoKey(1, bad, "thumb", "webp")).toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
    expect(() => photoKey(bad, "p1", "thumb", "webp")).toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
  });
});

describe("assertCanAddPhotos", () => {
  it(`allows up to ${MAX_PHOTOS_PER_LISTING} photos per listing`, () => {
    expect(() => assertCanAddPhotos(11)).not.toThrow();
    expect(() => assertCanAddPhotos(0, 12)).not.toThrow();
    expect(() => assertCanAddPhotos(12)).toThrow(
      expect.objectContaining({ code: "photo_rejected", details: { reason: "too_many_photos" } }),
    );
    expect(() => assertCanAddPhotos(10, 3)).toThrow(/at most 12 photos/);
  });
});

describe("savePhotoVariants", () => {
  let processed: Promise<ProcessedPhoto> | undefined;
  const photo = (): Promise<ProcessedPhoto> => {
    processed ??= jpegOf(1200, 900).then((b: Buffer) => processPhoto(b));
    return processed;
  };

  it("stores all six variants and returns their keys and dimensions", async () => {
    const storage = createMemoryStorage();
    const stored = await savePhotoVariants(storage, 7, "p1", await photo());
    expect(storage.keys()).toEqual(
      ["large", "medium", "thumb"].flatMap((s) => [`listings/7/p1/${s}.jpg`, `listings/7/p1/${s}.webp`]),
    );
    expect(stored.find((s) => s.key === "listings/7/p1/medium.webp")).toMatchObject({
      size: "medium",
      format: "webp",
      contentType: "image/webp",
      width: 1024,
      height: 768,
    });
    for (const s of stored) {
      const object = await storage.get(s.key);
      expect(object?.contentType).toBe(s.contentType);
      expect(object?.data.length).toBe(s.bytes);
    }
  });

  it("removes the variants already written when one write fails", async () => {
    const inner = createMemoryStorage();
    let calls = 0;
    const flaky: PhotoStorage = {
      ...inner,
      put: async (key, data, type) => {
        if (++calls === 4) throw new Error("disk full");
        await inner.put(key, data, type);
      },
    };
    await inner.put("listings/7/other/thumb.jpg", Buffer.from("keep"), "image/jpeg");
    await expect(savePhotoVariants(flaky, 7, "p1", await photo())).rejects.toThrow("disk full");
    expect(inner.keys()).toEqual(["listings/7/other/thumb.jpg"]);
  });
});

describe("generateDemoPhoto", () => {
  const label = { title: "1996 Honda Acty 4WD", subtitle: "Demo listing · Portland, OR" };

  it("renders a 1024x768 JPEG that our own upload pipeline accepts", async () => {
    const jpeg = await generateDemoPhoto(1, label);
    const meta = await sharp(jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", 1024, 768]);
    await expect(processPhoto(jpeg)).resolves.toMatchObject({ width: 1024, height: 768 });
  });

  it("is deterministic: the same seed and label draw the same picture", async () => {
    expect((await generateDemoPhoto(42, label)).equals(await generateDemoPhoto(42, label))).toBe(true);
    expect(demoPhotoSvg(42, label)).not.toBe(demoPhotoSvg(43, label));
  });

  it("says DEMO, shows the label, and escapes it as text", () => {
    const svg = demoPhotoSvg(5, { title: 'Carry <script>"&', subtitle: "it's fine", color: "#aa3322" });
    expect(svg).toContain(">DEMO</text>");
    expect(svg).toContain("Carry &lt;script&gt;&quot;&amp;");
    expect(svg).toContain("it&apos;s fine");
    expect(svg).toContain('fill="#aa3322"');
    expect(svg).not.toContain("<script>");
  });

  it("refuses a colour that is not #rrggbb (it is written into the SVG)", () => {
    expect(() => demoPhotoSvg(1, { ...label, color: 'red"/><script' })).toThrow(/#rrggbb/);
  });
});
