// Comments and moderation in a real browser, without a line of script on the site: a reader comments on
// a guide and reports a demo comment; the operator makes a moderator with `keiyard admin grant`; the
// moderator hides the reader's comment from the guide page and the reader no longer sees it; the report
// waits on /admin. The guide page with its thread, a listing's questions and /admin pass axe and are
// screenshotted at phone and desktop widths. The server runs on PostgreSQL so the CLI can act beside it.
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keiyard } from "../test/cli.js";
import { createTestDatabase, type TestDatabase } from "../test/db-harness.js";
import { signUp } from "./accounts.js";
import { screenshotBothWidths, violations } from "./axe.js";
import { launchChromium } from "./browser.js";
import { type RunningServer, startKeiyard } from "./server.js";

const GUIDE = "/guides/buying-checklist";
const MINE = "My own note: check the tailgate hinges for cracks.";

describe("comments and moderation (Chromium)", () => {
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let reader: Page;
  let moderator: Page;

  beforeAll(async () => {
    database = await createTestDatabase("postgres", { migrated: false });
    server = await startKeiyard({ DATABASE_URL: database.url!, KEIYARD_DEMO_COUNT: "60" });
    browser = await launchChromium();
    reader = await (await browser.newContext()).newPage();
    moderator = await (await browser.newContext()).newPage();
    await signUp(reader, server.url, "reader@example.com", "buyer");
    await signUp(moderator, server.url, "mod@example.com", "buyer");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.dispose();
  });

  it("the demo thread shows; a reader comments on a guide and reports a demo comment", async () => {
    await reader.goto(`${server.url}${GUIDE}`);
    expect(await reader.textContent("#comments")).toMatch(/\[Demo comment\]/);
    await reader.fill("#new-comment", MINE);
    await Promise.all([reader.waitForNavigation(), reader.click("#comments form.card button[type=submit]")]);
    expect(reader.url()).toMatch(/#comment-\d+$/);
    expect(await reader.textContent("#comments")).toContain(MINE);

    const demo = reader.locator("article.comment", { hasText: "[Demo comment]" }).first();
    await demo.locator("summary", { hasText: "Report" }).click();
    await demo.locator("input[name=reason]").fill("Reads like an advert");
    await Promise.all([reader.waitForNavigation(), demo.locator("button", { hasText: "Report" }).click()]);
    expect(await violations(reader)).toEqual([]);
    await screenshotBothWidths(reader, "guide-comments");
  }, 60_000);

  it("/admin is forbidden until the operator grants the role", async () => {
    const before = await moderator.goto(`${server.url}/admin`);
    expect(before?.status()).toBe(403);
    const granted = keiyard(["admin", "grant", "mod@example.com"], { DATABASE_URL: database.url! });
    expect(granted.stderr).toBe("");
    expect(granted.stdout).toMatch(/mod@example\.com \(mod\) is now an admin/);
    const after = await moderator.goto(`${server.url}/admin`);
    expect(after?.status()).toBe(200);
    expect(await moderator.textContent("main")).toMatch(/reader: “Reads like an advert”/);
    expect(await violations(moderator)).toEqual([]);
    await screenshotBothWidths(moderator, "admin");
  }, 60_000);

  it("the moderator hides the reader's comment; the reader no longer sees it, the moderator does", async () => {
    await moderator.goto(`${server.url}${GUIDE}`);
    const mine = moderator.locator("article.comment", { hasText: MINE });
    await Promise.all([moderator.waitForNavigation(), mine.locator("button", { hasText: "Hide" }).click()]);
    expect(await moderator.textContent("#comments")).toMatch(
      /Hidden by a moderator \(visible to admins only\)[\s\S]*My own note/,
    );

    await reader.goto(`${server.url}${GUIDE}`);
    expect(await reader.textContent("#comments")).not.toContain(MINE);
    await reader.goto(`${server.url}/guides`);
    expect(await reader.textContent("main")).toMatch(/\d+ comments?/);

    await moderator.goto(`${server.url}/admin`);
    expect(await moderator.textContent("table")).toMatch(/mod\s*hide\s*comment \d+/);
  }, 60_000);

  it("a listing's questions, with the seller's answers marked, pass axe", async () => {
    const rows = (await database.db.execute(
      sql`select c.subject_key as id from comments c join listings l on l.id::text = c.subject_key
          where c.subject_kind = 'listing' and c.parent_id is not null and c.author_id = l.seller_id limit 1`,
    )) as unknown as { rows: { id: string }[] };
    const id = rows.rows[0]?.id;
    expect(id).toBeDefined();
    await reader.goto(`${server.url}/trucks/${id}`);
    expect(await reader.textContent("#comments")).toMatch(/Questions[\s\S]*\[Demo question\][\s\S]*Seller/);
    expect(await violations(reader)).toEqual([]);
    await screenshotBothWidths(reader, "listing-questions");
  }, 60_000);
});
