// The marketplace journeys of the issue, in a real browser against the real server, on the embedded
// database and on PostgreSQL: a seller lists a truck by frame number with a photo; a buyer in another
// state searches with facets, opens it and sees the badges; a second seller cannot edit it.
import { join } from "node:path";
import type { Browser } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db-harness.js";
import { signUp } from "./accounts.js";
import { launchChromium, SCREENSHOTS } from "./browser.js";
import { type RunningServer, startKeiyard } from "./server.js";

for (const engine of ["pglite", "postgres"] as const) {
  describe(`marketplace journeys on ${engine}`, () => {
    let server: RunningServer;
    let browser: Browser;
    let pgDb: TestDatabase | undefined;
    let listingUrl = "";
    const title = `E2E Acty dump ${engine}`;

    beforeAll(async () => {
      if (engine === "postgres") pgDb = await createTestDatabase("postgres", { migrated: false });
      server = await startKeiyard(pgDb?.url ? { DATABASE_URL: pgDb.url } : {});
      browser = await launchChromium();
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await pgDb?.dispose();
    });

    it("a seller signs up and lists a truck by frame number with a photo", async () => {
      const page = await browser.newPage();
      await signUp(page, server.url, `seller-${engine}@example.com`, "seller");
      await page.goto(`${server.url}/sell`);
      await page.fill("#frameNumber", "HA4-2123456");
      await Promise.all([page.waitForNavigation(), page.click("button[value=decode]")]);
      expect(await page.textContent("#decoded")).toMatch(/Honda Acty Truck HA4/);
      expect(await page.inputValue("#make")).toBe("Honda");
      await page.fill("#title", title);
      await page.fill("#buildMonth", "1996-05");
      await page.selectOption("#ageEvidence", "build_month");
      await page.fill("#mileageKm", "48000");
      await page.selectOption("#bedType", "dump");
      await page.fill("#priceUsd", "8200");
      await page.fill("#usState", "TX");
      await Promise.all([page.waitForNavigation(), page.click("button[value=save]")]);
      listingUrl = page.url();
      expect(listingUrl).toMatch(/\/trucks\/\d+$/);
      const jpeg = await sharp({ create: { width: 1200, height: 900, channels: 3, background: "#4a8" } })
        .jpeg()
        .toBuffer();
      await page.setInputFiles("#photos", { name: "acty.jpg", mimeType: "image/jpeg", buffer: jpeg });
      await Promise.all([page.waitForNavigation(), page.click("form[enctype='multipart/form-data'] button")]);
      const img = page.locator(".photos img").first();
      expect(
        await img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth),
      ).toBeGreaterThan(0);
      await page.screenshot({ path: join(SCREENSHOTS, `listing-owner-${engine}.png`), fullPage: true });
      await page.close();
    }, 120_000);

    it("a buyer in another state searches with facets, opens it and sees the badges", async () => {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.selectOption("#home-state", "PA");
      await Promise.all([page.waitForNavigation(), page.click(".state-picker button")]);
      await page.screenshot({ path: join(SCREENSHOTS, `home-${engine}.png`), fullPage: true });
      await page.goto(`${server.url}/trucks`);
      await page.fill("#q", "acty");
      await Promise.all([
        page.waitForNavigation(),
        page.click("form[data-island=search] button[type=submit]"),
      ]);
      expect(await page.textContent("p[aria-live]")).toMatch(/\d+ trucks · prices with PA tax and fees/);
      // Facet: 4WD, then Dump bed (links with counts); JavaScript swaps the results in place.
      await page.click(".facets a:text-is('4WD')");
      await page.waitForURL(/drive=4WD/);
      await page.click(".facets a:text-is('Dump bed')");
      await page.waitForURL(/bed=dump/);
      await page.screenshot({ path: join(SCREENSHOTS, `search-${engine}.png`), fullPage: true });
      await page.click(`a:text-is('${title}')`);
      await page.waitForURL(/\/trucks\/\d+$/);
      const text = (await page.textContent("main")) ?? "";
      expect(text).toMatch(/In the US already/);
      expect(text).toMatch(/Pennsylvania: /);
      expect(text).toMatch(/Delivered and registered in PA: \$/);
      expect(text).toMatch(/Deal rating: not enough data|deal|Fair price|High price/);
      expect(text).not.toMatch(/Edit this listing/);
      await page.screenshot({ path: join(SCREENSHOTS, `listing-buyer-${engine}.png`), fullPage: true });
      await page.close();
    }, 120_000);

    it("a second seller cannot edit the first one's listing", async () => {
      const page = await browser.newPage();
      await signUp(page, server.url, `other-${engine}@example.com`, "seller");
      const res = await page.goto(`${listingUrl}/edit`);
      expect(res?.status()).toBe(403);
      expect(await page.textContent("main")).toMatch(/not your listing/);
      await page.close();
    }, 60_000);
  });
}
