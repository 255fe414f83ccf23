// Test helpers: a small, strict XML 1.0 reader (well-formedness: one root, matched tags, quoted and
// unique attributes, only the predefined and numeric entities, no stray "<" or "&", only characters XML
// allows) and the checks RFC 4287 makes of an Atom feed. There is no network for the W3C validator, so
// the feed tests parse what the site serves with this.
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAME = /^[A-Za-z_][-A-Za-z0-9_.:]*/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML forbids
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function decodeEntities(s: string, where: number): string {
  return s.replace(/&([^;]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw new Error(`bare "&" at ${where}`);
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (ref in named) return named[ref]!;
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(ref);
    if (!num) throw new Error(`unknown entity &${ref}; at ${where}`);
    const code = num[1]!.startsWith("x") ? Number.parseInt(num[1]!.slice(1), 16) : Number(num[1]);
    return String.fromCodePoint(code);
  });
}

export function parseXml(text: string): XmlElement {
  if (BAD_CHAR.test(text)) throw new Error("a character XML does not allow");
  let i = 0;
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(text.slice(i))![0].length;
      i += ws;
      if (text.startsWith("<?", i)) i = text.indexOf("?>", i) + 2;
      else if (text.startsWith("<!--", i)) i = text.indexOf("-->", i) + 3;
      else return;
      if (i < 2) throw new Error("unterminated declaration or comment");
    }
  };
  const element = (): XmlElement => {
    if (text[i] !== "<") throw new Error(`expected a tag at ${i}`);
    i++;
    const name = NAME.exec(text.slice(i))?.[0];
    if (!name) throw new Error(`bad tag name at ${i}`);
    i += name.length;
    const attrs: Record<string, string> = {};
    for (;;) {
      const m = /^\s+([A-Za-z_][-A-Za-z0-9_.:]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(text.slice(i));
      if (!m) break;
      if (m[1]! in attrs) throw new Error(`duplicate attribute ${m[1]} on <${name}>`);
      attrs[m[1]!] = decodeEntities(m[3] ?? m[4] ?? "", i);
      i += m[0].length;
    }
    const end = /^\s*(\/?)>/.exec(text.slice(i));
    if (!end) throw new Error(`malformed start tag <${name}> at ${i}`);
    i += end[0].length;
    const el: XmlElement = { name, attrs, children: [] };
    if (end[1]) return el;
    for (;;) {
      const lt = text.indexOf("<", i);
      if (lt === -1) throw new Error(`<${name}> is never closed`);
      const chunk = text.slice(i, lt);
      if (chunk.includes(">") && chunk.includes("]]>")) throw new Error(`"]]>" in text at ${i}`);
      if (chunk) el.children.push(decodeEntities(chunk, i));
      i = lt;
      if (text.startsWith("</", i)) {
        const close = new RegExp(`^</${name.replace(/[.]/g, "\\.")}\\s*>`).exec(text.slice(i));
        if (!close) throw new Error(`expected </${name}> at ${i}`);
        i += close[0].length;
        return el;
      }
      if (text.startsWith("<!--", i)) {
        const e = text.indexOf("-->", i);
        if (e === -1) throw new Error("unterminated comment");
        i = e + 3;
      } else if (text.startsWith("<![CDATA[", i)) {
        const e = text.indexOf("]]>", i);
        if (e === -1) throw new Error("unterminated CDATA");
        el.children.push(text.slice(i + 9, e));
        i = e + 3;
      } else el.children.push(element());
    }
  };
  skipMisc();
  if (text.startsWith("<!DOCTYPE", i)) throw new Error("no DTD expected");
  const root = element();
  skipMisc();
  if (i !== text.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

export const childrenNamed = (el: XmlElement, name: string) =>
  el.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);
export const textOf = (el: XmlElement | undefined): string =>
  el ? el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("") : "";

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const isAbsolute = (u: string) => {
  try {
    return ["http:", "https:", "tag:"].includes(new URL(u).protocol);
  } catch {
    return false;
  }
};

/** RFC 4287's requirements of a feed and its entries; empty when the feed is valid. */
export function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  const feed = parseXml(xml);
  if (feed.name !== "feed") problems.push(`root is <${feed.name}>, not <feed>`);
  if (feed.attrs.xmlns !== "http://www.w3.org/2005/Atom") problems.push("root is not in the Atom namespace");
  const one = (el: XmlElement, name: string, where: string) => {
    const found = childrenNamed(el, name);
    if (found.length !== 1) problems.push(`${where} has ${found.length} <${name}>, expected 1`);
    return found[0];
  };
  const checkCommon = (el: XmlElement, where: string) => {
    const id = textOf(one(el, "id", where));
    if (!isAbsolute(id)) problems.push(`${where} id "${id}" is not an absolute IRI`);
    if (!textOf(one(el, "title", where)).trim()) problems.push(`${where} has an empty title`);
    const updated = textOf(one(el, "updated", where));
    if (!RFC3339.test(updated)) problems.push(`${where} updated "${updated}" is not RFC 3339`);
    for (const l of childrenNamed(el, "link"))
      if (!isAbsolute(l.attrs.href ?? "")) problems.push(`${where} link "${l.attrs.href}" is not absolute`);
  };
  checkCommon(feed, "feed");
  if (!childrenNamed(feed, "link").some((l) => l.attrs.rel === "self"))
    problems.push('feed has no <link rel="self">');
  const feedAuthor = childrenNamed(feed, "author").length > 0;
  const ids = new Set<string>();
  for (const [n, entry] of childrenNamed(feed, "entry").entries()) {
    const where = `entry ${n}`;
    checkCommon(entry, where);
    const id = textOf(childrenNamed(entry, "id")[0]);
    if (ids.has(id)) problems.push(`${where} repeats id ${id}`);
    ids.add(id);
    if (!feedAuthor && childrenNamed(entry, "author").length === 0) problems.push(`${where} has no author`);
    const alternates = childrenNamed(entry, "link").filter(
      (l) => (l.attrs.rel ?? "alternate") === "alternate",
    );
    if (childrenNamed(entry, "content").length === 0 && alternates.length === 0)
      problems.push(`${where} has neither content nor an alternate link`);
  }
  return problems;
}
