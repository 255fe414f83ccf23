// Issue 8's journey in a real browser: a buyer watches a truck, the seller drops the price, the buyer
// sees the change on /saved; the seller marks it sold to that buyer, the buyer reviews the seller, and
// the review shows on the seller page. Each new page passes axe and is screenshotted at two widths.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUp } from "./accounts.js";
import { screenshotBothWidths, violations } from "./axe.js";
import { launchChromium } from "./browser.js";
import { type RunningServer, startKeiyard } from "./server.js";

describe("watchlist, price drop, sale and review (Chromium)", () => {
  let server: RunningServer;
  let browser: Browser;
  let seller: Page;
  let buyer: Page;
  let listingUrl = "";

  beforeAll(async () => {
    server = await startKeiyard({ KEIYARD_DEMO_COUNT: "150" });
    browser = await launchChromium();
    seller = await (await browser.newContext()).newPage();
    buyer = await (await browser.newContext()).newPage();
    await signUp(seller, server.url, "rep-seller@example.com", "seller");
    await signUp(buyer, server.url, "rep-buyer@example.com", "buyer");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the seller lists a truck and the buyer saves it", async () => {
    await seller.goto(`${server.url}/sell`);
    await seller.fill("#frameNumber", "DA63T-123456");
    await seller.fill("#title", "2004 Suzuki Carry, watch me");
    await seller.fill("#make", "Suzuki");
    await seller.fill("#model", "Carry");
    await seller.fill("#buildMonth", "2000-02");
    await seller.selectOption("#ageEvidence", "build_month");
    await seller.fill("#priceUsd", "6000");
    await seller.fill("#usState", "TN");
    await Promise.all([seller.waitForNavigation(), seller.click("button[value=save]")]);
    listingUrl = seller.url();
    expect(listingUrl).toMatch(/\/trucks\/\d+$/);

    await buyer.goto(listingUrl);
    await Promise.all([buyer.waitForNavigation(), buyer.click("form.watch button")]);
    expect(await buyer.textContent("form.watch button")).toMatch(/Saved/);
    await buyer.goto(`${server.url}/saved`);
    expect(await buyer.textContent("main")).toMatch(/no changes since you last looked/);
  }, 60_000);

  it("the seller drops the price; the buyer sees it on /saved", async () => {
    await seller.goto(`${listingUrl}/edit`);
    await seller.fill("#priceUsd", "5400");
    await Promise.all([seller.waitForNavigation(), seller.click("button[value=save]")]);
    expect(await seller.textContent("main")).toMatch(/Price dropped 10%/);

    await buyer.goto(`${server.url}/saved`);
    const text = await buyer.textContent("main");
    expect(text).toMatch(/1 changed since you last looked/);
    expect(text).toMatch(/price dropped from \$6,000 to \$5,400/);
    expect(await violations(buyer)).toEqual([]);
    await screenshotBothWidths(buyer, "saved");
  }, 60_000);

  it("the listing shows its price history chart and passes axe", async () => {
    await buyer.goto(listingUrl);
    expect(await buyer.locator("figure.price-chart svg[role=img]").count()).toBe(1);
    expect(await violations(buyer)).toEqual([]);
    await screenshotBothWidths(buyer, "listing-price-history");
  }, 60_000);

  it("the seller marks it sold to the buyer; the buyer reviews; the review is on the seller page", async () => {
    await seller.goto(listingUrl);
    await seller.fill("#buyer-email", "rep-buyer@example.com");
    await Promise.all([seller.waitForNavigation(), seller.click("form:has(#buyer-email) button")]);
    expect(await seller.textContent("main")).toMatch(/· sold/);

    await buyer.goto(listingUrl);
    await buyer.selectOption("#rating", "5");
    await buyer.fill("#review-body", "Exactly as described, easy pickup in Tennessee.");
    await Promise.all([buyer.waitForNavigation(), buyer.click("form[action$='/review'] button")]);
    expect(await buyer.textContent("main")).toMatch(/Exactly as described/);

    await Promise.all([buyer.waitForNavigation(), buyer.click("a[href^='/sellers/']")]);
    const profile = await buyer.textContent("main");
    expect(profile).toMatch(/5 of 5, from 1 review/);
    expect(profile).toMatch(/Exactly as described, easy pickup in Tennessee\./);
    expect(await violations(buyer)).toEqual([]);
    await screenshotBothWidths(buyer, "seller-page");
  }, 60_000);

  it("the demo data has sold trucks with reviews and price drops to look at", async () => {
    await buyer.goto(`${server.url}/trucks?priceDropped=1`);
    expect(await buyer.locator(".results li").count()).toBeGreaterThan(0);
    expect(await buyer.textContent(".results")).toMatch(/Price dropped \d/);
    expect(await violations(buyer)).toEqual([]);
  }, 60_000);
});
