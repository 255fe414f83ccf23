// Test-only: image fixtures built in code with sharp, so the repository holds no binary test files and
// every fixture says how it was made.
import { crc32 } from "node:zlib";
import sharp, { type Sharp } from "sharp";

const RED = [220, 30, 30];
const BLUE = [30, 30, 220];

/**
 * A width x height image, red on the left half and blue on the right, so a test can tell which way it
 * was rotated. Returned as a sharp pipeline; pick the format with .jpeg(), .png(), .webp().
 */
export function twoTone(width: number, height: number): Sharp {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set(x < width / 2 ? RED : BLUE, (y * width + x) * 3);
  return sharp(data, { raw: { width, height, channels: 3 } });
}

export const jpegOf = (w: number, h: number) => twoTone(w, h).jpeg({ quality: 90 }).toBuffer();
export const pngOf = (w: number, h: number) => twoTone(w, h).png().toBuffer();
export const webpOf = (w: number, h: number) => twoTone(w, h).webp().toBuffer();

/** A JPEG whose EXIF carries GPS coordinates and a camera make, as a phone would write them. */
export function jpegWithGps(w: number, h: number): Promise<Buffer> {
  return twoTone(w, h)
    .jpeg()
    .withExifMerge({
      IFD0: { Make: "KeiCam", Model: "Tracker 1" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "35/1 40/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "139/1 45/1 0/1",
      },
    })
    .toBuffer();
}

/** True when a raw EXIF block (TIFF, little- or big-endian) holds the GPS IFD pointer tag 0x8825. */
export function exifHasGps(exif: Buffer): boolean {
  return exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));
}

/** A landscape JPEG stored sideways with EXIF Orientation 6 (display rotated 90 degrees clockwise). */
export function jpegRotated90(w: number, h: number): Promise<Buffer> {
  return twoTone(w, h).jpeg().withMetadata({ orientation: 6 }).toBuffer();
}

/** A tiny PNG whose IHDR claims width x height: what a decompression bomb looks like to a header reader. */
export async function pngDeclaring(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await pngOf(200, 150));
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29); // CRC over chunk type + data, so only the size lies
  return png;
}

/** A minimal but valid ZIP archive (one stored file), to append to an image as a polyglot would. */
export function zipArchive(): Buffer {
  const name = Buffer.from("payload.html");
  const body = Buffer.from("<script>alert(1)</script>");
  const crc = crc32(body);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(body.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(10, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(body.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, body, central, name, end]);
}

/** The first bytes of an iPhone HEIC file: an ISO-BMFF `ftyp` box with the `heic` brand. */
export function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write("ftypheic", 4, "latin1");
  ftyp.write("mif1heic", 16, "latin1");
  return Buffer.concat([ftyp, Buffer.alloc(200)]);
}

export const svgImage = () =>
  Buffer.from(
    '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="red"/></svg>',
  );

export const gifOf = (w: number, h: number) => twoTone(w, h).gif().toBuffer();
