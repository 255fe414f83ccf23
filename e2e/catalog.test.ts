// The catalog journeys in a real browser against the real server on the demo data: from the home page to
// /models, a model family with its price charts, a chassis code, and a comparison built with the plain
// forms (no JavaScript involved). Every page passes axe-core's WCAG 2 A/AA rules; screenshots at phone
// and desktop widths are saved as artifacts.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotBothWidths, violations } from "./axe.js";
import { launchChromium } from "./browser.js";
import { type RunningServer, startKeiyard } from "./server.js";

describe("catalog journeys", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startKeiyard({ KEIYARD_DEMO_COUNT: "400" });
    browser = await launchChromium();
    page = await browser.newPage();
  }, 240_000);

  /** The pages ship no JavaScript (the forms and <details> are plain HTML); then axe-core's check. */
  async function check(): Promise<string[]> {
    expect(await page.locator("script").count()).toBe(0);
    return violations(page);
  }

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("goes from the home page to the catalog with its timeline", async () => {
    await page.goto(server.url);
    await Promise.all([page.waitForNavigation(), page.click("a[href='/models']")]);
    expect(new URL(page.url()).pathname).toBe("/models");
    expect(await page.locator("svg.timeline[role=img]").count()).toBe(1);
    expect(await page.locator("table th[scope=row] a[href^='/models/']").count()).toBe(76);
    expect(await check()).toEqual([]);
    await screenshotBothWidths(page, "catalog-models");
  }, 60_000);

  it("opens a model family with the timeline and the asking-price charts", async () => {
    await Promise.all([page.waitForNavigation(), page.click("a[href='/models/suzuki/carry']")]);
    expect(await page.textContent("h1")).toBe("Suzuki Carry Truck");
    expect(await page.locator("svg.timeline[role=img]").count()).toBe(1);
    expect(await page.locator("svg.chart[role=img]").count()).toBe(2);
    const prices = (await page.textContent("section[aria-labelledby=prices-h]")) ?? "";
    expect(prices).toMatch(/\d+ asking prices of Suzuki Carry Truck trucks for sale in the US/);
    // The numbers behind the chart open without JavaScript.
    await page.click("summary:has-text('asking prices by build year')");
    expect(await page.locator("details[open] table tbody tr").count()).toBeGreaterThan(3);
    expect(await check()).toEqual([]);
    await screenshotBothWidths(page, "catalog-model-suzuki-carry");
  }, 60_000);

  it("opens a chassis code with specs in both units, status and sources", async () => {
    await Promise.all([page.waitForNavigation(), page.click("h3 a[href='/models/DA63T']")]);
    const main = (await page.textContent("main")) ?? "";
    expect(main).toMatch(/Import status on \d{4}-\d{2}-\d{2}/);
    expect(main).toMatch(/350 kg \(772 lb\)/);
    expect(main).toMatch(/unknown/);
    expect(main).toMatch(/not verified/);
    expect(await page.locator("#sources + ul a").count()).toBeGreaterThan(0);
    expect(await check()).toEqual([]);
    await screenshotBothWidths(page, "catalog-code-da63t");
  }, 60_000);

  it("compares codes with the plain forms, and explains a bad choice", async () => {
    await page.selectOption("#cmp-with", "HA8");
    await Promise.all([page.waitForNavigation(), page.click("form[action='/models/compare'] button")]);
    expect(page.url()).toMatch(/\/models\/compare\?codes=DA63T&codes=HA8$/);
    await page.selectOption("#cmp-2", "S500P");
    await Promise.all([page.waitForNavigation(), page.click("form.compare-form button")]);
    const heads = await page.locator("table.compare thead th a").allTextContents();
    expect(heads).toEqual(["DA63T", "HA8", "S500P"]);
    expect(await check()).toEqual([]);
    await screenshotBothWidths(page, "catalog-compare");

    await page.selectOption("#cmp-1", "");
    await page.selectOption("#cmp-2", "");
    const [res] = await Promise.all([page.waitForNavigation(), page.click("form.compare-form button")]);
    expect(res?.status()).toBe(400);
    expect(await page.textContent("[role=alert]")).toMatch(/pick 2 to 4 chassis codes/);
    expect(await check()).toEqual([]);
  }, 60_000);

  it("answers an unknown code with a helpful page", async () => {
    const res = await page.goto(`${server.url}/models/DA64T`);
    expect(res?.status()).toBe(404);
    expect(await page.locator("a[href='/models/DA63T']").count()).toBe(1);
    expect(await check()).toEqual([]);
  }, 60_000);
});
