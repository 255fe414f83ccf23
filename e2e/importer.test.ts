// The importer in a real browser: a seller uploads the example lots through the page's script (upload
// and evaluation progress), lands on the saved batch, sorts and filters it, and the pages pass axe.
// The same upload also works with JavaScript off (a plain form post and a redirect).
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../test/cli.js";
import { logIn, signUp } from "./accounts.js";
import { screenshotBothWidths, violations } from "./axe.js";
import { launchChromium } from "./browser.js";
import { type RunningServer, startKeiyard } from "./server.js";

const LOTS = join(ROOT, "docs/examples/lots.csv");

describe("importer journey (Chromium)", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startKeiyard({ KEIYARD_DEMO_COUNT: "150" });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("uploads with progress, opens the batch, sorts and filters it", async () => {
    const page = await (await browser.newContext()).newPage();
    await signUp(page, server.url, "e2e-importer@example.com", "seller");
    await page.goto(`${server.url}/importer`);
    expect(await violations(page)).toEqual([]);
    await page.setInputFiles("#file", LOTS);
    await page.selectOption("#to", "TX");
    await page.fill("#arrival", "2027-01-15");
    await Promise.all([
      page.waitForURL(/\/importer\/batches\/\d+$/),
      page.click("form[data-island=importer] button"),
    ]);
    expect(await page.textContent("main")).toMatch(/lots for TX, arriving 2027-01-15/);
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(20);
    expect(await violations(page)).toEqual([]);
    await screenshotBothWidths(page, "importer-batch");
    await Promise.all([
      page.waitForURL(/filter=errors/),
      page.click("nav[aria-label='Filter lots'] >> text=Row errors"),
    ]);
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("tbody tr").count()).toBeLessThan(10);
  }, 90_000);

  it("says a file is too big before uploading it, and keeps the form", async () => {
    const page = await (await browser.newContext()).newPage();
    await logIn(page, server.url, "e2e-importer@example.com");
    await page.goto(`${server.url}/importer`);
    let posted = false;
    page.on("request", (r) => {
      if (r.method() === "POST") posted = true;
    });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    await page.setInputFiles("#file", { name: "big.csv", mimeType: "text/csv", buffer: big });
    await page.click("form[data-island=importer] button");
    await expect
      .poll(() => page.textContent("#upload-status"))
      .toMatch(/This file is 10\.0 MB; the page takes up to 10 MB/);
    expect(posted).toBe(false);
    expect(page.url()).toMatch(/\/importer$/);
  }, 60_000);

  it("without JavaScript, a file over the limit comes back to the form that says why (no connection reset)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, server.url, "e2e-importer@example.com");
    await page.goto(`${server.url}/importer`);
    const big = Buffer.alloc(12 * 1024 * 1024, 0x41);
    await page.setInputFiles("#file", { name: "big.csv", mimeType: "text/csv", buffer: big });
    await page.selectOption("#to", "TX");
    await Promise.all([
      page.waitForURL(/\/importer\?too-large$/),
      page.click("form[data-island=importer] button"),
    ]);
    expect(await page.textContent("main")).toMatch(/the file is larger than 10 MB: use keiyard lots/);
    await context.close();
  }, 90_000);

  it("works without JavaScript, and recognises the same file", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await logIn(page, server.url, "e2e-importer@example.com");
    await page.goto(`${server.url}/importer`);
    await page.setInputFiles("#file", LOTS);
    await page.selectOption("#to", "TX");
    await page.fill("#arrival", "2027-01-15");
    await Promise.all([page.waitForNavigation(), page.click("form[data-island=importer] button")]);
    expect(page.url()).toMatch(/\/importer\/batches\/\d+\?existing=1$/);
    expect(await page.textContent("main")).toMatch(/uploaded this file with these options before/);
    await context.close();
  }, 90_000);
});
