import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";

const app = testApp("2026-11-24");
const page = async (url: string) => {
  const res = await app.request(url, { headers: { accept: "text/html" } });
  return { status: res.status, html: await res.text() };
};

describe("/haul", () => {
  it("shows the form with DA16T chosen and an example link, without a plan", async () => {
    const { status, html } = await page("/haul");
    expect(status).toBe(200);
    expect(html).toMatch(
      /<option value="DA16T" selected="">Suzuki Carry Truck \/ Super Carry DA16T \(bed size known\)/,
    );
    expect(html).toMatch(/href="\/haul\?code=DA16T&amp;wood=firewood-red-oak/);
    expect(html).not.toMatch(/<svg/);
  });

  it("plans a face cord of red oak: over the payload, two trips, a drawing with title and description", async () => {
    const { status, html } = await page(
      "/haul?code=DA16T&wood=firewood-red-oak&woodCond=seasoned&woodAmt=1&woodUnit=face_cord",
    );
    expect(status).toBe(200);
    expect(html).toMatch(/Over the payload/);
    expect(html).toMatch(/More than the bed holds/);
    expect(html).toMatch(/>2 trips</);
    expect(html).toMatch(/1,048–1,176 lb \(475–533 kg\)/);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="bed-title bed-desc"/);
    expect(html).toMatch(/<title id="bed-title">Trip 1 of 2 in the DA16T bed, seen from above<\/title>/);
    expect(html).toMatch(/<desc id="bed-desc">Top view of the Suzuki/);
    // every weight with its source and confidence, one click away
    expect(html).toMatch(/<details><summary>Every weight, with its source and confidence<\/summary>/);
    expect(html).toMatch(/extension\.usu\.edu\/forestry/);
    expect(html).toMatch(/<td>medium<\/td>/);
    // the selections stay in the form
    expect(html).toMatch(/<option value="face_cord" selected="">/);
  });

  it("says so when the catalog has no bed size, and still counts trips by weight", async () => {
    const { html } = await page("/haul?code=da71t&bulk=bulk-mulch&bulkYd=1");
    expect(html).toMatch(/May exceed the payload/);
    expect(html).toMatch(/Bed size unknown/);
    expect(html).toMatch(/bed dimensions of the DA71T are not in our data/);
    expect(html).toMatch(/Trips are counted by weight only/);
    expect(html).not.toMatch(/<svg/);
  });

  it("fits a light load: within the payload and the bed in one trip", async () => {
    const { html } = await page(
      "/haul?code=S500P&sheet=plywood-1-2&sheetN=4&c1name=Toolbox&c1weight=30&c1unit=kg",
    );
    expect(html).toMatch(/Within the payload/);
    expect(html).toMatch(/Fits the bed/);
    expect(html).toMatch(/>1 trip</);
    expect(html).toMatch(/overhangs the tailgate/);
    expect(html).toMatch(/<td>yours<\/td>/);
  });

  it.each([
    [
      "/haul?wood=firewood-hickory&woodCond=green&woodAmt=1",
      /woodCond: we have no sourced green weight for Hickory/,
    ],
    ["/haul?wood=firewood-teak&woodAmt=1", /wood: unknown firewood species/],
    ["/haul?hayN=3", /hay: choose a bale type/],
    ["/haul?bulk=bulk-gravel&bulkYd=-1", /bulkYd: expected at least 0.01/],
    ["/haul?sheet=drywall-1-2&sheetN=2.5", /sheetN: expected a whole number/],
    ["/haul?code=ZZ1&hay=hay-2-string&hayN=1", /code: unknown chassis code/],
    ["/haul?c1name=Safe", /c1weight: give the weight of Safe/],
    ["/haul?c1name=Box&c1weight=10&c1len=20", /c1len: give all three sizes of Box, or none/],
    ["/haul?bogus=1", /unknown parameter: bogus/],
  ])("%s is a 400 with the message on the page", async (url, message) => {
    const { status, html } = await page(url);
    expect(status).toBe(400);
    expect(html).toMatch(message);
    expect(html).toMatch(/role="alert"/);
    expect(html).toMatch(/<form method="get" action="\/haul"/);
  });

  it("stays within 80 KB compressed with a full load", async () => {
    const { html } = await page(
      "/haul?code=DA16T&wood=firewood-white-oak&woodAmt=2&hay=hay-3-string&hayN=20&bulk=bulk-gravel&bulkYd=2&sheet=drywall-5-8&sheetN=10&c1name=A&c1weight=50&c2name=B&c2weight=60&c2len=20&c2wid=20&c2hgt=20&c3name=C&c3weight=70&c3qty=3",
    );
    expect(html).toMatch(/<svg/);
    expect(gzipSync(html).length).toBeLessThan(80 * 1024);
  });

  it("is linked from the home page", async () => {
    const { html } = await page("/");
    expect(html).toMatch(/<a href="\/haul">What can a kei truck haul\?<\/a>/);
  });
});
