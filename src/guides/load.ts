// Reads the guides once at start-up: each content/guides/<slug>.md is YAML front matter between "---"
// lines, then Markdown. A bad file stops the program with the file and the field named, as the fact
// files do, so a broken guide never reaches a reader.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { GuideError } from "./errors.js";
import { type GuideSource, guideFrontMatterSchema, SLUG } from "./schema.js";

export const DEFAULT_GUIDES_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "content",
  "guides",
);

export { GuideError };

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/** Parses one guide file's text; `file` names it in errors, its base name is the slug. */
export function parseGuide(file: string, text: string): GuideSource {
  const slug = file.replace(/^.*\//, "").replace(/\.md$/, "");
  if (!SLUG.test(slug))
    throw new GuideError(`${file}: the file name must be a slug such as buying-checklist.md`);
  const m = FRONT_MATTER.exec(text);
  if (!m) throw new GuideError(`${file}: expected front matter between "---" lines at the top`);
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? "");
  } catch (e) {
    throw new GuideError(`${file}: front matter is not valid YAML (${(e as Error).message.split("\n")[0]})`);
  }
  const result = guideFrontMatterSchema.safeParse(data ?? {});
  if (!result.success) {
    const issues = result.error.issues
      .slice(0, 5)
      .map((i) => `  - ${i.path.length ? `field ${i.path.join(".")}` : "front matter"}: ${i.message}`);
    throw new GuideError(`${file}: invalid front matter\n${issues.join("\n")}`);
  }
  const body = text.slice(m[0].length);
  if (body.trim() === "") throw new GuideError(`${file}: the guide has no text after its front matter`);
  return {
    slug,
    file,
    meta: { ...result.data, updated: result.data.updated ?? result.data.published },
    body,
  };
}

/** Newest first (by publication, then title). */
export function loadGuides(dir: string = DEFAULT_GUIDES_DIR): GuideSource[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .sort();
  const shown = (f: string) => {
    const rel = relative(process.cwd(), join(dir, f));
    return rel.startsWith("..") ? join(dir, f) : rel;
  };
  return files
    .map((f) => parseGuide(shown(f), readFileSync(join(dir, f), "utf8")))
    .sort(
      (a, b) => b.meta.published.localeCompare(a.meta.published) || a.meta.title.localeCompare(b.meta.title),
    );
}

/** Words a minute for the reading time: a common figure for reading prose on a screen. */
export const WORDS_PER_MINUTE = 200;

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Whole minutes, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

let cached: GuideSource[] | undefined;
/** The repository's guides, read on first use (at start-up, when the routes are built). */
export function getGuides(): GuideSource[] {
  cached ??= loadGuides();
  return cached;
}
