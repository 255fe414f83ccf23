// The haul planner in a real browser with JavaScript off: from the home page to a plan for a face cord
// of red oak, the picture and the verdict first, every weight's source one click away; axe-core's
// WCAG 2 A/AA checks (in a second page, with scripts on) on the plan and on an input error; screenshots at phone and desktop widths.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotBothWidths, violations } from "./axe.js";
import { launchChromium } from "./browser.js";
import { type RunningServer, startKeiyard } from "./server.js";

describe("haul planner journey", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axePage: Page;

  /** axe-core needs scripts: it checks the same URL in a second page with JavaScript on. */
  const axeViolations = async (width: number) => {
    await axePage.setViewportSize({ width, height: 900 });
    await axePage.goto(page.url());
    return violations(axePage);
  };

  beforeAll(async () => {
    server = await startKeiyard({ KEIYARD_DEMO_COUNT: "12" });
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    axePage = await browser.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("plans a face cord of seasoned red oak in a DA16T from the home page, without JavaScript", async () => {
    await page.goto(`${server.url}/`);
    await Promise.all([page.waitForNavigation(), page.click("a[href='/haul']")]);
    expect(await page.inputValue("#code")).toBe("DA16T");
    await page.selectOption("#wood", "firewood-red-oak");
    await page.selectOption("#woodCond", "seasoned");
    await page.fill("#woodAmt", "1");
    await page.selectOption("#woodUnit", "face_cord");
    await Promise.all([page.waitForNavigation(), page.click(".haul-form button[type=submit]")]);
    expect(page.url()).toMatch(
      /\/haul\?code=DA16T&height=&wood=firewood-red-oak&woodCond=seasoned&woodAmt=1&woodUnit=face_cord/,
    );
    expect(await page.textContent("#verdict-h")).toMatch(
      /Over the payload\s+More than the bed holds\s+2 trips/,
    );
    const svg = page.locator("svg[role=img]");
    expect(await svg.getAttribute("aria-labelledby")).toBe("bed-title bed-desc");
    expect(await page.textContent("#bed-title")).toBe("Trip 1 of 2 in the DA16T bed, seen from above");
    // The picture comes before the numbers, and the sources are one click away.
    const figure = await page.locator("figure").boundingBox();
    const details = await page.locator("#verdict-h ~ details").boundingBox();
    expect(figure && details && figure.y < details.y).toBe(true);
    expect(await page.isVisible("a[href*='extension.usu.edu']")).toBe(false);
    await page.click("text=Every weight, with its source and confidence");
    await page.click("td details summary");
    expect(await page.isVisible("a[href*='extension.usu.edu']")).toBe(true);
    expect(await axeViolations(390)).toEqual([]);
    await screenshotBothWidths(page, "haul-red-oak");
  }, 90_000);

  it("a mixed load with a load height: axe-clean at desktop width too", async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const res = await page.goto(
      `${server.url}/haul?code=S500P&height=36&hay=hay-2-string&hayN=8&sheet=plywood-1-2&sheetN=3&c1name=Generator&c1weight=120&c1unit=kg&c1len=28&c1wid=20&c1hgt=22`,
    );
    expect(res?.status()).toBe(200);
    expect(await page.textContent(".legend")).toMatch(/Small square bale, 2-string/);
    expect(await page.textContent("main")).toMatch(/overhangs the tailgate/);
    expect(await axeViolations(1280)).toEqual([]);
    await screenshotBothWidths(page, "haul-mixed");
  }, 60_000);

  it("shows a bad amount next to the form, and passes axe there", async () => {
    const res = await page.goto(`${server.url}/haul?code=DA16T&bulk=bulk-gravel&bulkYd=abc`);
    expect(res?.status()).toBe(400);
    expect(await page.textContent("[role=alert]")).toMatch(/bulkYd: expected cubic yards/);
    expect(await page.inputValue("#bulkYd")).toBe("abc");
    expect(await axeViolations(390)).toEqual([]);
  }, 60_000);
});
