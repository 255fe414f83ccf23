// Feeds of new listings and share cards, through the real app and database.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";
import { Browser, createMarket, type Market, TRUCK } from "../../../test/market.js";
import { atomProblems, childrenNamed, parseXml, textOf } from "../../../test/xml.js";
import { jpegOf } from "../../photos/test-fixtures.js";

const meta = (html: string, key: string) =>
  new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html)?.[1];

describe("feeds and share cards", () => {
  let market: Market;
  let acty = 0;
  let hijet = 0;
  let japan = 0;
  const get = (url: string, headers: Record<string, string> = {}) =>
    market.app.request(`https://keiyard.test${url}`, { headers: { accept: "text/html", ...headers } });

  beforeAll(async () => {
    market = await createMarket("pglite");
    const seller = new Browser(market.app);
    await seller.signUp("share-seller@example.com", "seller");
    const create = async (fields: Record<string, string>) => {
      const res = await seller.post("/sell", { ...TRUCK, ...fields });
      expect(res.status).toBe(303);
      return Number(/\/trucks\/(\d+)$/.exec(res.headers.get("location") ?? "")?.[1]);
    };
    acty = await create({ title: "Share Acty <dump> & more" });
    hijet = await create({ title: "Share Hijet", frameNumber: "S110P-123456", buildMonth: "1997-03" });
    japan = await create({
      title: "Share Carry in Japan",
      location: "jp",
      frameNumber: "DA52T-123456",
      buildMonth: "2001-06",
      priceJpy: "400000",
      priceUsd: "",
      usState: "",
      zip: "",
      titleStatus: "",
      jpPort: "Yokohama",
    });
    const form = new FormData();
    form.append(
      "photos",
      new File([new Uint8Array(await jpegOf(1600, 1200))], "t.jpg", { type: "image/jpeg" }),
    );
    expect((await seller.request(`/trucks/${acty}/photos`, { method: "POST", body: form })).status).toBe(303);
  }, 120_000);
  afterAll(async () => market?.dispose());

  describe("/trucks/feed.xml", () => {
    it("is a valid Atom feed of the newest listings, with absolute links and escaped titles", async () => {
      const res = await get("/trucks/feed.xml");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      const xml = await res.text();
      expect(atomProblems(xml)).toEqual([]);
      const entries = childrenNamed(parseXml(xml), "entry");
      expect(entries.map((e) => textOf(childrenNamed(e, "id")[0]))).toEqual([
        `https://keiyard.test/trucks/${japan}`,
        `https://keiyard.test/trucks/${hijet}`,
        `https://keiyard.test/trucks/${acty}`,
      ]);
      const first = entries[2]!;
      expect(textOf(childrenNamed(first, "title")[0])).toBe("Share Acty <dump> & more");
      expect(textOf(childrenNamed(first, "summary")[0])).toBe("$8,500 · in TX · 1996 · 48,000 km · 4WD");
      expect(textOf(childrenNamed(first, "content")[0])).toMatch(
        /<img src="https:\/\/keiyard\.test\/photos\/listings\/\d+\/[\w-]+\/thumb\.jpg" alt=""\/>/,
      );
    });

    it("follows the same query as /trucks, newest first whatever the sort", async () => {
      const xml = await (await get("/trucks/feed.xml?q=hijet&sort=price")).text();
      expect(atomProblems(xml)).toEqual([]);
      const feed = parseXml(xml);
      expect(childrenNamed(feed, "entry").map((e) => textOf(childrenNamed(e, "title")[0]))).toEqual([
        "Share Hijet",
      ]);
      expect(textOf(childrenNamed(feed, "title")[0])).toBe('New kei trucks: "hijet" · keiyard');
      const self = childrenNamed(feed, "link").find((l) => l.attrs.rel === "self");
      expect(self?.attrs.href).toBe("https://keiyard.test/trucks/feed.xml?q=hijet");
      const jp = parseXml(await (await get("/trucks/feed.xml?location=jp")).text());
      expect(childrenNamed(jp, "entry")).toHaveLength(1);
    });

    it("answers a bad query as /trucks does, and an empty search with a valid empty feed", async () => {
      expect((await get("/trucks/feed.xml?drive=6WD")).status).toBe(400);
      expect((await get("/trucks/feed.xml?colour=red")).status).toBe(400);
      const empty = await (await get("/trucks/feed.xml?q=zzzzqqq")).text();
      expect(atomProblems(empty)).toEqual([]);
      expect(childrenNamed(parseXml(empty), "entry")).toHaveLength(0);
    });

    it("is linked from the search page, for the search shown", async () => {
      const html = await (await get("/trucks?q=acty&sort=price&drive=4WD")).text();
      expect(html).toContain(
        '<link rel="alternate" type="application/atom+xml" title="New trucks matching this search" href="/trucks/feed.xml?drive=4WD&amp;q=acty"/>',
      );
      expect(html).toContain('<a href="/trucks/feed.xml?drive=4WD&amp;q=acty">');
    });
  });

  describe("listing share cards", () => {
    it("the listing page names its card image and describes the truck", async () => {
      const html = await (await get(`/trucks/${japan}`)).text();
      expect(meta(html, "og:url")).toBe(`https://keiyard.test/trucks/${japan}`);
      expect(meta(html, "og:title")).toBe("Share Carry in Japan — ¥400,000 (≈ $2,667)");
      expect(meta(html, "og:image")).toBe(`https://keiyard.test/trucks/${japan}/card.png`);
      expect(meta(html, "og:image:width")).toBe("1200");
      expect(meta(html, "og:image:height")).toBe("630");
      expect(meta(html, "og:description")).toMatch(/^In Japan, Yokohama · 2001 · 48,000 km · 2WD · /);
      expect(meta(html, "twitter:card")).toBe("summary_large_image");
    });

    it("serves a 1200x630 PNG with or without a photo, cached by ETag", async () => {
      for (const id of [acty, hijet]) {
        const res = await get(`/trucks/${id}/card.png`);
        expect(res.status).toBe(200);
        expect(res.headers.get("content-type")).toBe("image/png");
        expect(res.headers.get("cache-control")).toBe("public, max-age=3600");
        const png = Buffer.from(await res.arrayBuffer());
        const info = await sharp(png).metadata();
        expect([info.format, info.width, info.height]).toEqual(["png", 1200, 630]);
      }
      const res = await get(`/trucks/${acty}/card.png`);
      const etag = res.headers.get("etag")!;
      expect(etag).toMatch(/^"card-\d+-/);
      expect((await get(`/trucks/${acty}/card.png`, { "if-none-match": etag })).status).toBe(304);
    });

    it("shows the photo on the card when there is one", async () => {
      const stats = async (id: number) =>
        sharp(Buffer.from(await (await get(`/trucks/${id}/card.png`)).arrayBuffer())).stats();
      // The fixture photo is red on the left and blue on the right; the plain card is green.
      const [withPhoto, plain] = [await stats(acty), await stats(hijet)];
      expect(withPhoto.channels[0]!.mean).toBeGreaterThan(plain.channels[0]!.mean + 20);
      expect(plain.channels[1]!.mean).toBeGreaterThan(withPhoto.channels[1]!.mean);
    });

    it("answers an unknown listing with 404", async () => {
      expect((await get("/trucks/999999/card.png")).status).toBe(404);
    });
  });
});

describe("state share cards", () => {
  it("/states and /states/:code carry Open Graph metadata", async () => {
    const app = testApp("2026-11-24");
    const html = await (await app.request("https://keiyard.test/states/TX")).text();
    expect(meta(html, "og:url")).toBe("https://keiyard.test/states/TX");
    expect(meta(html, "og:title")).toMatch(/^Kei trucks in Texas: /);
    expect(meta(html, "og:description")).toMatch(/Not legal advice\.$/);
    const all = await (await app.request("https://keiyard.test/states")).text();
    expect(meta(all, "og:url")).toBe("https://keiyard.test/states");
  });
});
