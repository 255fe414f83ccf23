// What an uploaded file really is, decided from its bytes alone: the name and the claimed MIME type are
// chosen by the client and prove nothing. Pure functions over a Buffer, so they can be fuzzed cheaply.
//
// Besides the magic bytes we walk each format's container to its declared end. A file that goes on after
// the image ends (JPEG after EOI, PNG after IEND, WebP after the RIFF chunk) is a polyglot: an image to
// us, and a ZIP, script or HTML page to whatever reads it from the other end. We re-encode every photo,
// so such bytes never reach storage anyway; refusing them is defence in depth and a clear signal.

export type ImageType = "jpeg" | "png" | "webp";

export type Sniffed =
  | { kind: "supported"; type: ImageType }
  /** A format we recognise but do not take; `name` makes the error message useful. */
  | { kind: "unsupported"; name: string }
  | { kind: "unknown" };

export type StructureProblem = "truncated" | "trailing_data" | "malformed";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const ascii = (buf: Buffer, start: number, end: number) => buf.toString("latin1", start, end);

/** ISO-BMFF brands (the `ftyp` box) that phones and browsers produce. */
const HEIF_BRANDS: Record<string, string> = {
  heic: "HEIC",
  heix: "HEIC",
  hevc: "HEIC",
  heim: "HEIC",
  heis: "HEIC",
  mif1: "HEIF",
  msf1: "HEIF",
  avif: "AVIF",
  avis: "AVIF",
};

export function sniffImageType(buf: Buffer): Sniffed {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff)
    return { kind: "supported", type: "jpeg" };
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return { kind: "supported", type: "png" };
  if (buf.length >= 12 && ascii(buf, 0, 4) === "RIFF" && ascii(buf, 8, 12) === "WEBP")
    return { kind: "supported", type: "webp" };
  return sniffUnsupported(buf);
}

function sniffUnsupported(buf: Buffer): Sniffed {
  const head = ascii(buf, 0, Math.min(buf.length, 16));
  if (head.startsWith("GIF87a") || head.startsWith("GIF89a")) return { kind: "unsupported", name: "GIF" };
  if (buf.length >= 12 && ascii(buf, 4, 8) === "ftyp") {
    const brand = HEIF_BRANDS[ascii(buf, 8, 12)];
    if (brand) return { kind: "unsupported", name: brand };
  }
  if (head.startsWith("II*\0") || head.startsWith("MM\0*")) return { kind: "unsupported", name: "TIFF" };
  if (head.startsWith("BM")) return { kind: "unsupported", name: "BMP" };
  if (head.startsWith("%PDF")) return { kind: "unsupported", name: "PDF" };
  // SVG is XML and may start with a BOM, whitespace, a declaration or a comment: look a little further.
  const text = buf.toString("utf8", 0, Math.min(buf.length, 1024)).replace(/^\uFEFF/, "");
  if (/<svg[\s>]/i.test(text)) return { kind: "unsupported", name: "SVG" };
  return { kind: "unknown" };
}

/** Walks the container of an already-sniffed image; null when it ends exactly where the file ends. */
export function checkImageStructure(buf: Buffer, type: ImageType): StructureProblem | null {
  switch (type) {
    case "jpeg":
      return checkJpeg(buf);
    case "png":
      return checkPng(buf);
    case "webp":
      return checkWebp(buf);
  }
}

// Phones append whole extra JPEG streams after the primary image's EOI: the Multi-Picture Format used
// for HDR gain maps (iPhone, Pixel "Ultra HDR") and depth maps. Those are images too, so we accept a run
// of complete JPEG streams, and zero padding some encoders leave, but nothing else.
const MAX_JPEG_STREAMS = 8;

function checkJpeg(buf: Buffer): StructureProblem | null {
  let pos = 0;
  for (let stream = 0; stream < MAX_JPEG_STREAMS; stream++) {
    const end = jpegStreamEnd(buf, pos);
    if (typeof end === "string") return end;
    pos = end;
    while (pos < buf.length && buf[pos] === 0x00) pos++;
    if (pos === buf.length) return null;
    if (!(buf[pos] === 0xff && buf[pos + 1] === 0xd8 && buf[pos + 2] === 0xff)) return "trailing_data";
  }
  return "trailing_data";
}

/** Offset just past the EOI of the JPEG stream that starts (with SOI) at `start`. */
function jpegStreamEnd(buf: Buffer, start: number): number | StructureProblem {
  let pos = start + 2;
  for (;;) {
    if (pos >= buf.length) return "truncated";
    if (buf[pos] !== 0xff) return "malformed";
    while (pos < buf.length && buf[pos] === 0xff) pos++; // fill bytes before a marker are legal
    if (pos >= buf.length) return "truncated";
    const marker = buf[pos++] as number;
    if (marker === 0xd9) return pos; // EOI
    if (marker === 0xd8 || marker === 0x00) return "malformed";
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // TEM, RSTn: no length
    if (pos + 2 > buf.length) return "truncated";
    const length = buf.readUInt16BE(pos);
    if (length < 2) return "malformed";
    pos += length;
    if (pos > buf.length) return "truncated";
    if (marker === 0xda) {
      const next = skipEntropyData(buf, pos);
      if (next < 0) return "truncated";
      pos = next;
    }
  }
}

/** After an SOS header: the offset of the next real marker, or -1 when the data runs off the end. */
function skipEntropyData(buf: Buffer, from: number): number {
  let pos = from;
  for (;;) {
    pos = buf.indexOf(0xff, pos);
    if (pos < 0 || pos + 1 >= buf.length) return -1;
    const next = buf[pos + 1] as number;
    // FF00 is an escaped data byte, FFD0-FFD7 restart markers sit inside the scan, FFFF is fill.
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) pos += 2;
    else if (next === 0xff) pos += 1;
    else return pos;
  }
}

function checkPng(buf: Buffer): StructureProblem | null {
  let pos = PNG_SIGNATURE.length;
  let first = true;
  for (;;) {
    if (pos + 8 > buf.length) return "truncated";
    const length = buf.readUInt32BE(pos);
    const type = ascii(buf, pos + 4, pos + 8);
    if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(type)) return "malformed";
    if (first && (type !== "IHDR" || length !== 13)) return "malformed";
    first = false;
    const end = pos + 12 + length; // length, type, data, CRC
    if (end > buf.length) return "truncated";
    if (type === "IEND") return end === buf.length ? null : "trailing_data";
    pos = end;
  }
}

function checkWebp(buf: Buffer): StructureProblem | null {
  const riffEnd = 8 + buf.readUInt32LE(4);
  if (riffEnd > buf.length) return "truncated";
  if (riffEnd < buf.length) return "trailing_data";
  let pos = 12;
  while (pos < riffEnd) {
    if (pos + 8 > riffEnd) return "malformed";
    const size = buf.readUInt32LE(pos + 4);
    pos += 8 + size + (size & 1); // chunks are padded to an even size
    if (pos > riffEnd) return "truncated";
  }
  return pos === 12 ? "malformed" : null;
}
