// Test helper: reads HTML made by our renderers the way a browser would find trouble in it. Every "<"
// must open a tag on the allow-list (text is escaped, so a bare "<" is a leak), every attribute must be
// allowed for its tag (no on* handlers, no style), and every link or image target must resolve, by the
// WHATWG URL parser a browser uses, to http(s) or mailto.
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)\s*(\/?)>/;
const ATTR = /\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g;

const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

export type Allowed = Readonly<Record<string, readonly string[]>>;

export const COMMENT_TAGS: Allowed = {
  p: [],
  br: [],
  em: [],
  strong: [],
  code: ["class"],
  pre: [],
  ul: [],
  ol: ["start"],
  li: [],
  blockquote: [],
  a: ["href", "title", "rel"],
};

export const GUIDE_TAGS: Allowed = {
  ...COMMENT_TAGS,
  h1: ["id"],
  h2: ["id"],
  h3: ["id"],
  h4: ["id"],
  h5: ["id"],
  h6: ["id"],
  hr: [],
  s: [],
  img: ["src", "alt", "title"],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ["style"],
  td: ["style"],
};

const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/** The problems found, one line each; empty when the HTML is clean. */
export function auditHtml(html: string, allowed: Allowed): string[] {
  const problems: string[] = [];
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
    const m = TAG.exec(html.slice(i));
    if (!m) {
      problems.push(`unescaped "<" at ${i}: ${html.slice(i, i + 40)}`);
      continue;
    }
    const name = m[2]!.toLowerCase();
    const attrs = allowed[name];
    if (!attrs) {
      problems.push(`tag <${name}> is not allowed`);
      continue;
    }
    for (const a of (m[3] ?? "").matchAll(ATTR)) {
      const attr = a[1]!.toLowerCase();
      const value = decode(a[2] ?? "");
      if (!attrs.includes(attr)) problems.push(`attribute ${attr} on <${name}> is not allowed`);
      if (attr === "style" && !/^text-align:(left|right|center)$/.test(value))
        problems.push(`style "${value}" on <${name}>`);
      if (attr === "href" || attr === "src") {
        const url = new URL(value, "https://keiyard.test/guides/x");
        if (!SAFE_PROTOCOLS.has(url.protocol))
          problems.push(`${attr} "${value}" resolves to ${url.protocol}`);
      }
    }
  }
  return problems;
}
