import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkImageStructure, sniffImageType } from "./sniff.js";
import { gifOf, heicHeader, jpegOf, pngOf, svgImage, webpOf, zipArchive } from "./test-fixtures.js";

describe("sniffImageType", () => {
  it("recognises JPEG, PNG and WebP by their bytes", async () => {
    expect(sniffImageType(await jpegOf(40, 30))).toEqual({ kind: "supported", type: "jpeg" });
    expect(sniffImageType(await pngOf(40, 30))).toEqual({ kind: "supported", type: "png" });
    expect(sniffImageType(await webpOf(40, 30))).toEqual({ kind: "supported", type: "webp" });
  });

  it("names the formats we recognise but refuse", async () => {
    expect(sniffImageType(await gifOf(40, 30))).toEqual({ kind: "unsupported", name: "GIF" });
    expect(sniffImageType(svgImage())).toEqual({ kind: "unsupported", name: "SVG" });
    expect(sniffImageType(heicHeader())).toEqual({ kind: "unsupported", name: "HEIC" });
    expect(sniffImageType(Buffer.from("%PDF-1.7\n"))).toEqual({ kind: "unsupported", name: "PDF" });
  });

  it("knows nothing about text, archives or an empty buffer", () => {
    for (const buf of [Buffer.from("just some text"), zipArchive(), Buffer.alloc(0)])
      expect(sniffImageType(buf)).toEqual({ kind: "unknown" });
  });
});

describe("checkImageStructure", () => {
  it("accepts well-formed files of each type", async () => {
    expect(checkImageStructure(await jpegOf(300, 200), "jpeg")).toBeNull();
    expect(checkImageStructure(await pngOf(300, 200), "png")).toBeNull();
    expect(checkImageStructure(await webpOf(300, 200), "webp")).toBeNull();
  });

  it("flags data after the end of the image: the polyglot trick", async () => {
    const zip = zipArchive();
    expect(checkImageStructure(Buffer.concat([await jpegOf(300, 200), zip]), "jpeg")).toBe("trailing_data");
    expect(checkImageStructure(Buffer.concat([await pngOf(300, 200), zip]), "png")).toBe("trailing_data");
    expect(checkImageStructure(Buffer.concat([await webpOf(300, 200), zip]), "webp")).toBe("trailing_data");
  });

  it("flags files cut short", async () => {
    for (const [make, type] of [
      [jpegOf, "jpeg"],
      [pngOf, "png"],
      [webpOf, "webp"],
    ] as const) {
      const whole = await make(300, 200);
      expect(checkImageStructure(whole.subarray(0, Math.floor(whole.length * 0.7)), type)).toBe("truncated");
    }
  });

  it("accepts JPEG streams appended the way phones store gain and depth maps, and zero padding", async () => {
    const primary = await jpegOf(300, 200);
    const gainMap = await jpegOf(150, 100);
    expect(checkImageStructure(Buffer.concat([primary, gainMap]), "jpeg")).toBeNull();
    expect(checkImageStructure(Buffer.concat([primary, Buffer.alloc(64)]), "jpeg")).toBeNull();
    // ...but a ZIP after the appended stream is still a polyglot.
    expect(checkImageStructure(Buffer.concat([primary, gainMap, zipArchive()]), "jpeg")).toBe(
      "trailing_data",
    );
  });

  it("never throws, whatever the bytes (fuzzed with a valid header)", () => {
    const headers = [Buffer.from([0xff, 0xd8, 0xff]), Buffer.from("\x89PNG\r\n\x1a\n", "latin1")];
    fc.assert(
      fc.property(fc.constantFrom(0, 1), fc.uint8Array({ maxLength: 300 }), (h, tail) => {
        const buf = Buffer.concat([headers[h]!, tail]);
        const sniffed = sniffImageType(buf);
        if (sniffed.kind === "supported") checkImageStructure(buf, sniffed.type);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws on a RIFF/WEBP header with random sizes and chunks", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 8, maxLength: 200 }), (tail) => {
        const buf = Buffer.concat([
          Buffer.from("RIFF"),
          Buffer.from(tail.slice(0, 4)),
          Buffer.from("WEBP"),
          tail,
        ]);
        checkImageStructure(buf, "webp");
      }),
    );
  });
});
