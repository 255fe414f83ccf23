// The catalog as a reader browses it: makes, model families, generations and chassis codes, with the
// URL slugs the /models pages use. A family is what a buyer calls "the Carry" or "the Acty": every code
// the catalog files under one make and model, whatever the badge on the tailgate said that year.
import type { CatalogEntry } from "../../facts/schemas.js";

/** "Suzuki" -> "suzuki", "NT100 Clipper" -> "nt100-clipper": lower-case letters, digits and hyphens. */
export function slugify(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function makeSlugOf(entry: Pick<CatalogEntry, "make">): string {
  return slugify(entry.make);
}

/**
 * The family slug. Catalog ids are written `<make>-<family>-<code>` ("suzuki-carry-da63t"), and their
 * middle part is the one family key the data gives (the model names vary within a family: "Carry
 * Truck", "Carry Truck / Super Carry"). An id of another shape falls back to the model name's slug.
 */
export function modelSlugOf(entry: Pick<CatalogEntry, "id" | "make" | "model" | "chassisCode">): string {
  const head = `${makeSlugOf(entry)}-`;
  const tail = `-${entry.chassisCode.toLowerCase()}`;
  if (entry.id.startsWith(head) && entry.id.endsWith(tail)) {
    const middle = slugify(entry.id.slice(head.length, entry.id.length - tail.length));
    if (middle !== "") return middle;
  }
  return slugify(entry.model);
}

export interface Generation {
  /** The catalog's generation number, or null where it has none. */
  number: number | null;
  /** The distinct generation labels of its codes, in catalog order. */
  labels: string[];
  numberingNote: string | null;
  entries: CatalogEntry[];
}

export interface ModelFamily {
  make: string;
  makeSlug: string;
  slug: string;
  /** The model name most of its codes carry (the first one on a tie). */
  name: string;
  /** Every model name the family's codes were sold under, in catalog order. */
  names: string[];
  entries: CatalogEntry[];
  /** Oldest first; a generation without a number keeps its place in the catalog's order. */
  generations: Generation[];
}

export interface Make {
  make: string;
  slug: string;
  families: ModelFamily[];
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? "";
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}

function generationsOf(entries: readonly CatalogEntry[]): Generation[] {
  const byKey = new Map<string, Generation>();
  for (const e of entries) {
    const key = e.generation.number === null ? `label:${e.generation.label}` : `n:${e.generation.number}`;
    let g = byKey.get(key);
    if (!g) {
      g = {
        number: e.generation.number,
        labels: [],
        numberingNote: e.generation.numberingNote ?? null,
        entries: [],
      };
      byKey.set(key, g);
    }
    if (!g.labels.includes(e.generation.label)) g.labels.push(e.generation.label);
    g.entries.push(e);
  }
  const list = [...byKey.values()];
  // Numbered generations by number; a stable sort keeps unnumbered ones where the catalog put them.
  return list.sort((a, b) => (a.number !== null && b.number !== null ? a.number - b.number : 0));
}

/** Makes (alphabetical) -> families (alphabetical by name) -> generations -> codes (catalog order). */
export function catalogTree(catalog: readonly CatalogEntry[]): Make[] {
  const makes = new Map<string, Map<string, CatalogEntry[]>>();
  for (const e of catalog) {
    const ms = makeSlugOf(e);
    const families = makes.get(ms) ?? new Map<string, CatalogEntry[]>();
    makes.set(ms, families);
    const fs = modelSlugOf(e);
    families.set(fs, [...(families.get(fs) ?? []), e]);
  }
  return [...makes]
    .map(([slug, families]) => {
      const list = [...families].map(([fs, entries]) => familyOf(slug, fs, entries));
      return {
        make: list[0]!.make,
        slug,
        families: list.sort((a, b) => a.name.localeCompare(b.name, "en")),
      };
    })
    .sort((a, b) => a.make.localeCompare(b.make, "en"));
}

function familyOf(makeSlug: string, slug: string, entries: CatalogEntry[]): ModelFamily {
  const names = [...new Set(entries.map((e) => e.model))];
  return {
    make: entries[0]!.make,
    makeSlug,
    slug,
    name: mostCommon(entries.map((e) => e.model)),
    names,
    entries,
    generations: generationsOf(entries),
  };
}

export function findFamily(
  tree: readonly Make[],
  makeSlug: string,
  modelSlug: string,
): { make: Make | undefined; family: ModelFamily | undefined } {
  const make = tree.find((m) => m.slug === makeSlug.toLowerCase());
  return { make, family: make?.families.find((f) => f.slug === modelSlug.toLowerCase()) };
}

export function familyOfEntry(tree: readonly Make[], entry: CatalogEntry): ModelFamily {
  const { family } = findFamily(tree, makeSlugOf(entry), modelSlugOf(entry));
  if (!family) throw new Error(`catalog entry ${entry.id} is in no family`);
  return family;
}

/** The record of an exact chassis code (or frame prefix), in any letter case; undefined otherwise. */
export function findChassisCode(catalog: readonly CatalogEntry[], code: string): CatalogEntry | undefined {
  const wanted = code.trim().toUpperCase();
  return catalog.find((e) => e.chassisCode === wanted) ?? catalog.find((e) => e.framePrefix === wanted);
}

/**
 * The catalog codes a record's `rebadgeOf` text names as whole words ("Suzuki Carry (DA71T/DB71T era)"
 * -> DA71T, DB71T). The text stays what the page shows; this only finds the records it points to.
 */
export function rebadgeTargets(entry: CatalogEntry, catalog: readonly CatalogEntry[]): CatalogEntry[] {
  if (entry.rebadgeOf === null) return [];
  const words = new Set(entry.rebadgeOf.toUpperCase().split(/[^A-Z0-9]+/));
  return catalog.filter((e) => e !== entry && words.has(e.chassisCode));
}

/** The records that name this one as what they are a rebadge of: "also sold as". */
export function rebadgesOf(entry: CatalogEntry, catalog: readonly CatalogEntry[]): CatalogEntry[] {
  return catalog.filter((e) => rebadgeTargets(e, catalog).includes(entry));
}

/** 1 -> "1st", 2 -> "2nd", 11 -> "11th", 22 -> "22nd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
