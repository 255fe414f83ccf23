// Red flags an importer wants beside the numbers (research/auction-lots §3 and §5): a repair-history or
// damage score, rust and corrosion codes on the sheet, inspector phrases, unknown mileage. They are read
// from the lot as written and never change a verdict or a price: they say "look closer".
import type { Lot } from "./types.js";

// §3.1: R, RA, R1, R2, RB, RC, A and 0 mean repair history (修復歴).
const REPAIR_SCORE = /^(R[ABC12]?|A|0)$/;
// §3.3: a damage code is a letter and a size digit; S2+ is real rust, any C is corrosion, X / XX a panel.
// S and C are read in either case (s2, c1); X and XX only in capitals, because a lower-case x is a
// word ("2 x mirrors", "x door") far more often than a mark. Some houses add a digit to X.
const RUST_OR_CORROSION = /(?<![A-Za-z0-9])([SC])([1-9])(?![A-Za-z0-9])/gi;
const PANEL = /(?<![A-Za-z0-9])(XX|X)[1-9]?(?![A-Za-z0-9])/g;
// "なし" / "無" after a Japanese term, and "no" before an English one, say there is none.
const NONE_JA = String.raw`(?!\s*(?:なし|無し|無))`;
const PHRASES: readonly [RegExp, string][] = [
  [new RegExp(`修復歴${NONE_JA}|(?<!\\bno\\s)repair history`, "i"), "notes mention repair history (修復歴)"],
  [
    new RegExp(`(?:エンジン|E/G)異音${NONE_JA}|(?<!\\bno\\s)engine noise`, "i"),
    "notes mention abnormal engine noise (エンジン異音)",
  ],
  [new RegExp(`冠水${NONE_JA}|(?<!\\bno\\s)flood`, "i"), "notes mention flood damage (冠水)"],
  [
    new RegExp(`不動${NONE_JA}|\\bnot running\\b(?!\\s+lights?)|non-runner|does not run`, "i"),
    "notes say it does not run (不動)",
  ],
];

/** The flag of a rust or corrosion code, or null for one that is not a red flag (S1). */
function rustText(letter: string, size: number): string | null {
  if (letter === "S")
    return size < 2 ? null : size === 2 ? "rust S2 on the sheet" : `deep rust S${size} on the sheet`;
  return size === 1
    ? "corrosion C1 on the sheet"
    : size === 2
      ? "corrosion with a hole (C2) on the sheet"
      : `heavy corrosion C${size} on the sheet`;
}

const PANEL_TEXT: Record<string, string> = {
  X: "a panel marked X (to replace) on the sheet",
  XX: "a panel marked XX (replaced) on the sheet",
};

const NONE: readonly string[] = [];

/** Flags from the overall auction score. */
export function scoreFlags(score: string | null): readonly string[] {
  if (score === null) return NONE;
  if (REPAIR_SCORE.test(score)) return [`score ${score}: repair history (修復歴)`];
  if (score === "1") return ["score 1: flood or fire damage, or heavy modification"];
  if (score === "***") return ["no score: damaged or not running, sold without a grade"];
  return NONE;
}

/** Flags from the sheet's damage codes and the inspector's phrases in the notes, each once. */
export function notesFlags(notes: string): readonly string[] {
  const out = new Set<string>();
  for (const m of notes.matchAll(RUST_OR_CORROSION)) {
    const text = rustText(m[1]!.toUpperCase(), Number(m[2]));
    if (text) out.add(text);
  }
  for (const m of notes.matchAll(PANEL)) out.add(PANEL_TEXT[m[1]!]!);
  for (const [re, text] of PHRASES) if (re.test(notes)) out.add(text);
  return out.size === 0 ? NONE : [...out];
}

const UNKNOWN_MILEAGE = ["mileage unknown"];
const REPLACED_METER = ["odometer replaced: true mileage unknown"];

export function mileageFlags(flag: Lot["mileageFlag"]): readonly string[] {
  return flag === "unknown" ? UNKNOWN_MILEAGE : flag === "replaced" ? REPLACED_METER : NONE;
}

export function lotFlags(lot: Lot): string[] {
  return [
    ...scoreFlags(lot.score),
    ...(lot.notes === null ? NONE : notesFlags(lot.notes)),
    ...mileageFlags(lot.mileageFlag),
  ];
}
