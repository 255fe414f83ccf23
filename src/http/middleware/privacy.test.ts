// What a response keeps private: signed-in pages are not cached by anyone else, and a reset link's
// token never reaches the request log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, createMarket, type Market } from "../../../test/market.js";
import type { IsoDate } from "../../domain/units/dates.js";
import { createApp } from "../app.js";
import { loggedPath } from "./request-log.js";

describe("private responses and redacted logs", () => {
  let market: Market;
  beforeAll(async () => {
    market = await createMarket();
  }, 60_000);
  afterAll(async () => market?.dispose());

  it("a confirmation page (it names an address) is not stored, signed in or not", async () => {
    const res = await market.app.request("http://localhost/confirm/unknown-token-0123456789abcdef");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("marks signed-in pages private, no-store; leaves public and explicitly cached responses alone", async () => {
    const user = new Browser(market.app);
    await user.signUp("private@example.com", "buyer");
    for (const path of ["/dashboard", "/alerts", "/trucks"])
      expect((await user.get(path)).headers.get("cache-control")).toBe("private, no-store");
    expect((await market.app.request("http://localhost/trucks")).headers.get("cache-control")).toBeNull();
    expect((await user.get("/guides/feed.xml")).headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("logs reset and confirmation links without their token", async () => {
    expect(loggedPath("/reset/abcDEF123_-xyz0123456789")).toBe("/reset/[token]");
    expect(loggedPath("/confirm/abcDEF123_-xyz0123456789")).toBe("/confirm/[token]");
    expect(loggedPath("/reset")).toBe("/reset");
    expect(loggedPath("/confirm-email")).toBe("/confirm-email");
    expect(loggedPath("/trucks/12")).toBe("/trucks/12");
    const lines: Record<string, unknown>[] = [];
    const app = createApp({
      facts: market.facts,
      today: () => "2026-11-24" as IsoDate,
      market: { database: market.database, storage: market.storage, jpyPerUsd: 150, secureCookies: false },
      log: (e) => lines.push(e),
    });
    await app.request("http://localhost/reset/secret-token-0123456789abcdef");
    await app.request("http://localhost/confirm/secret-token-0123456789abcdef");
    expect(lines.map((l) => l.path)).toEqual(["/reset/[token]", "/confirm/[token]"]);
    expect(JSON.stringify(lines)).not.toContain("secret-token");
  });
});
