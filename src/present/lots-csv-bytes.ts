// The CSV line of a lot result (lotCsvLine, the definition) written straight into a byte buffer as
// UTF-8: no string per cell, no string per line, nothing to flatten or encode afterwards. A worker
// thread writes a million of these; building them as strings cost more than evaluating the lots.
// Tested to give exactly the bytes of lotCsvLine.

import { csvField } from "../domain/lots/csv.js";
import type { LotIssue, LotResult } from "../domain/lots/types.js";
import { dollars, eligibilityCells, fairCells, issuesText, vehicleCells } from "./lots.present.js";

const COMMA = 44;
const SLACK = 512;
const LF = 10;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const encoder = new TextEncoder();

const QUOTE = 34;
const SEPARATOR = encoder.encode("; ");
const COLON = encoder.encode(": ");

interface Piece {
  bytes: Uint8Array;
  /** With each quote doubled, for inside a quoted cell. */
  escaped: Uint8Array;
  /** Holds a character that makes its cell quoted. */
  special: boolean;
}

const PIECE_LIMIT = 4096;
const pieces = new Map<string, Piece>();

/** A column name or reason as bytes, remembered (bounded): most are a few strings shared by many rows. */
function piece(s: string): Piece {
  let p = pieces.get(s);
  if (p === undefined) {
    const bytes = encoder.encode(s);
    p = {
      bytes,
      escaped: s.includes('"') ? encoder.encode(s.replaceAll('"', '""')) : bytes,
      special: /[",\r\n]/.test(s),
    };
    if (pieces.size >= PIECE_LIMIT) pieces.clear();
    pieces.set(s, p);
  }
  return p;
}

/** Cells shared by many rows (a vehicle, an eligibility answer) are encoded once each. */
const cellBytes = new WeakMap<object, Uint8Array>();

function digitsOf(n: number): number {
  if (n < 10) return 1;
  if (n < 100) return 2;
  if (n < 1000) return 3;
  if (n < 10_000) return 4;
  if (n < 100_000) return 5;
  if (n < 1_000_000) return 6;
  if (n < 10_000_000) return 7;
  let digits = 8;
  for (let t = Math.floor(n / 100_000_000); t > 0; t = Math.floor(t / 10)) digits++;
  return digits;
}

export class LotCsvWriter {
  // Buffers of their own (not from Node's pool, which could not be moved) and not zeroed: every byte
  // handed on is written first.
  private buf: Buffer;
  private len = 0;

  constructor(capacity = 64 * 1024) {
    this.buf = Buffer.allocUnsafeSlow(capacity);
  }

  /** The bytes so far, in a buffer of their own (which may be moved to another thread); starts afresh. */
  take(next: number | ArrayBuffer = 64 * 1024): Uint8Array {
    const out = this.buf.subarray(0, this.len);
    this.buf = typeof next === "number" ? Buffer.allocUnsafeSlow(next) : Buffer.from(next);
    this.len = 0;
    return out;
  }

  /** Appends lotCsvLine(r) and a line break. */
  line(r: LotResult): void {
    this.room(0);
    const f = r.fair;
    const m = r.margin;
    const hasRange = f !== null && f.source !== "none";
    this.int(r.line);
    this.comma();
    this.field(r.lotNo);
    this.comma();
    if (r.auction !== null) this.field(r.auction);
    this.comma();
    if (r.auctionDate !== null) this.text(r.auctionDate);
    this.comma();
    this.text(r.status);
    this.comma();
    this.shared(r.vehicle, vehicleCells);
    this.comma();
    if (r.year !== null) this.num(r.year);
    this.comma();
    if (r.firstReg !== null) this.text(r.firstReg);
    this.comma();
    if (r.mileageKm !== null) this.num(r.mileageKm);
    this.comma();
    if (r.score !== null) this.text(r.score);
    this.comma();
    // Eligibility answers number in the thousands: their few short cells are quicker written than
    // looked up in a table that big.
    const e = r.eligibility;
    if (e) {
      this.text(e.verdict);
      this.comma();
      if (e.eligibleFrom !== null) this.text(e.eligibleFrom);
      this.comma();
      this.text(e.evidence);
    } else this.text(eligibilityCells(null));
    this.comma();
    if (r.price) this.text(r.price.basis);
    this.comma();
    if (r.price) this.num(r.price.jpy);
    this.comma();
    if (r.landedCents !== null) this.dollars(r.landedCents);
    this.comma();
    // The fact data's range is one shared object; a model's answer is the lot's own.
    if (f !== null && f.source === "facts") this.shared(f, fairCells);
    else {
      if (f) this.text(f.source);
      this.comma();
      if (f?.source === "model") this.dollars(f.fairCents);
      this.comma();
      if (hasRange) this.dollars(f.lowCents);
      this.comma();
      if (hasRange) this.dollars(f.highCents);
      this.comma();
      if (f?.source === "model") this.num(f.comparables);
    }
    this.comma();
    if (m?.cents != null) this.dollars(m.cents);
    this.comma();
    if (m) this.dollars(m.lowCents);
    this.comma();
    if (m) this.dollars(m.highCents);
    this.comma();
    if (r.warnings.length > 0) this.issues(r.warnings);
    this.comma();
    if (r.errors.length > 0) this.issues(r.errors);
    this.buf[this.len++] = LF;
  }

  /**
   * Room for `n` bytes and then SLACK more: text cells call it, and the numbers and commas between two
   * text cells (fewer than SLACK bytes) then need no check of their own.
   */
  private room(n: number): void {
    if (this.len + n + SLACK <= this.buf.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.len + n + SLACK));
    bigger.set(this.buf.subarray(0, this.len));
    this.buf = bigger;
  }

  private comma(): void {
    this.buf[this.len++] = COMMA;
  }

  /** Text as it is (no quoting): ASCII byte by byte, anything else through the encoder. */
  private text(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    let at = this.len;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.len = at;
        this.encode(s.slice(i));
        return;
      }
      buf[at++] = c;
    }
    this.len = at;
  }

  private encode(s: string): void {
    this.room(s.length * 3);
    this.len += encoder.encodeInto(s, this.buf.subarray(this.len)).written;
  }

  /** A cell as csvField writes it: quoted only when it must be (copied as it is checked). */
  private field(s: string): void {
    const n = s.length;
    this.room(n);
    const buf = this.buf;
    const from = this.len;
    let at = from;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || c === 34 || c === 44 || c === 10 || c === 13) {
        this.len = from;
        this.text(csvField(s));
        return;
      }
      buf[at++] = c;
    }
    this.len = at;
  }

  /**
   * The cell issuesText(issues) makes, through csvField, without making it: most rows' issues are a
   * few shared reasons (eligibility, flags), whose bytes (and whether they need quoting) are kept.
   */
  private issues(issues: readonly LotIssue[]): void {
    let quoted = false;
    for (const i of issues) {
      const c = piece(i.column);
      const r = piece(i.reason);
      if (c.special || r.special) quoted = true;
    }
    // A cell may not start with U+FEFF unquoted; no column name does, but the general path says so.
    if (issues[0]!.column.charCodeAt(0) === 0xfeff) {
      this.field(issuesText(issues));
      return;
    }
    if (quoted) this.byte(QUOTE);
    for (let k = 0; k < issues.length; k++) {
      const i = issues[k]!;
      if (k > 0) this.bytes(SEPARATOR);
      this.bytes(quoted ? piece(i.column).escaped : piece(i.column).bytes);
      this.bytes(COLON);
      this.bytes(quoted ? piece(i.reason).escaped : piece(i.reason).bytes);
    }
    if (quoted) this.byte(QUOTE);
  }

  private byte(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }

  private bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  private shared<T extends object>(key: T | null, cells: (v: T | null) => string): void {
    if (key === null) {
      this.text(cells(null));
      return;
    }
    let bytes = cellBytes.get(key);
    if (bytes === undefined) {
      bytes = encoder.encode(cells(key));
      cellBytes.set(key, bytes);
    }
    this.room(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  /** A number as String() writes it: digits by hand for the whole numbers every row has. */
  private num(v: number): void {
    if (Number.isSafeInteger(v)) this.int(v);
    else this.text(String(v));
  }

  private int(v: number): void {
    const buf = this.buf;
    let n = v;
    if (n < 0) {
      buf[this.len++] = MINUS;
      n = -n;
    }
    const digits = digitsOf(n);
    let at = this.len + digits;
    this.len = at;
    do {
      const d = n % 10;
      buf[--at] = ZERO + d;
      n = (n - d) / 10;
    } while (n > 0);
  }

  private dollars(cents: number): void {
    if (!Number.isSafeInteger(cents)) {
      this.text(dollars(cents));
      return;
    }
    if (cents < 0) {
      this.buf[this.len++] = MINUS;
    }
    const abs = Math.abs(cents);
    const c = abs % 100;
    this.int((abs - c) / 100);
    this.buf[this.len++] = DOT;
    this.buf[this.len++] = ZERO + Math.floor(c / 10);
    this.buf[this.len++] = ZERO + (c % 10);
  }
}
