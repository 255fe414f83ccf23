// Reading one cell of an auction lot: yen, kilometres, years in Japanese eras, months, scores. Each
// reader returns the value, null for an empty cell, or a Bad: the reason the cell cannot be read.
// Plain ASCII cells take a fast path; others are NFKC-folded first, so full-width digits ("４８,２００")
// and Japanese units read the same as their ASCII forms.

import { daysInMonth } from "../units/dates.js";

/** Why a cell cannot be read, in words for the user. */
export interface Bad {
  bad: string;
}
export type Read<T> = T | null | Bad;

export function isBad<T>(v: Read<T>): v is Bad {
  return typeof v === "object" && v !== null && "bad" in v;
}

const bad = (reason: string): Bad => ({ bad: reason });

/** True when every character is printable ASCII (a loop: it runs on every cell of a big file). */
function isPrintableAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** Trimmed, and NFKC-folded when it holds anything beyond printable ASCII. */
export function clean(raw: string): string {
  // Most cells are printable ASCII with no space at either end: one pass, nothing made.
  const n = raw.length;
  if (n === 0 || (raw.charCodeAt(0) !== 32 && raw.charCodeAt(n - 1) !== 32 && isPrintableAscii(raw)))
    return raw;
  const t = raw.trim();
  return isPrintableAscii(t) ? t : t.normalize("NFKC").trim();
}

/** 1 to 12 ASCII digits and nothing else: most cells of a big file, so a loop rather than a regex. */
export function isPlainInt(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > 12) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const BLANKS = new Set(["", "-", "--", "—", "?", "??", "***", "n/a", "na", "none", "不明", "なし"]);

/** True for an empty or "unknown" placeholder cell. */
export function isBlank(cleaned: string): boolean {
  return cleaned.length === 0 || BLANKS.has(cleaned.toLowerCase());
}

const YEN = /^(?:¥|jpy)?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万|千)?\s*(?:円|yen|jpy)?$/i;

/**
 * Whole yen. `unit` multiplies plain numbers (1000 for lists in thousands of yen); 万 (10,000) and 千
 * (1,000) are units of their own. Decimals are accepted only where a unit makes them whole.
 */
export function readYen(raw: string, unit = 1): Read<number> {
  if (isPlainInt(raw)) return Number(raw) * unit;
  const s = clean(raw);
  if (isBlank(s)) return null;
  const m = YEN.exec(s);
  if (!m) return bad(`not an amount in yen: ${JSON.stringify(raw)}`);
  const whole = m[1]!.replaceAll(",", "");
  const scale = m[3] === "万" ? 10_000 : m[3] === "千" ? 1000 : unit;
  const value = Number(`${whole}.${m[2] ?? "0"}`) * scale;
  if (!Number.isSafeInteger(Math.round(value)) || Math.abs(value - Math.round(value)) > 1e-6)
    return bad(`not a whole number of yen: ${JSON.stringify(raw)}`);
  return Math.round(value);
}

export type MileageFlag = "unknown" | "replaced" | "low";
export interface Mileage {
  km: number | null;
  flag: MileageFlag | null;
}

const KM = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(万|千|k)?\s*(?:km|キロ)?$/i;
const REPLACED = /replaced|交換|改ざん|tmu|true mileage unknown/i;

/** Kilometres: "48200", "48,200 km", "4.8万km", "48千km", "48k"; "不明" / "?" is unknown, "メーター交換" replaced. */
export function readMileage(raw: string): Read<Mileage> {
  let km: number | null = null;
  if (isPlainInt(raw)) km = Number(raw);
  else {
    const s = clean(raw);
    if (isBlank(s) || /unknown|不明/i.test(s)) return { km: null, flag: "unknown" };
    if (REPLACED.test(s)) return { km: null, flag: "replaced" };
    const m = KM.exec(s);
    if (!m) return bad(`not a distance in km: ${JSON.stringify(raw)}`);
    const scale = m[3] === "万" ? 10_000 : m[3] === "千" || m[3]?.toLowerCase() === "k" ? 1000 : 1;
    km = Math.round(Number(`${m[1]!.replaceAll(",", "")}.${m[2] ?? "0"}`) * scale);
  }
  if (km > 2_000_000) return bad(`${km.toLocaleString("en-US")} km is not a plausible mileage`);
  // Some lists give thousands of km ("48" = 48,000 km): flag it rather than guess.
  return { km, flag: km < 1000 ? "low" : null };
}

/** Engine size in cc: "657", "657cc", "0.66L". */
export function readCc(raw: string): Read<number> {
  if (isPlainInt(raw)) return Number(raw);
  const s = clean(raw);
  if (isBlank(s)) return null;
  const cc = /^(\d{2,4})\s*cc$/i.exec(s);
  if (cc) return Number(cc[1]);
  const litres = /^(\d(?:\.\d{1,3})?)\s*l?$/i.exec(s);
  if (litres) return Math.round(Number(litres[1]) * 1000);
  return bad(`not an engine size in cc: ${JSON.stringify(raw)}`);
}

/** A year, with the month when the cell has one. */
export interface YearMonthValue {
  year: number;
  month: number | null;
  /** The cell used a Japanese era (H10, 平成10年, R1). */
  era: boolean;
  /** "YYYY-MM" when the month is known, else null. */
  text: string | null;
}

// research/auction-lots §4: Shōwa n = 1925 + n, Heisei n = 1988 + n, Reiwa n = 2018 + n; 元 is year 1.
const ERAS: Record<string, { base: number; last: number }> = {
  s: { base: 1925, last: 64 },
  昭和: { base: 1925, last: 64 },
  h: { base: 1988, last: 31 },
  平成: { base: 1988, last: 31 },
  r: { base: 2018, last: 99 },
  令和: { base: 2018, last: 99 },
};
const ERA = /^(s|h|r|昭和|平成|令和)\.?\s*(元|\d{1,2})\s*年?(?:\s*[./-]?\s*(\d{1,2})\s*月?)?$/i;
const GREGORIAN = /^(\d{4})\s*年?(?:\s*[./-]\s*(\d{1,2})\s*月?|\s*(\d{1,2})\s*月)?$/;

/** "1998", "1998-04", "1998/4", "1998年4月", "H10", "H10/4", "平成10年4月", "平成元年", "R1". */
export function readYearMonth(raw: string): Read<YearMonthValue> {
  const s = clean(raw);
  if (isBlank(s)) return null;
  const g = GREGORIAN.exec(s);
  if (g) return checked(Number(g[1]), g[2] ?? g[3], false, raw);
  const e = ERA.exec(s);
  if (e) {
    const era = ERAS[e[1]!.toLowerCase()]!;
    const n = e[2] === "元" ? 1 : Number(e[2]);
    if (n < 1 || n > era.last) return bad(`not a year of that era: ${JSON.stringify(raw)}`);
    return checked(era.base + n, e[3], true, raw);
  }
  return bad(`not a year (1998, H10) or month (1998-04): ${JSON.stringify(raw)}`);
}

function checked(
  year: number,
  monthText: string | undefined,
  era: boolean,
  raw: string,
): Read<YearMonthValue> {
  if (year < 1950 || year > 2099) return bad(`not a plausible year: ${JSON.stringify(raw)}`);
  const month = monthText === undefined ? null : Number(monthText);
  if (month !== null && (month < 1 || month > 12)) return bad(`not a month: ${JSON.stringify(raw)}`);
  const text = month === null ? null : `${year}-${month < 10 ? "0" : ""}${month}`;
  return { year, month, era, text };
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** An auction date as YYYY-MM-DD, from "2026-11-19", "2026/11/19", "2026.11.19" or "2026年11月19日". */
export function readDate(raw: string): Read<string> {
  const s = clean(raw);
  if (isBlank(s)) return null;
  const m = DATE.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))
      return `${m[1]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  }
  return bad(`not a date (YYYY-MM-DD): ${JSON.stringify(raw)}`);
}

// research/auction-lots §3.1: S, 1-9 with halves, R / RA / R1 / R2 / RB / RC and A / 0 for repair history,
// *** for not graded.
const SCORE = /^(s|[0-9](?:\.5)?|r[abc12]?|a|\*{3})$/i;

/** The overall auction score, canonical ("3.5", "R", "RA", "S", "***"), or null when the cell is blank. */
export function readScore(raw: string): Read<string> {
  const s = clean(raw).replace(/点$/, "").replace(",", ".");
  if (s === "***") return s;
  if (isBlank(s)) return null;
  if (!SCORE.test(s)) return bad(`not an auction score (S, 1-9, 3.5, R, RA, ***): ${JSON.stringify(raw)}`);
  return s.toUpperCase();
}

/** True when `raw` reads as an auction score: how a "Grade" cell is told apart from a trim name. */
export function looksLikeScore(raw: string): boolean {
  const s = clean(raw).replace(/点$/, "");
  return s === "***" || SCORE.test(s);
}

/** Interior or exterior letter grade A-E. */
export function readLetterGrade(raw: string): Read<string> {
  const s = clean(raw).toUpperCase();
  if (isBlank(s)) return null;
  if (/^[A-E][+-]?$/.test(s)) return s;
  return bad(`not a letter grade (A-E): ${JSON.stringify(raw)}`);
}

export type DriveValue = "2WD" | "4WD";

/** "4WD", "4x4", "AWD", "4駆", "四駆" -> 4WD; "2WD", "2x4", "FR", "MR", "2駆" -> 2WD. */
export function readDrive(raw: string): Read<DriveValue> {
  const s = clean(raw).toUpperCase().replace(/\s+/g, "");
  if (isBlank(s)) return null;
  if (/^(4WD|4X4|AWD|4|4駆|四駆|パートタイム4WD|FULLTIME4WD)$/.test(s)) return "4WD";
  if (/^(2WD|2X4|4X2|2|2駆|二駆|FR|MR|RR)$/.test(s)) return "2WD";
  return bad(`not a drive (2WD or 4WD): ${JSON.stringify(raw)}`);
}

export type AuctionResult = "sold" | "unsold" | "negotiation" | "cancelled";

const RESULTS: Record<string, AuctionResult> = {
  sold: "sold",
  落札: "sold",
  成約: "sold",
  unsold: "unsold",
  "not sold": "unsold",
  notsold: "unsold",
  流札: "unsold",
  流れ: "unsold",
  negotiation: "negotiation",
  nego: "negotiation",
  商談: "negotiation",
  商談中: "negotiation",
  cancelled: "cancelled",
  canceled: "cancelled",
  キャンセル: "cancelled",
};

/** The outcome: sold / unsold / negotiation / cancelled, in English or Japanese (落札 / 流札 / 商談). */
export function readResult(raw: string): Read<AuctionResult> {
  const s = clean(raw).toLowerCase();
  if (isBlank(s)) return null;
  return (
    RESULTS[s] ?? bad(`not an auction result (sold, unsold, negotiation, cancelled): ${JSON.stringify(raw)}`)
  );
}

// The exact forms most cells of a big file take, read without folding, regular expressions or a
// lookup: each gives what its reader gives, or undefined to leave the cell to the reader (tested).

/** "657": plain digits. */
export function quickCc(raw: string): number | undefined {
  return isPlainInt(raw) ? Number(raw) : undefined;
}

/** "2WD" or "4WD" as written. */
export function quickDrive(raw: string): DriveValue | undefined {
  return raw === "2WD" || raw === "4WD" ? raw : undefined;
}

/** One capital letter A-E. */
export function quickLetterGrade(raw: string): string | undefined {
  if (raw.length !== 1) return undefined;
  const c = raw.charCodeAt(0);
  return c >= 65 && c <= 69 ? raw : undefined;
}

/** "4" or "3.5": a digit, or a digit and a half. */
export function quickScore(raw: string): string | undefined {
  const n = raw.length;
  const d = raw.charCodeAt(0);
  if (!(d >= 48 && d <= 57)) return undefined;
  if (n === 1) return raw;
  return n === 3 && raw.charCodeAt(1) === 46 && raw.charCodeAt(2) === 53 ? raw : undefined;
}

/** Capital letters and digits only ("F5", "AT"): already upper case. */
export function quickUpper(raw: string): string | undefined {
  if (raw.length === 0) return undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) return undefined;
  }
  return raw;
}

/**
 * Whether a cleaned cell may be an amount in yen (readYen): it starts with a digit, "¥" or "jpy". A
 * result cell that does not ("sold", "流札") is read as a result without trying it as a price first.
 */
export function mayBeYen(cleaned: string): boolean {
  const c = cleaned.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 0xa5 || c === 0x6a || c === 0x4a;
}
