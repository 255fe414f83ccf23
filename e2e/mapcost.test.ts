// The state map and the cost calculator in a real browser against the real server: a visitor finds
// their state on the map and opens its page; picks a home state, prices a truck against a US seller and
// shares the answer; gets a bad price back on the form; and does it all again with JavaScript off.
// Each page passes axe-core's WCAG 2 A/AA rules and is saved at phone and desktop widths.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotBothWidths, violations } from "./axe.js";
import { launchChromium } from "./browser.js";
import { type RunningServer, startKeiyard } from "./server.js";

describe("state map and cost calculator journeys", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startKeiyard({ KEIYARD_DEMO_COUNT: "60" });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const open = async (page: Page, path: string, status = 200) => {
    const res = await page.goto(`${server.url}${path}`);
    expect(res?.status()).toBe(status);
  };

  it("the map links every state; Texas opens its page with sources and the disclaimer", async () => {
    const page = await browser.newPage();
    await open(page, "/");
    await Promise.all([page.waitForURL(/\/states$/), page.click("a:text-is('See every state on a map')")]);
    expect(await page.locator("figure.map > svg a").count()).toBe(51);
    expect(await page.locator("figure.map > svg").isVisible()).toBe(true);
    expect(await page.locator("table th[scope=row] a").count()).toBe(51);
    expect(await violations(page)).toEqual([]);
    await screenshotBothWidths(page, "states-map");

    // Keyboard users reach the states on the map, each named by its status.
    const tx = page.locator('figure.map > svg a[href="/states/TX"]');
    await tx.focus();
    expect(await page.evaluate('document.activeElement?.getAttribute("href")')).toBe("/states/TX");
    await Promise.all([page.waitForURL(/\/states\/TX$/), tx.click()]);
    const text = (await page.textContent("main")) ?? "";
    expect(text).toMatch(/Kei trucks in Texas/);
    expect(text).toMatch(/Sources/);
    expect(text).toMatch(/Confidence: (high|medium|low) · last reviewed \d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Not legal advice/);
    expect(await violations(page)).toEqual([]);
    await screenshotBothWidths(page, "state-TX");
    await page.close();
  }, 120_000);

  it("a visitor in Texas prices a truck against a US seller and shares the answer", async () => {
    const page = await browser.newPage();
    await open(page, "/");
    await page.selectOption("#home-state", "TX");
    await Promise.all([page.waitForNavigation(), page.click(".state-picker button")]);
    await Promise.all([page.waitForURL(/\/cost$/), page.click("a:has-text('The cost calculator')")]);
    // The home state is preselected, and this site's rate is the labelled default.
    expect(await page.inputValue("#to")).toBe("TX");
    expect(await page.textContent("#fx-hint")).toMatch(/^Default: \d+(\.\d+)?, this site's rate/);
    expect(await violations(page)).toEqual([]);

    await page.fill("#priceJpy", "400000");
    await page.fill("#built", "1999");
    await page.click("details summary");
    await page.fill("#freightUsd", "1400");
    await page.fill("#usPriceUsd", "6500");
    await Promise.all([page.waitForURL(/priceJpy=400000/), page.click(".cost-form button[type=submit]")]);
    expect(await page.textContent("#result-h")).toMatch(
      /^Import it yourself: \$[\d,.]+ registered in Texas$/,
    );
    expect(await page.locator("svg.bar").count()).toBe(2);
    expect(await page.textContent(".verdict")).toMatch(/costs less|Too close to call/);
    expect(await page.textContent("#us-h")).toBe("Buy from a US seller at $6,500");
    expect(await violations(page)).toEqual([]);
    await screenshotBothWidths(page, "cost-result");

    // The address of the answer is the link to share: a fresh visitor sees the same figures.
    const headline = await page.textContent("#result-h");
    const shared = await browser.newPage();
    await shared.goto(page.url());
    expect(await shared.textContent("#result-h")).toBe(headline);
    await shared.close();
    await page.close();
  }, 120_000);

  it("a bad price comes back on the form, named and described, with no violations", async () => {
    const page = await browser.newPage();
    await open(page, "/cost?priceJpy=12.5&fx=150", 400);
    expect(await page.getAttribute("#priceJpy", "aria-invalid")).toBe("true");
    expect(await page.textContent("#priceJpy-err")).toMatch(/whole yen/);
    expect(await page.textContent("[role=alert]")).toMatch(/^Price in Japan, yen: /);
    expect(await violations(page)).toEqual([]);
    await screenshotBothWidths(page, "cost-error");
    await page.close();
  }, 60_000);

  it("works without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await open(page, "/states");
    await Promise.all([
      page.waitForURL(/\/states\/CO$/),
      page.click('figure.map > svg a[href="/states/CO"]'),
    ]);
    await open(page, "/cost");
    await page.fill("#priceJpy", "550000");
    await page.selectOption("#to", "PA");
    await Promise.all([page.waitForURL(/priceJpy=550000/), page.click(".cost-form button[type=submit]")]);
    expect(await page.textContent("#result-h")).toMatch(/registered in Pennsylvania/);
    await context.close();
  }, 60_000);
});
