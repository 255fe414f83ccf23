// Which link targets rendered Markdown may carry: http(s), mailto and relative URLs. Everything else
// (javascript:, data:, vbscript:, file:, and anything a browser could still read as a scheme) is refused;
// markdown-it then leaves the link as its source text.

const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "mailto"]);
const SCHEME = /^([a-z][a-z0-9+.-]*):/;

/**
 * True for an href a page may link to. Checked on the URL as markdown-it hands it over (entities already
 * decoded, control characters percent-encoded), after dropping the characters a browser ignores while
 * reading a scheme (C0 controls, spaces, DEL), so "java\tscript:" and " javascript:" are seen for what
 * they are. A relative URL may not have a colon before its first "/", "?" or "#": such a string could
 * be read as a scheme by some parser, so it is refused rather than guessed at.
 */
export function isSafeHref(href: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const s = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  if (s === "") return false;
  const scheme = SCHEME.exec(s);
  if (scheme) return ALLOWED_SCHEMES.has(scheme[1] ?? "");
  const colon = s.indexOf(":");
  if (colon === -1) return true;
  const pathStart = s.search(/[/?#]/);
  return pathStart !== -1 && pathStart < colon;
}

/** An absolute http(s) link to another site (protocol-relative included). */
export function isExternalHref(href: string): boolean {
  return /^(https?:)?\/\//i.test(href.trim());
}
