import { describe, expect, it } from "vitest";
import { atomProblems, childrenNamed, parseXml, textOf } from "../../test/xml.js";
import { atomFeed, escapeXml, rfc3339 } from "./atom.js";

const feed = (title: string) =>
  atomFeed({
    id: "https://keiyard.test/guides",
    title: "keiyard guides",
    selfUrl: "https://keiyard.test/guides/feed.xml",
    alternateUrl: "https://keiyard.test/guides",
    updated: "2026-11-24",
    author: "keiyard",
    entries: [
      {
        id: "https://keiyard.test/guides/a",
        url: "https://keiyard.test/guides/a",
        title,
        updated: "2026-11-24T10:00:00.123Z",
        published: "2026-11-20",
        summary: "Fish & chips <b>",
        contentHtml: '<p>See <a href="/states">states</a> & more</p>',
        categories: ['a"b'],
      },
    ],
  });

describe("atomFeed", () => {
  it("writes a valid Atom document with absolute links and RFC 3339 times", () => {
    const xml = feed("Kei <trucks> & 'you'");
    expect(atomProblems(xml)).toEqual([]);
    const root = parseXml(xml);
    const entry = childrenNamed(root, "entry")[0]!;
    expect(textOf(childrenNamed(entry, "title")[0])).toBe("Kei <trucks> & 'you'");
    expect(textOf(childrenNamed(entry, "updated")[0])).toBe("2026-11-24T10:00:00Z");
    expect(textOf(childrenNamed(entry, "published")[0])).toBe("2026-11-20T00:00:00Z");
    const content = childrenNamed(entry, "content")[0]!;
    expect(content.attrs).toMatchObject({ type: "html", "xml:base": "https://keiyard.test/guides/a" });
    expect(textOf(content)).toBe('<p>See <a href="/states">states</a> & more</p>');
    expect(childrenNamed(entry, "category")[0]?.attrs.term).toBe('a"b');
  });

  it("drops the characters XML cannot carry, so a listing title cannot break the feed", () => {
    const xml = feed("bad \u0001\u0008 chars \uD800 here");
    expect(atomProblems(xml)).toEqual([]);
    expect(escapeXml("a\u0000b\uDFFFc\u{1F69A}")).toBe("abc\u{1F69A}");
  });

  it("refuses a time it cannot read", () => {
    expect(() => rfc3339("soon")).toThrow(/not a time/);
    expect(rfc3339("2026-11-24 10:00:00+00")).toBe("2026-11-24T10:00:00Z");
  });
});

describe("the feed checks themselves", () => {
  it("catch malformed XML and missing Atom elements", () => {
    expect(() => parseXml("<feed><a></feed>")).toThrow();
    expect(() => parseXml("<feed>&nbsp;</feed>")).toThrow(/unknown entity/);
    expect(() => parseXml("<feed>a & b</feed>")).toThrow(/bare "&"/);
    expect(() => parseXml('<feed a="1" a="2"/>')).toThrow(/duplicate/);
    const noId = feed("x").replace(/<id>https:\/\/keiyard\.test\/guides\/a<\/id>/, "");
    expect(atomProblems(noId)).toContain("entry 0 has 0 <id>, expected 1");
    expect(atomProblems(feed("x").replace("https://keiyard.test/guides/feed.xml", "/feed.xml"))).toContain(
      'feed link "/feed.xml" is not absolute',
    );
    expect(atomProblems(feed("x").replace("2026-11-24T00:00:00Z", "2026-11-24"))[0]).toMatch(/RFC 3339/);
  });
});
