// The per-account limit on wrong passwords, through the real app and database: it holds across client
// addresses, tells nothing about which emails have accounts, ends with its window, and a password
// reset (which proves the mailbox) lifts it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, createMarket, type Market } from "../../test/market.js";
import { mailJobs, rateLimits } from "../db/schema/ops.js";
import { logIn } from "./accounts.js";
import { LOGIN_FAILURES_PER_ACCOUNT, scaledLimit } from "./login-failures.js";

describe("wrong passwords per account", () => {
  let market: Market;
  const now = new Date();
  beforeAll(async () => {
    market = await createMarket("pglite", "2026-11-24", { rateLimitScale: 1 });
    for (const email of ["dora@example.com", "eve@example.com", "fred@example.com"])
      await new Browser(market.app).signUp(email, "buyer");
  }, 60_000);
  afterAll(async () => market?.dispose());

  /** One log-in from its own client address (each under the per-address limit). */
  let address = 0;
  const attempt = (email: string, password: string) =>
    market.app.request("http://localhost/login", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        "x-forwarded-for": `198.51.100.${++address}`,
      },
      body: new URLSearchParams({ email, password }).toString(),
    });
  const message = async (res: Response) =>
    /<p class="error" role="alert">([^<]*)<\/p>/.exec(await res.text())?.[1];

  async function lockOut(email: string): Promise<Response> {
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT.limit; i++)
      expect((await attempt(email, `wrong password ${i}`)).status).toBe(401);
    return attempt(email, "correct horse battery");
  }

  it("after ten wrong passwords from ten addresses, even the right one is refused for the window", async () => {
    const locked = await lockOut("dora@example.com");
    expect(locked.status).toBe(429);
    const retry = Number(locked.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(LOGIN_FAILURES_PER_ACCOUNT.windowSeconds);
    expect(await message(locked)).toMatch(
      /^too many wrong passwords for this account: try again in \d+ (seconds?|minutes)/,
    );
    // Another account is not touched.
    expect((await attempt("eve@example.com", "correct horse battery")).status).toBe(303);
    // The counter table holds no address in the clear.
    const keys = (await market.database.db.select().from(rateLimits)).map((r) => r.key);
    expect(keys.some((k) => k.includes("dora"))).toBe(false);
  });

  it("an email without an account locks the same way, with the same words", async () => {
    const known = await message(await attempt("dora@example.com", "whatever"));
    const unknown = await lockOut("nobody-here@example.com");
    expect(unknown.status).toBe(429);
    expect((await message(unknown))?.replace(/\d+ (seconds?|minutes)/, "N")).toBe(
      known?.replace(/\d+ (seconds?|minutes)/, "N"),
    );
  });

  it("ends with its window", async () => {
    const db = market.database.db;
    const limit = { limit: 2, windowSeconds: 60 };
    const at = new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 1_000);
    const tryAt = (password: string, when: Date) =>
      logIn(db, { email: "fred@example.com", password }, undefined, when, limit).then(
        () => "in",
        (e: { code: string }) => e.code,
      );
    expect(await tryAt("nope", at)).toBe("invalid_credentials");
    expect(await tryAt("nope", at)).toBe("invalid_credentials");
    expect(await tryAt("correct horse battery", at)).toBe("rate_limited");
    expect(await tryAt("correct horse battery", new Date(at.getTime() + 60_000))).toBe("in");
    // Without a limit (the operator turned limits off), the same account is let in at once.
    const unlimited = await logIn(
      db,
      { email: "fred@example.com", password: "correct horse battery" },
      undefined,
      at,
      null,
    );
    expect(unlimited.user.email).toBe("fred@example.com");
  });

  it("a password reset lifts it", async () => {
    const anon = new Browser(market.app);
    expect((await anon.post("/reset", { email: "dora@example.com" })).status).toBe(200);
    const [mail] = await market.database.db
      .select()
      .from(mailJobs)
      .where(eq(mailJobs.kind, "password_reset"));
    const link = /http:\/\/localhost(\/reset\/[\w-]+)/.exec(mail!.text)![1]!;
    expect((await anon.post(link, { password: "a brand new password" })).status).toBe(303);
    expect((await attempt("dora@example.com", "a brand new password")).status).toBe(303);
  });

  it("scales with the operator's setting, and is off at zero", () => {
    expect(scaledLimit(LOGIN_FAILURES_PER_ACCOUNT, 0)).toBeNull();
    expect(scaledLimit(LOGIN_FAILURES_PER_ACCOUNT, 2)).toEqual({ limit: 20, windowSeconds: 900 });
    expect(scaledLimit(LOGIN_FAILURES_PER_ACCOUNT, 0.01)?.limit).toBe(1);
  });
});
