// Heading ids for the table of contents: every heading gets a readable, unique id made from its text,
// and the level-2 and level-3 headings are collected, in order, into the render's table of contents.
import type { MarkdownIt, StateCore, Token } from "markdown-it";

export interface TocEntry {
  level: 2 | 3;
  id: string;
  text: string;
}

/** "Why 4WD matters" -> "why-4wd-matters"; "Keijidōsha" -> "keijidosha"; nothing usable -> "section". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
  return slug || "section";
}

/** The visible text of an inline token: its text and code children, without Markdown syntax. */
export function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? "";
  return token.children
    .filter((c) => c.type === "text" || c.type === "code_inline")
    .map((c) => c.content)
    .join("");
}

export interface HeadingEnv {
  toc?: TocEntry[];
}

function assignIds(state: StateCore): void {
  const env = state.env as HeadingEnv;
  const toc: TocEntry[] = [];
  const used = new Map<string, number>();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    if (open?.type !== "heading_open") continue;
    const text = inlineText(tokens[i + 1]).trim();
    const base = slugify(text);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const id = n === 1 ? base : `${base}-${n}`;
    open.attrSet("id", id);
    const level = Number(open.tag.slice(1));
    if (level === 2 || level === 3) toc.push({ level, id, text });
  }
  env.toc = toc;
}

export function headingIds(md: MarkdownIt): void {
  md.core.ruler.push("heading_ids", assignIds);
}
