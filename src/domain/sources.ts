// A source as shown to a user: every fact an engine returns carries the sources it rests on.
import type { LinkSource, SourceRef } from "../facts/schemas.js";

export interface Source {
  /** The id in import-rules.json's `sources` registry, where the fact came from there. */
  id?: string;
  title: string;
  url: string | null;
  date?: string | null;
}

/** Resolves source ids of import-rules.json; an id missing from the registry is a data bug. */
export function resolveSources(
  ids: readonly string[],
  registry: Readonly<Record<string, SourceRef>>,
): Source[] {
  return ids.map((id) => {
    const ref = registry[id];
    if (!ref) throw new Error(`unknown source id "${id}" in import-rules.json`);
    return { id, title: ref.title, url: ref.url, date: ref.date ?? null };
  });
}

export function linkSources(links: readonly LinkSource[]): Source[] {
  return links.map((l) => ({ title: l.title, url: l.url, date: l.date ?? null }));
}

/** Merge source lists, keeping the first of each url/id. */
export function uniqueSources(lists: readonly (readonly Source[])[]): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const s of lists.flat()) {
    const key = s.id ?? s.url ?? s.title;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}
