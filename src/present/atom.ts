// Atom 1.0 (RFC 4287) feeds: the guides, and new listings matching a search. Every URL is absolute,
// every text is escaped, ids are the entries' permanent absolute URLs, and times are RFC 3339.
export interface AtomEntry {
  /** A permanent absolute URL (the entry's page). */
  id: string;
  title: string;
  /** The page to open. */
  url: string;
  /** RFC 3339, or a YYYY-MM-DD date (taken as midnight UTC). */
  updated: string;
  published?: string;
  summary?: string;
  /** HTML content; relative links in it resolve against `url` (xml:base). */
  contentHtml?: string;
  author?: string;
  categories?: readonly string[];
}

export interface AtomFeed {
  /** A permanent absolute URL identifying the feed. */
  id: string;
  title: string;
  subtitle?: string;
  /** The feed's own absolute URL. */
  selfUrl: string;
  /** The absolute URL of the HTML page it mirrors. */
  alternateUrl: string;
  /** RFC 3339 or YYYY-MM-DD; usually the newest entry's. */
  updated: string;
  author: string;
  entries: readonly AtomEntry[];
}

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";

// XML 1.0 forbids most control characters and lone surrogates, even escaped: drop them.
const INVALID_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
}

/** RFC 3339 in UTC: a date becomes its midnight UTC; an invalid time is a bug in the caller. */
export function rfc3339(time: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(time) ? new Date(`${time}T00:00:00Z`) : new Date(time);
  if (Number.isNaN(date.getTime())) throw new Error(`not a time: "${time}"`);
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}"${type ? ` type="${type}"` : ""} href="${escapeXml(href)}"/>`;

function entryXml(e: AtomEntry): string {
  return [
    "<entry>",
    el("id", e.id),
    el("title", e.title, ' type="text"'),
    link("alternate", e.url, "text/html"),
    el("updated", rfc3339(e.updated)),
    e.published ? el("published", rfc3339(e.published)) : "",
    e.author ? `<author>${el("name", e.author)}</author>` : "",
    ...(e.categories ?? []).map((c) => `<category term="${escapeXml(c)}"/>`),
    e.summary ? el("summary", e.summary, ' type="text"') : "",
    e.contentHtml ? el("content", e.contentHtml, ` type="html" xml:base="${escapeXml(e.url)}"`) : "",
    "</entry>",
  ]
    .filter(Boolean)
    .join("\n");
}

export function atomFeed(f: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    el("id", f.id),
    el("title", f.title, ' type="text"'),
    f.subtitle ? el("subtitle", f.subtitle, ' type="text"') : "",
    link("self", f.selfUrl, "application/atom+xml"),
    link("alternate", f.alternateUrl, "text/html"),
    el("updated", rfc3339(f.updated)),
    `<author>${el("name", f.author)}</author>`,
    el("generator", "keiyard"),
    ...f.entries.map(entryXml),
    "</feed>",
    "",
  ]
    .filter((l, i, all) => l !== "" || i === all.length - 1)
    .join("\n");
}
