// The price-trend charts on model pages, with the marketplace on a real database seeded with demo data.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarket, type Market } from "../../../test/market.js";
import { queryRows } from "../../db/client.js";
import type { IsoDate } from "../../domain/units/dates.js";
import { currentDealModel } from "../../services/deals.js";
import { seedDemo } from "../../services/seed.js";

const TODAY = "2026-11-24";
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("price trends on model pages", () => {
  let market: Market;
  let empty: Market;
  beforeAll(async () => {
    market = await createMarket("pglite", TODAY);
    empty = await createMarket("pglite", TODAY);
    await seedDemo(market.database, market.storage, market.facts, {
      count: 800,
      seed: 7,
      today: TODAY as IsoDate,
      jpyPerUsd: 150,
    });
  }, 120_000);
  afterAll(async () => {
    await market?.dispose();
    await empty?.dispose();
  });

  const get = async (m: Market, url: string) => {
    const res = await m.app.request(url, { headers: { accept: "text/html" } });
    return { status: res.status, html: await res.text() };
  };

  it("charts the family's US asking prices by build year and by month, with counts and the fair-price line", async () => {
    const { status, html } = await get(market, "/models/suzuki/carry");
    expect(status).toBe(200);
    // Counted independently of the repository: the family's codes, or its model names without a code.
    const carry = market.facts.catalog.filter((e) => e.id.startsWith("suzuki-carry-"));
    const codes = sql.join(
      carry.map((e) => sql`${e.chassisCode}`),
      sql`, `,
    );
    const names = sql.join(
      [...new Set(carry.map((e) => e.model))].map((n) => sql`${n}`),
      sql`, `,
    );
    const [expected] = await queryRows<{ us: number; jp: number }>(
      market.database.db,
      sql`select count(*) filter (where location = 'us')::int as us, count(*) filter (where location = 'jp')::int as jp
        from listings where status in ('active', 'sold') and make = 'Suzuki'
        and (chassis_code in (${codes}) or (chassis_code is null and model in (${names})))`,
    );
    expect(expected!.us).toBeGreaterThan(30);
    const t = text(html);
    expect(t).toContain(`${expected!.us} asking prices of Suzuki Carry Truck trucks for sale in the US`);
    expect(t).toContain(`${expected!.jp} more are offered in Japan, priced in yen`);
    const charts = html.match(/<svg class="chart"[\s\S]*?<\/svg>/g) ?? [];
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart).toMatch(/role="img"/);
      expect(chart).toMatch(/<title id="p[ym]-t">/);
      expect(chart).toMatch(/<desc id="p[ym]-d">US asking prices/);
    }
    // One hover title per bucket, and the bucket counts add up to every listing with a build year.
    const yearCounts = [...charts[0]!.matchAll(/<title>\d{4}: (\d+) listings?/g)].map((m) => Number(m[1]));
    const withoutYear = Number(/(\d+) listings without a build year/.exec(t)?.[1] ?? 0);
    expect(yearCounts.reduce((a, b) => a + b, 0)).toBe(expected!.us - withoutYear);
    const monthCounts = [...charts[1]!.matchAll(/<title>\d{4}-\d{2}: (\d+) listings?/g)].map((m) =>
      Number(m[1]),
    );
    expect(monthCounts.reduce((a, b) => a + b, 0)).toBe(expected!.us);
    // The deal model was fitted by the seed: the fair-price line is drawn and tabled.
    expect(currentDealModel("us")).not.toBeNull();
    expect(charts[0]).toMatch(/<polyline points="[\d., ]+" fill="none" stroke="#9a3412"/);
    expect(charts[0]).toMatch(/fair price \$[\d,]+/);
    expect(html).toMatch(/<th scope="col">Fair price \(range\)<\/th>/);
    expect(t).toMatch(/\$[\d,]+ \(\$[\d,]+–\$[\d,]+\)/);
  });

  it("says so when a family has no listings", async () => {
    const { status, html } = await get(empty, "/models/suzuki/carry");
    expect(status).toBe(200);
    expect(text(html)).toMatch(/No Suzuki Carry Truck is listed for sale in the US yet/);
    expect(html).not.toMatch(/<svg class="chart"/);
  });

  it("links a chassis code to its listings when the marketplace runs", async () => {
    const { html } = await get(market, "/models/DA63T");
    expect(html).toContain('href="/trucks?chassisCode=DA63T"');
    expect((await get(market, "/trucks?chassisCode=DA63T")).status).toBe(200);
  });
});
