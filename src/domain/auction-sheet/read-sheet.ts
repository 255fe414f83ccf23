// Reads what a buyer copies off a Japanese auction sheet (the score, the interior and exterior letters,
// the damage codes of the body diagram with where they are, equipment codes, inspector phrases) into
// their meanings from the fact data. Nothing is guessed: a value the data does not know is returned as
// not known, and a token that looks like a code but is not one is listed as not read.
import type { AuctionSheetFacts } from "../../facts/schemas.js";
import { notesFlags, scoreFlags } from "../lots/flags.js";

export type ScoreRecord = AuctionSheetFacts["scores"][number];
export type LetterRecord = AuctionSheetFacts["letters"][number];
export type MarkRecord = AuctionSheetFacts["marks"][number];
export type EquipmentRecord = AuctionSheetFacts["equipment"][number];
export type PhraseRecord = AuctionSheetFacts["phrases"][number];

export interface SheetInput {
  score?: string | null;
  interior?: string | null;
  exterior?: string | null;
  /** The damage codes and notes as written: "A1 bed rails; S2 under bed, U1 tailgate". */
  notes?: string | null;
}

/** A value as given, and its record; record null: not a value the fact data knows. */
export interface Known<R> {
  raw: string;
  record: R | null;
}

export interface MarkReading {
  /** The code as written (A2 of "A2U1"). */
  raw: string;
  code: string;
  /** The size digit, null when none was written. */
  size: number | null;
  record: MarkRecord;
  /** The words written with it ("bed rails"), null when none. */
  where: string | null;
}

export interface SheetReading {
  score: Known<ScoreRecord> | null;
  interior: Known<LetterRecord> | null;
  exterior: Known<LetterRecord> | null;
  marks: MarkReading[];
  equipment: { raw: string; record: EquipmentRecord }[];
  /** Inspector phrases found; `none` when the notes say there is none ("修復歴なし"). */
  phrases: { raw: string; record: PhraseRecord; none: boolean }[];
  /** Tokens written like a code (a letter or two and a digit) that are not one the data knows. */
  unread: string[];
  /** What to look at closer: the same red flags `keiyard lots` gives for the score and the notes. */
  flags: readonly string[];
  /** The ids of the sources behind what was read, in the order first used. */
  sources: string[];
}

const SEGMENT = /[;,、。；，\n\r]+/;
// Brackets, quotes and stops around a code are not part of it; "A3/U1" is two codes (but A/C is air
// conditioning and E/G異音 a phrase: only letters and digits on both sides are split).
const CODE_PAIR = /^[A-Za-z0-9]+(?:[/／][A-Za-z0-9]+)+$/;
const EDGE_PUNCTUATION = /^[([{「『"'.:]+|[)\]}」』"'.:]+$/g;
// A letter or two and a digit, maybe more after it: written like a code, whether or not one is known.
const LOOKS_LIKE_CODE = /^[A-Z]{1,2}[0-9][A-Z0-9]*$/;
// なし / 無 after a phrase: the sheet says there is none of it.
const NONE_AFTER = /^\s*(なし|無し|無)/;

/** Full-width letters, digits, dot and star made plain ASCII: text typed in Japan often has them. */
export function plainWidth(s: string): string {
  return s.replace(/[Ａ-Ｚａ-ｚ０-９．＊／]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** A code as the fact data writes it: trimmed, plain width, upper case. */
export function normalizeCode(s: string): string {
  return plainWidth(s.trim()).toUpperCase();
}

function codeParts(
  token: string,
  marks: readonly MarkRecord[],
): { raw: string; code: string; size: number | null; record: MarkRecord }[] | null {
  const t = normalizeCode(token);
  const parts: { raw: string; code: string; size: number | null; record: MarkRecord }[] = [];
  let i = 0;
  while (i < t.length) {
    // Longest code first: XX before X, RX before R.
    const record = marks.find((m) => t.startsWith(m.code, i));
    if (!record) return null;
    const from = i;
    i += record.code.length;
    let size: number | null = null;
    const d = t.charCodeAt(i) - 48;
    if (d >= 1 && d <= 4) {
      size = d;
      i++;
    }
    parts.push({ raw: t.slice(from, i), code: record.code, size, record });
  }
  if (parts.length === 0) return null;
  // Without digits only what sheets write that way: one code in capitals (X, XX, A), or AU (a scratch
  // and a dent, the one such pair the sources list). "cab", "USS", "US" and "AS" are words.
  const capitals = plainWidth(token.trim()) === t;
  const sized = parts.every((p) => p.size !== null);
  if (parts.length === 1) return parts[0]!.size !== null || capitals ? parts : null;
  return sized || (capitals && t === "AU") ? parts : null;
}

function letter(raw: string | null | undefined, sheet: AuctionSheetFacts): Known<LetterRecord> | null {
  if (raw == null || raw.trim() === "") return null;
  const l = normalizeCode(raw);
  return { raw: raw.trim(), record: sheet.letters.find((r) => r.letter === l) ?? null };
}

export function readSheet(input: SheetInput, sheet: AuctionSheetFacts): SheetReading {
  const sources: string[] = [];
  const cite = (r: { sources: readonly string[] } | null) => {
    if (r) for (const id of r.sources) if (!sources.includes(id)) sources.push(id);
  };

  let score: Known<ScoreRecord> | null = null;
  const rawScore = input.score?.trim() ?? "";
  if (rawScore !== "") {
    const s = normalizeCode(rawScore);
    score = { raw: rawScore, record: sheet.scores.find((r) => r.grades.includes(s)) ?? null };
    cite(score.record);
  }
  const interior = letter(input.interior, sheet);
  const exterior = letter(input.exterior, sheet);
  cite(interior?.record ?? null);
  cite(exterior?.record ?? null);

  const marks: MarkReading[] = [];
  const equipment: SheetReading["equipment"] = [];
  const unread: string[] = [];
  const notes = plainWidth(input.notes ?? "");
  const byLength = [...sheet.marks].sort((a, b) => b.code.length - a.code.length);
  for (const segment of notes.split(SEGMENT)) {
    const found: Omit<MarkReading, "where">[] = [];
    const words: string[] = [];
    for (const raw of segment.split(/\s+/)) {
      const whole = raw.replace(EDGE_PUNCTUATION, "");
      if (whole === "") continue;
      const upper = normalizeCode(whole);
      const equip = sheet.equipment.find((e) => e.codes.includes(upper) || e.codes.includes(whole));
      if (equip) {
        if (!equipment.some((e) => e.record === equip)) equipment.push({ raw: whole, record: equip });
        cite(equip);
        continue;
      }
      const pair = CODE_PAIR.test(plainWidth(whole));
      if (!pair && /[/／]/.test(whole)) {
        words.push(whole);
        continue;
      }
      for (const token of pair ? whole.split(/[/／]/) : [whole]) {
        const upper = normalizeCode(token);
        const parts = codeParts(token, byLength);
        if (parts) {
          found.push(...parts);
          for (const p of parts) cite(p.record);
        } else if (LOOKS_LIKE_CODE.test(upper)) unread.push(token);
        else words.push(token);
      }
    }
    const where = words.length > 0 ? words.join(" ") : null;
    for (const m of found) marks.push({ ...m, where });
  }

  const phrases: SheetReading["phrases"] = [];
  for (const record of sheet.phrases) {
    const text = record.texts.find((t) => notes.includes(t));
    if (text === undefined) continue;
    const after = notes.slice(notes.indexOf(text) + text.length);
    const none = NONE_AFTER.exec(after);
    phrases.push({ raw: none ? `${text}${none[1]}` : text, record, none: none !== null });
    cite(record);
  }

  // The batch tool's own rules, on the notes as written and on the codes read out of combined marks
  // (A2S3), so a sheet read here and a lot evaluated by `keiyard lots` raise the same flags.
  const flags = [
    ...new Set([
      ...(score ? scoreFlags(normalizeCode(score.raw)) : []),
      ...notesFlags(notes),
      ...notesFlags(marks.map((m) => m.raw).join(" ")),
    ]),
  ];
  return { score, interior, exterior, marks, equipment, phrases, unread, flags, sources };
}

/** Whether a reading holds anything at all (an empty form reads as nothing). */
export function isEmptyReading(r: SheetReading): boolean {
  return (
    r.score === null &&
    r.interior === null &&
    r.exterior === null &&
    r.marks.length === 0 &&
    r.equipment.length === 0 &&
    r.phrases.length === 0 &&
    r.unread.length === 0
  );
}
