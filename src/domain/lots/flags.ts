// Red flags an importer wants beside the numbers (research/auction-lots §3 and §5): a repair-history or
// damage score, rust and corrosion codes on the sheet, inspector phrases, unknown mileage. They are read
// from the lot as written and never change a verdict or a price: they say "look closer".
import type { Lot } from "./types.js";

// §3.1: R, RA, R1, R2, RB, RC, A and 0 mean repair history (修復歴).
const REPAIR_SCORE = /^(R[ABC12]?|A|0)$/;
// §3.3: a damage code is a letter and a size digit; S2+ is real rust, any C is corrosion, X / XX a panel.
const DAMAGE = /(?<![A-Za-z0-9])(S[23]|C[12]|XX|X)(?![A-Za-z0-9])/g;
const PHRASES: readonly [RegExp, string][] = [
  [/修復歴(あり|有)?|repair history/i, "notes mention repair history (修復歴)"],
  [/エンジン異音|engine noise/i, "notes mention abnormal engine noise (エンジン異音)"],
  [/冠水|flood/i, "notes mention flood damage (冠水)"],
  [/不動|not running|non-runner/i, "notes say it does not run (不動)"],
];

const DAMAGE_TEXT: Record<string, string> = {
  S2: "rust S2 on the sheet",
  S3: "deep rust S3 on the sheet",
  C1: "corrosion C1 on the sheet",
  C2: "corrosion with a hole (C2) on the sheet",
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

/** Flags from the sheet's damage codes and the inspector's phrases in the notes. */
export function notesFlags(notes: string): readonly string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const m of notes.toUpperCase().matchAll(DAMAGE)) {
    const code = m[1]!;
    if (!seen.has(code)) out.push(DAMAGE_TEXT[code]!);
    seen.add(code);
  }
  for (const [re, text] of PHRASES) if (re.test(notes)) out.push(text);
  return out.length === 0 ? NONE : out;
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
