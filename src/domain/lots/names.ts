// Recognising a lot by its model name, in English or Japanese ("Carry Truck", "スズキ キャリイ KC",
// "ハイゼットトラック ジャンボ"), with the spellings of model-names.json. A name matches a family when one of
// the family's spellings starts it (after an optional make), so a trim or a body word after the name
// does no harm, and the longest spelling wins ("スーパーキャリイ" before nothing, "NT100クリッパー" before
// "NT100"). A name that matches nothing is unknown, never guessed.
import type { ModelNames } from "../../facts/schemas.js";

export interface Family {
  make: string;
  model: string;
}

export interface NameIndex {
  /** The catalog family a model cell names (with an optional make in front), or null. */
  family(model: string, make?: string | null): Family | null;
  /** The catalog make a make cell names ("スズキ", "SUZUKI"), or null. */
  make(make: string): string | null;
}

/** Width, case, spaces and punctuation never change a name: "Ｃａｒｒｙ  Truck" = "carrytruck". */
export function foldName(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_./・'’()（）]+/gu, "");
}

const CACHE_LIMIT = 10_000;

export function createNameIndex(names: ModelNames): NameIndex {
  const spellings: { folded: string; family: Family }[] = [];
  for (const f of names.families)
    for (const n of f.names)
      spellings.push({ folded: foldName(n), family: { make: f.make, model: f.model } });
  spellings.sort((a, b) => b.folded.length - a.folded.length);
  const makes = new Map<string, string>();
  for (const m of names.makes) for (const n of m.names) makes.set(foldName(n), m.make);
  const makePrefixes = [...makes.keys()].sort((a, b) => b.length - a.length);
  // make cell -> model cell -> answer; two lookups, no key string built per row.
  const cache = new Map<string, Map<string, Family | null>>();
  let cached = 0;

  function lookup(folded: string): Family | null {
    for (const s of spellings) if (folded.startsWith(s.folded)) return s.family;
    return null;
  }

  return {
    family(model, make) {
      let byModel = cache.get(make ?? "");
      if (!byModel) {
        byModel = new Map();
        cache.set(make ?? "", byModel);
      }
      const hit = byModel.get(model);
      if (hit !== undefined) return hit;
      let folded = foldName(model);
      // "Suzuki Carry" / "スズキキャリイ": the make may lead the model cell.
      const lead = makePrefixes.find((p) => folded.startsWith(p) && folded.length > p.length);
      if (lead) folded = folded.slice(lead.length);
      let found = lookup(folded);
      // A make cell that disagrees with the family leaves the name unknown rather than picking one.
      const givenMake = make ? makes.get(foldName(make)) : undefined;
      if (found && givenMake && givenMake !== found.make) found = null;
      if (++cached >= CACHE_LIMIT) {
        cache.clear();
        cached = 0;
      }
      byModel.set(model, found);
      return found;
    },
    make(make) {
      return makes.get(foldName(make)) ?? null;
    },
  };
}

/** Optimal string alignment distance, stopping early past `max` (typos: one letter wrong, missing, extra or swapped). */
function closeTo(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return false;
    rows.push(row);
  }
  return rows[a.length]![b.length]! <= max;
}

/**
 * The model families a word of a search names: a spelling it starts with ("キャリイ", "hijet"), every family
 * of a make it names ("スズキ"), or, for a word of five letters or more, a spelling one typo away
 * ("hijte", "samber"). Families are those of model-names.json, which point at the catalog's make and model.
 */
export function familiesNamedBy(word: string, names: ModelNames): Family[] {
  const folded = foldName(word);
  if (folded === "") return [];
  const families = names.families.map((f) => ({ make: f.make, model: f.model }));
  const exact = names.families.findIndex((f) => f.names.some((n) => folded.startsWith(foldName(n))));
  if (exact !== -1) return [families[exact]!];
  const make = names.makes.find((m) => m.names.some((n) => foldName(n) === folded));
  if (make) return families.filter((f) => f.make === make.make);
  if (folded.length < 5 || !/^[a-z]+$/.test(folded)) return [];
  return families.filter((_, i) =>
    names.families[i]!.names.some((n) => {
      const s = foldName(n);
      return s.length >= 5 && closeTo(folded, s, 1);
    }),
  );
}

/**
 * The plain English name a search word stands for when the stored text cannot match it: "carry" for
 * キャリイ, "hijet" for hijte or ハイゼット, "suzuki" for スズキ. Null when the word is plain already or
 * names nothing (or more than one family).
 */
export function plainNameFor(word: string, names: ModelNames): string | null {
  const folded = foldName(word);
  const make = names.makes.find((m) => m.names.some((n) => foldName(n) === folded));
  if (make) return foldName(make.make) === folded ? null : foldName(make.make);
  const families = familiesNamedBy(word, names);
  if (families.length !== 1) return null;
  const family = names.families.find((f) => f.make === families[0]!.make && f.model === families[0]!.model)!;
  const plain = family.names.map(foldName).find((n) => /^[a-z0-9]+$/.test(n))!;
  return folded.startsWith(plain) ? null : plain;
}
