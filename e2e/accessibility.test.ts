// Every main page passes axe-core's automated checks (WCAG 2 A and AA rules) in Chromium, as a signed-in
// seller with a home state picked, so the state-dependent parts of the pages are rendered too.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { violations } from "./axe.js";
import { launchChromium } from "./browser.js";
import { type RunningServer, startKeiyard } from "./server.js";

describe("accessibility (axe-core, WCAG 2 A/AA)", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startKeiyard({ KEIYARD_DEMO_COUNT: "120" });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.fill("#email", "demo-seller@keiyard.test");
    await page.fill("#password", "keiyard-demo-seller");
    await Promise.all([page.waitForNavigation(), page.click("form[action='/login'] button[type=submit]")]);
    await page.selectOption("#home-state", "TX");
    await Promise.all([page.waitForNavigation(), page.click(".state-picker button")]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it.each([
    "/",
    "/trucks",
    "/trucks?q=carry&drive=4WD",
    "/trucks?near=37160&withinMiles=250",
    "/trucks/1",
    "/trucks/2",
    "/sell",
    "/dashboard",
    "/api/docs",
    "/states",
    "/states/TX",
    "/import?frame=DA52T-123456&built=1999-06",
    "/auction-sheet",
    `/auction-sheet?score=R&interior=C&notes=${encodeURIComponent("A1 bed rails; S2 under bed; Z2 door; AC PS; 修復歴あり")}`,
  ])(
    "%s has no violations",
    async (path) => {
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status()).toBe(200);
      expect(await violations(page)).toEqual([]);
    },
    60_000,
  );

  it("the sign-up and log-in pages have no violations", async () => {
    const anon = await browser.newPage();
    for (const path of ["/signup", "/login"]) {
      await anon.goto(`${server.url}${path}`);
      expect(await violations(anon)).toEqual([]);
    }
    await anon.close();
  }, 60_000);

  it("the alerts page of an unconfirmed account, the confirmation page and the password form have no violations", async () => {
    const fresh = await browser.newPage();
    await fresh.goto(`${server.url}/signup`);
    await fresh.fill("#email", "a11y-new@example.com");
    await fresh.fill("#password", "correct horse battery");
    await fresh.fill("#displayName", "New buyer");
    await Promise.all([fresh.waitForNavigation(), fresh.click("form[action='/signup'] button[type=submit]")]);
    await fresh.goto(`${server.url}/alerts`);
    expect(await fresh.textContent("main")).toMatch(/Confirm your email to get alerts/);
    expect(await violations(fresh)).toEqual([]);
    // Other pages carry the reminder.
    await fresh.goto(`${server.url}/trucks`);
    expect(await fresh.textContent("main")).toMatch(/we sent a link to a11y-new@example\.com/);
    expect(await violations(fresh)).toEqual([]);
    // The link as mailed (the development outbox shows it), then the button it leads to.
    let link: string | undefined;
    for (let i = 0; i < 50 && !link; i++) {
      await fresh.goto(`${server.url}/dev/outbox`);
      link = /\/confirm\/[\w-]+/.exec((await fresh.textContent("main")) ?? "")?.[0];
      if (!link) await new Promise((r) => setTimeout(r, 200));
    }
    expect(link).toBeDefined();
    await fresh.goto(`${server.url}${link}`);
    expect(await violations(fresh)).toEqual([]);
    await Promise.all([fresh.waitForNavigation(), fresh.click("text=Confirm my email")]);
    expect(await fresh.textContent("main")).toMatch(/a11y-new@example\.com is confirmed/);
    expect(await violations(fresh)).toEqual([]);
    // The password form, reached from /alerts: refused, then changed.
    await fresh.goto(`${server.url}/alerts`);
    await Promise.all([fresh.waitForNavigation(), fresh.click("text=Change your password")]);
    expect(await violations(fresh)).toEqual([]);
    await fresh.fill("#current", "not the password");
    await fresh.fill("#password", "a brand new password");
    await Promise.all([fresh.waitForNavigation(), fresh.click("form[action='/account/password'] button")]);
    expect(await fresh.textContent("main")).toMatch(/not your current password/);
    expect(await violations(fresh)).toEqual([]);
    await fresh.fill("#current", "correct horse battery");
    await fresh.fill("#password", "a brand new password");
    await Promise.all([fresh.waitForNavigation(), fresh.click("form[action='/account/password'] button")]);
    expect(await fresh.textContent("main")).toMatch(/Your password is changed/);
    expect(await violations(fresh)).toEqual([]);
    await fresh.close();
  }, 60_000);
});
