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
