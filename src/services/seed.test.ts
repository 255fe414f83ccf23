// Demo seeding on a real database: labelled rows, photos shared from a generated pool, deal ratings
// fitted, and a second run adds more without clashing; the sell form then gives price guidance.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, createMarket, type Market } from "../../test/market.js";
import { currentDealModel } from "./deals.js";
import { DEMO_LOGIN, seedDemo } from "./seed.js";

let market: Market;
beforeAll(async () => {
  market = await createMarket("pglite");
}, 120_000);
afterAll(async () => market?.dispose());

const count = async (q: string) =>
  ((await market.database.db.execute(sql.raw(q))) as unknown as { rows: { n: number }[] }).rows[0]!.n;

describe("seedDemo", () => {
  it("seeds labelled listings with photos and deal ratings, and can run again", async () => {
    const o = { count: 400, today: "2026-11-24" as never, jpyPerUsd: 150 };
    await seedDemo(market.database, market.storage, market.facts, o);
    expect(await count("select count(*)::int as n from listings where is_demo")).toBe(400);
    expect(await count("select count(*)::int as n from listings where not is_demo")).toBe(0);
    expect(
      await count("select count(*)::int as n from listings where description not like 'Demo listing%'"),
    ).toBe(0);
    expect(await count("select count(*)::int as n from listing_photos")).toBeGreaterThanOrEqual(400);
    expect(
      await count("select count(*)::int as n from listings where deal_rating is not null"),
    ).toBeGreaterThan(100);
    expect(currentDealModel()).not.toBeNull();
    await seedDemo(market.database, market.storage, market.facts, { ...o, count: 50, seed: 2 });
    expect(await count("select count(*)::int as n from listings")).toBe(450);
  }, 120_000);

  it("the first run seeds demo comments on the guides and answered questions on demo listings", async () => {
    const guides = await count(
      "select count(distinct subject_key)::int as n from comments where subject_kind = 'guide'",
    );
    expect(guides).toBeGreaterThanOrEqual(3);
    expect(await count("select count(*)::int as n from comments where body not like '[Demo %'")).toBe(0);
    // Questions on five listings, every one asked by a buyer; most answered by the listing's seller.
    expect(
      await count(
        "select count(*)::int as n from comments c join listings l on l.id::text = c.subject_key where c.subject_kind = 'listing' and c.parent_id is null and l.is_demo and l.status = 'active'",
      ),
    ).toBe(5);
    expect(
      await count(
        "select count(*)::int as n from comments c join listings l on l.id::text = c.subject_key where c.subject_kind = 'listing' and c.parent_id is not null and c.author_id = l.seller_id",
      ),
    ).toBeGreaterThan(0);
    const b = new Browser(market.app);
    const list = await (await b.get("/guides")).text();
    expect(list).toMatch(/href="\/guides\/buying-checklist#comments">[1-9]\d* comments?<\/a>/);
    const [answered] = (
      (await market.database.db.execute(
        sql.raw(
          "select c.subject_key as id from comments c join listings l on l.id::text = c.subject_key where c.parent_id is not null and c.author_id = l.seller_id limit 1",
        ),
      )) as unknown as { rows: { id: string }[] }
    ).rows;
    const page = await (await b.get(`/trucks/${answered!.id}`)).text();
    expect(page).toMatch(
      /\[Demo question\][\s\S]*<span class="badge ok">Seller<\/span>[\s\S]*\[Demo answer\]/,
    );
  });

  it("the demo login works and the sell form gives price guidance", async () => {
    const b = new Browser(market.app);
    expect((await b.post("/login", { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password })).status).toBe(
      303,
    );
    const res = await b.post("/sell", {
      frameNumber: "DA63T-123456",
      buildMonth: "2001-06",
      intent: "decode",
    });
    expect(await res.text()).toMatch(
      /Price guidance: (trucks like this ask about \$[\d,]+|not enough comparable)/,
    );
  });

  it("every facet, sort and page link of the search page works", async () => {
    const b = new Browser(market.app);
    await b.post("/state", { code: "TX" });
    const html = await (await b.get("/trucks")).text();
    expect(html).toMatch(/\d+ trucks · prices with TX tax and fees/);
    const links = [...html.matchAll(/href="(\/trucks\?[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    expect(links.length).toBeGreaterThan(15);
    for (const link of links) {
      const res = await b.get(link);
      expect(res.status, link).toBe(200);
      const text = await res.text();
      const n = Number(/(\d[\d,]*) trucks/.exec(text)?.[1]?.replace(/,/g, ""));
      expect(n, link).toBeGreaterThan(0);
    }
  }, 120_000);
});
