import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { GuideError, getGuides, parseGuide } from "../../guides/load.js";
import { guideDirectives, prepareGuides } from "./prepare.js";

const facts = loadFacts();
const guide = (body: string, extra = "") =>
  parseGuide(
    "content/guides/t.md",
    `---\ntitle: A test guide\nsummary: A summary long enough to pass.\nauthor: keiyard\npublished: 2026-11-24\ntags: [basics]\n${extra}---\n${body}\n`,
  );

describe("the repository's guides", () => {
  const guides = prepareGuides(getGuides(), facts);

  it("has the six the site promises, each 600 to 1200 words with a table of contents", () => {
    expect(guides.map((g) => g.slug).sort()).toEqual([
      "buying-checklist",
      "choosing-a-model",
      "reading-an-auction-sheet",
      "the-25-year-rule",
      "the-state-map-explained",
      "what-is-a-kei-truck",
    ]);
    for (const g of guides) {
      expect(g.words, g.slug).toBeGreaterThanOrEqual(600);
      expect(g.words, g.slug).toBeLessThanOrEqual(1200);
      expect(g.toc.length, g.slug).toBeGreaterThanOrEqual(4);
    }
  });

  it("link only to the site's own pages (sources in fact tables aside), and to guides that exist", () => {
    const known = /^\/(|trucks|states|import|cost|haul|models|guides)(\/|\?|$)|^\/import\/calendar\.ics$/;
    for (const g of guides)
      for (const [, href] of g.html.matchAll(/<a href="([^"]+)">/g)) {
        expect(href!, `${g.slug}: ${href}`).toMatch(known);
        if (href!.startsWith("/guides/")) expect(guides.map((x) => `/guides/${x.slug}`)).toContain(href);
      }
  });

  it("never type a kei size or engine limit: those come from the facts", () => {
    const numbers = facts.importRules.keiRegulations.flatMap((e) => [
      e.maxLengthMm,
      e.maxWidthMm,
      e.maxDisplacementCc,
    ]);
    for (const g of getGuides())
      for (const n of new Set(numbers)) {
        const typed = new RegExp(`(^|[^\\d,])(${n}|${n.toLocaleString("en-US")})([^\\d]|$)`);
        expect(typed.test(g.body), `${g.slug} types ${n}`).toBe(false);
      }
  });

  it("render the fact tables from the facts", () => {
    const what = guides.find((g) => g.slug === "what-is-a-kei-truck")!;
    expect(what.html).toContain("<caption>Kei limits in Japan, by era</caption>");
    const current = facts.importRules.keiRegulations.find((e) => e.to === null)!;
    expect(what.html).toContain(`${current.maxLengthMm.toLocaleString("en-US")} mm`);
    expect(what.html).toContain(`at most ${current.maxDisplacementCc} cc`);
    const checklist = guides.find((g) => g.slug === "buying-checklist")!;
    expect(checklist.html).toContain("<caption>Timing belt or chain, by engine</caption>");
  });
});

describe("prepareGuides", () => {
  it("takes the related listings from the tags when the guide names no search", () => {
    const tagged = parseGuide(
      "content/guides/t.md",
      "---\ntitle: A test guide\nsummary: A summary long enough to pass.\nauthor: keiyard\npublished: 2026-11-24\ntags: [basics, acty, hijet]\n---\nx\n",
    );
    expect(prepareGuides([tagged], facts)[0]!.listingQuery).toEqual({ q: "acty" });
    expect(prepareGuides([guide("x")], facts)[0]!.listingQuery).toEqual({});
    expect(
      prepareGuides([guide("x", "listings: { drive: 4WD, page: 3 }\n")], facts)[0]!.listingQuery,
    ).toEqual({
      drive: "4WD",
    });
  });

  it.each([
    ["an unknown directive", "{{nope}}", "", /t\.md: unknown directive \{\{nope\}\}/],
    [
      "a misplaced directive",
      "a {{engine-timing}} b",
      "",
      /t\.md: directive \{\{engine-timing\}\} is a block/,
    ],
    ["a level-1 heading", "# Title again", "", /t\.md: use ## headings/],
    [
      "an unknown chassis code",
      "x",
      "models: [ZZ99T]\n",
      /t\.md: field models: "ZZ99T" is not a chassis code/,
    ],
    ["a bad listings search", "x", "listings: { drive: 6WD }\n", /t\.md: field listings: drive:/],
  ])("names the file for %s", (_, body, extra, message) => {
    expect(() => prepareGuides([guide(body, extra)], facts)).toThrow(GuideError);
    expect(() => prepareGuides([guide(body, extra)], facts)).toThrow(message);
  });

  it("offers the fact values as directives", () => {
    const d = guideDirectives(facts);
    expect(d["fmvss-age"]).toEqual({ kind: "inline", text: String(facts.importRules.fmvss.minAgeYears) });
    expect(d["epa-age"]).toEqual({ kind: "inline", text: String(facts.importRules.epa.minAgeYears) });
    expect(d["epa-form"]).toEqual({ kind: "inline", text: "EPA 3520-1" });
    expect(d["fmvss-form"]).toEqual({ kind: "inline", text: "NHTSA HS-7" });
    const timing = d["engine-timing"];
    expect(timing?.kind).toBe("block");
    const html = timing?.kind === "block" ? timing.html : "";
    for (const engine of new Set(facts.catalog.flatMap((e) => e.engineCodes))) expect(html).toContain(engine);
    expect(html).toContain("Not known");
  });
});
