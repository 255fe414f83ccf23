import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";
import { isTrackingParam } from "./page-query.js";

const app = testApp("2026-11-24");
const get = (url: string) => app.request(url, { headers: { accept: "text/html" } });
const TAGS = "fbclid=IwAR0abc&utm_source=newsletter&utm_campaign=spring&gclid=Cj0K";

describe("shared links with tracking parameters", () => {
  it.each([
    "/cost?priceJpy=400000&fx=150&to=TX&usPriceUsd=6500",
    "/import?frame=HA4",
    "/haul?code=DA16T&wood=firewood-red-oak&woodCond=seasoned&woodAmt=1&woodUnit=face_cord",
    "/models/compare?codes=DA63T,HA4",
  ])("%s opens the same page with campaign tags and click ids added", async (url) => {
    const plain = await get(url);
    const tagged = await get(`${url}&${TAGS}`);
    expect(plain.status).toBe(200);
    expect(tagged.status).toBe(200);
    expect(await tagged.text()).toBe(await plain.text());
  });

  it("still refuses a parameter that is not a tag", async () => {
    const res = await get("/cost?priceJpy=400000&fx=150&to=TX&frx=150");
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/unknown parameter: frx/);
  });

  it("knows the tags by name, not by looking like one", () => {
    for (const name of ["utm_source", "UTM_Campaign", "fbclid", "gclid", "msclkid", "mc_eid", "_ga"])
      expect(isTrackingParam(name), name).toBe(true);
    for (const name of ["utm", "source", "to", "fx", "q", "fbclid2", "xgclid", "page"])
      expect(isTrackingParam(name), name).toBe(false);
  });
});
