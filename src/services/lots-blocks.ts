// Cutting a CSV file's bytes into blocks that can be parsed apart (by worker threads): a block starts
// at a record boundary and ends just after a line feed outside quoted fields, and its first line number
// is the count of line breaks before it, as the CSV parser counts them. Done on bytes with
// Buffer.indexOf (memchr): the structure of CSV is ASCII, and in UTF-8 an ASCII byte is never part of a
// multi-byte character (nor swallowed by an invalid sequence when decoding), so the cuts and counts on
// bytes are the parser's on text. Node's Buffer is why this lives here and not in the pure domain.

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const BOM = [0xef, 0xbb, 0xbf] as const;

function isBom(buf: Uint8Array, at: number): boolean {
  return buf[at] === BOM[0] && buf[at + 1] === BOM[1] && buf[at + 2] === BOM[2];
}

/**
 * Where the first field of a file starts: after the byte-order mark the decoder drops and the one
 * the parser drops after it (a file saved twice with a BOM), not after a third.
 */
export function firstFieldStart(buf: Uint8Array): number {
  let at = 0;
  for (let k = 0; k < 2 && isBom(buf, at); k++) at += 3;
  return at;
}

/**
 * The end of the last record in `buf[start, limit)` that ends with a line feed: the offset just after
 * that LF, or -1 when there is none. `start` must be a record boundary, and `fieldStart` (>= start) the
 * offset of its first field (after any byte-order marks). A quote opens a quoted field only at the
 * start of a field, as the parser reads it; a quote inside an unquoted field, or after a closing quote,
 * is text.
 */
export function lastRecordEnd(buf: Buffer, start: number, limit: number, fieldStart = start): number {
  let cut = -1;
  let pos = start;
  let outsideFrom = start;
  for (;;) {
    // Outside quotes: the next quote that opens a field, or the limit.
    let q = buf.indexOf(QUOTE, pos);
    while (q !== -1 && q < limit && !opensField(buf, q, fieldStart)) q = buf.indexOf(QUOTE, q + 1);
    const regionEnd = q === -1 || q >= limit ? limit : q;
    if (regionEnd > outsideFrom) {
      const lf = buf.lastIndexOf(LF, regionEnd - 1);
      if (lf >= outsideFrom) cut = lf + 1;
    }
    if (regionEnd === limit) return cut;
    // Inside a quoted field: to its closing quote ("" is an escaped quote, not the end).
    let p = q + 1;
    for (;;) {
      const c = buf.indexOf(QUOTE, p);
      // Not closed, or closed right at the limit ("" or not?): what follows is unknown here.
      if (c === -1 || c + 1 >= limit) return cut;
      if (buf[c + 1] === QUOTE) {
        p = c + 2;
        continue;
      }
      pos = c + 1;
      outsideFrom = c + 1;
      break;
    }
  }
}

function opensField(buf: Uint8Array, q: number, fieldStart: number): boolean {
  if (q === fieldStart) return true;
  const before = buf[q - 1];
  return q > fieldStart && (before === COMMA || before === LF || before === CR);
}

/** Line breaks in `buf` as the CSV parser counts them: LF, CRLF (once) and a lone CR, quoted or not. */
export function countLineBreaks(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(LF); i !== -1; i = buf.indexOf(LF, i + 1)) n++;
  for (let i = buf.indexOf(CR); i !== -1; i = buf.indexOf(CR, i + 1)) if (buf[i + 1] !== LF) n++;
  return n;
}

/** Bytes are decoded in slices of this many, which the parser then reads (SlicedCsvParser). */
const SLICE_BYTES = 16 * 1024;

/**
 * The text of `bytes` as the parser is best fed it, a slice of about 16 KiB at a time (the
 * decoder's pending bytes stay in `decoder`, for the next call or its final decode()).
 *
 * Decoded a slice at a time: the text of a whole block would be one large object that only a full
 * garbage collection frees; slices die young. (A slice may end inside a character: the decoder keeps
 * its first bytes for the next.) Each slice ends after a line break where there is one, so a slice's
 * text is nearly always whole records: the parser then has no unfinished record to join to the next
 * slice (a joined string is copied again when read). A break is always between characters, so the
 * decoder keeps no bytes. The benchmark's raw parse reads the file this way too (bench/lots.bench.ts).
 */
export function* textSlices(bytes: Uint8Array, decoder: InstanceType<typeof TextDecoder>): Generator<string> {
  for (let at = 0; at < bytes.length; ) {
    let end = Math.min(at + SLICE_BYTES, bytes.length);
    if (end < bytes.length) {
      const lf = bytes.lastIndexOf(LF, end - 1);
      if (lf >= at) end = lf + 1;
    }
    yield decoder.decode(bytes.subarray(at, end), { stream: true });
    at = end;
  }
}
