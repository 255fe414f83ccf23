// Searching near a ZIP through the page and the API: the form's ZIP and radius, the distance on each
// card, the note with its source, and the page's leniency where the API is strict.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarket, type Market } from "../../../test/market.js";
import { insertSearchFixture } from "../../services/search.fixture.js";

describe("/trucks and /api/v1/listings near a ZIP", () => {
  let market: Market;
  beforeAll(async () => {
    market = await createMarket();
    await insertSearchFixture(market.database.db);
  }, 60_000);
  afterAll(async () => market?.dispose());
  const get = (path: string) =>
    market.app.request(`http://localhost${path}`, { headers: { accept: "text/html" } });

  it("lists the trucks within the radius with their distance, nearest first, and cites the ZIP areas", async () => {
    const res = await get("/trucks?near=37160&withinMiles=250");
    expect(res.status).toBe(200);
    const html = await res.text();
    const miles = [...html.matchAll(/≈ ([\d,]+) mi away/g)].map((m) => Number(m[1]!.replace(",", "")));
    expect(miles.length).toBeGreaterThan(0);
    expect(miles.every((m) => m <= 250)).toBe(true);
    expect(miles).toEqual([...miles].sort((a, b) => a - b));
    expect(html).toMatch(/Within 250 miles of ZIP 37160/);
    expect(html).toMatch(/href="https:\/\/www\.census\.gov\/[^"]*gazetteer/);
    // The form keeps the ZIP and radius, and offers (and shows) the nearest-first order.
    expect(html).toMatch(/<input id="near" name="near"[^>]*value="37160"/);
    expect(html).toMatch(/<option value="250" selected="">250 mi<\/option>/);
    expect(html).toMatch(/<option value="distance" selected="">Nearest<\/option>/);
  });

  it("keeps a radius the form does not offer, and says when nothing is that close", async () => {
    const wide = await (await get("/trucks?near=37160&withinMiles=3000")).text();
    expect(wide).toMatch(/<option value="3000" selected="">3,000 mi<\/option>/);
    expect(wide).not.toMatch(/No truck is that close/);
    // Honolulu: no fixture truck within 5 miles.
    const none = await (await get("/trucks?near=96813&withinMiles=5")).text();
    expect(none).toMatch(/No truck is that close: try a wider radius/);
    expect(none).toMatch(/<option value="5" selected="">5 mi<\/option>/);
  });

  it("remembers the ZIP searched near, and a US listing's page says how far it is from it", async () => {
    const res = await get("/trucks?near=37160&withinMiles=250");
    const cookie = /keiyard_zip=(\d{5})/.exec(res.headers.get("set-cookie") ?? "");
    expect(cookie?.[1]).toBe("37160");
    const html = await res.text();
    const [, id, miles] = /href="\/trucks\/(\d+)"[\s\S]*?≈ ([\d,]+) mi away/.exec(html)!;
    const page = await (
      await market.app.request(`http://localhost/trucks/${id}`, {
        headers: { accept: "text/html", cookie: "keiyard_zip=37160" },
      })
    ).text();
    expect(page).toContain(`≈ ${miles} mi from 37160`);
    // Without the cookie (or with one that is not a ZIP) nothing is said.
    const plain = await (await get(`/trucks/${id}`)).text();
    expect(plain).not.toMatch(/mi from/);
    const odd = await market.app.request(`http://localhost/trucks/${id}`, {
      headers: { accept: "text/html", cookie: "keiyard_zip=abcde" },
    });
    expect(await odd.text()).not.toMatch(/mi from/);
  });

  it("drops a radius or a nearest-first order sent without a ZIP, as the form sends them", async () => {
    const res = await get("/trucks?near=&withinMiles=250&sort=distance");
    expect(res.status).toBe(200);
    expect(await res.text()).not.toMatch(/mi away/);
  });

  it("says why a ZIP cannot be used, and searches the rest with the form kept", async () => {
    const res = await get("/trucks?near=00012&withinMiles=250&drive=4WD");
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<div class="error" role="alert"><p>near: ZIP 00012 is not one we can place/);
    expect(html).toMatch(/The trucks below match the rest of the search\./);
    expect(html).toMatch(/<form method="get" action="\/trucks"/);
    expect(html).toMatch(/<input type="hidden" name="drive" value="4WD"\/>/);
    expect(html).toMatch(/href="\/trucks\/\d+"/);
    expect(html).not.toMatch(/mi away/);
    // Saving would save a wider search than was asked: offered once the search is fixed.
    expect(html).not.toMatch(/save this search/i);
    expect(html).toMatch(/Fix the search above to save it and get alerts\./);
    // A year range the wrong way round: the years are left out, the rest searched.
    const years = await get("/trucks?yearMin=2000&yearMax=1990&drive=4WD");
    expect(years.status).toBe(400);
    expect(await years.text()).toMatch(/<p>yearMin: must not be after yearMax<\/p>/);
  });

  it("the API reference says what near and withinMiles accept, under the site's menu", async () => {
    const page = await (await get("/api/docs")).text();
    expect(page).toMatch(
      /<code>withinMiles<\/code><\/td><td>query<\/td><td>no<\/td><td>whole number from 1 to 3000/,
    );
    expect(page).toMatch(/<code>near<\/code><\/td><td>query<\/td><td>no<\/td><td>5-digit ZIP code/);
    // Dates say their shape, not only "string".
    expect(page).toMatch(/<code>eligibleOn<\/code><\/td><td>query<\/td><td>no<\/td><td>date YYYY-MM-DD/);
    expect(page).toMatch(/<nav aria-label="Main">[\s\S]*href="\/trucks"/);
  });

  it("answers the API with each item's distance and what it measured from; the API is strict", async () => {
    const res = await market.app.request("http://localhost/api/v1/listings?near=37160&withinMiles=1000");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      sort: string;
      near: { zip: string; approximate: boolean; withinMiles: number; source: { url: string } };
      items: { distanceMi: number | null; location: string }[];
    };
    expect(body.sort).toBe("distance");
    expect(body.near).toMatchObject({ zip: "37160", approximate: false, withinMiles: 1000 });
    expect(body.items.length).toBeGreaterThan(0);
    expect(
      body.items.every((i) => i.location === "us" && i.distanceMi !== null && i.distanceMi <= 1000),
    ).toBe(true);
    const strict = await market.app.request("http://localhost/api/v1/listings?withinMiles=50");
    expect(strict.status).toBe(400);
    expect(((await strict.json()) as { error: { message: string } }).error.message).toMatch(
      /^withinMiles: needs near/,
    );
  });
});
