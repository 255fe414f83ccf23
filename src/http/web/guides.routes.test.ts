// The guide pages and their feed, without the marketplace (no listings section) and with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";
import { Browser, createMarket, type Market, TRUCK } from "../../../test/market.js";
import { atomProblems, childrenNamed, parseXml, textOf } from "../../../test/xml.js";

const app = testApp("2026-11-24");
const get = async (url: string) => {
  const res = await app.request(`https://keiyard.test${url}`, { headers: { accept: "text/html" } });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
};
const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

describe("/guides", () => {
  it("lists every guide with its summary and reading time, and offers the feed", async () => {
    const { status, text } = await get("/guides");
    expect(status).toBe(200);
    expect([...text.matchAll(/<h2><a href="\/guides\/([a-z0-9-]+)">/g)].map((m) => m[1])).toEqual([
      "what-is-a-kei-truck",
      "the-25-year-rule",
      "the-state-map-explained",
      "choosing-a-model",
      "reading-an-auction-sheet",
      "buying-checklist",
    ]);
    expect(text).toMatch(/\d+ min read/);
    expect(text).toContain(
      '<link rel="alternate" type="application/atom+xml" title="keiyard guides" href="/guides/feed.xml"/>',
    );
    expect(meta(text, "og:url")).toBe("https://keiyard.test/guides");
  });

  it("links the guides from the navigation", async () => {
    expect((await get("/states")).text).toContain('<a href="/guides">Guides</a>');
  });
});

describe("/guides/:slug", () => {
  it("renders the guide: one h1, meta line, table of contents, fact tables, related models", async () => {
    const { status, text } = await get("/guides/what-is-a-kei-truck");
    expect(status).toBe(200);
    expect(text.match(/<h1[ >]/g)).toHaveLength(1);
    expect(text).toContain('<h1 id="guide-title">What is a kei truck?</h1>');
    expect(text).toMatch(/By keiyard · <time datetime="2026-11-24">2026-11-24<\/time> · \d+ min read/);
    expect(text).toContain('<nav aria-labelledby="toc-h" class="toc">');
    expect(text).toContain('<a href="#the-word-and-how-to-say-it">The word, and how to say it</a>');
    expect(text).toContain('<h2 id="the-word-and-how-to-say-it">');
    expect(text).toContain("<caption>Kei limits in Japan, by era</caption>");
    expect(text).toContain('<a href="/models/DA16T">Suzuki Carry Truck / Super Carry DA16T</a>');
    expect(text).not.toContain("Trucks for sale");
  });

  it("carries Open Graph and Twitter-card metadata with absolute URLs", async () => {
    const { text } = await get("/guides/the-25-year-rule");
    expect(meta(text, "og:type")).toBe("article");
    expect(meta(text, "og:url")).toBe("https://keiyard.test/guides/the-25-year-rule");
    expect(meta(text, "og:title")).toBe("The 25-year rule, step by step");
    expect(meta(text, "og:description")).toMatch(/^Why a kei truck must be old enough/);
    expect(meta(text, "article:published_time")).toBe("2026-11-24");
    expect(meta(text, "twitter:card")).toBe("summary");
    expect(text).toContain('<link rel="canonical" href="https://keiyard.test/guides/the-25-year-rule"/>');
  });

  it("answers an unknown guide with 404", async () => {
    expect((await get("/guides/no-such-guide")).status).toBe(404);
    expect((await get("/guides/Bad_Slug")).status).toBe(404);
  });
});

describe("/guides/feed.xml", () => {
  it("is a valid Atom feed of every guide, with absolute links and the rendered text", async () => {
    const { status, type, text } = await get("/guides/feed.xml");
    expect(status).toBe(200);
    expect(type).toBe("application/atom+xml; charset=utf-8");
    expect(atomProblems(text)).toEqual([]);
    const feed = parseXml(text);
    const entries = childrenNamed(feed, "entry");
    expect(entries).toHaveLength(6);
    const ids = entries.map((e) => textOf(childrenNamed(e, "id")[0]));
    expect(ids).toContain("https://keiyard.test/guides/buying-checklist");
    const checklist = entries[ids.indexOf("https://keiyard.test/guides/buying-checklist")]!;
    expect(textOf(childrenNamed(checklist, "content")[0])).toContain("Timing belt or chain, by engine");
    expect(childrenNamed(checklist, "category").map((c) => c.attrs.term)).toContain("4wd");
  });
});

describe("related listings, with the marketplace", () => {
  let market: Market;
  beforeAll(async () => {
    market = await createMarket("pglite");
    const seller = new Browser(market.app);
    await seller.signUp("guide-seller@example.com", "seller");
    expect((await seller.post("/sell", { ...TRUCK, title: "Guide test Acty 4WD" })).status).toBe(303);
  }, 120_000);
  afterAll(async () => market?.dispose());

  it("shows trucks matching the guide's search, with a link to the whole search", async () => {
    const res = await market.app.request("http://localhost/guides/buying-checklist");
    const text = await res.text();
    expect(text).toContain('<h2 id="guide-listings-h">Trucks for sale</h2>');
    expect(text).toContain("Guide test Acty 4WD");
    expect(text).toContain('<a href="/trucks?drive=4WD">See all 1 matching trucks</a>');
  });

  it("says so when nothing matches", async () => {
    const text = await (await market.app.request("http://localhost/guides/the-25-year-rule")).text();
    expect(text).toContain("No trucks for sale match this guide right now.");
    expect(text).toContain('href="/trucks?location=jp"');
  });
});
