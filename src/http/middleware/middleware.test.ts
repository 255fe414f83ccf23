// Secure headers, request ids, readiness and rate limits through the real app and database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, createMarket, type Market } from "../../../test/market.js";
import { rateLimits } from "../../db/schema/ops.js";
import { waitText } from "../../domain/units/dates.js";

describe("security headers, request ids and readiness", () => {
  let market: Market;
  beforeAll(async () => {
    market = await createMarket("pglite", "2026-11-24", { rateLimitScale: 1 });
  }, 60_000);
  afterAll(async () => market?.dispose());

  it("every page carries a strict CSP and the usual secure headers", async () => {
    for (const path of ["/", "/trucks", "/api/v1/states/TX", "/nope"]) {
      const res = await market.app.request(`http://localhost${path}`);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/form-action 'self'/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      // Not over HTTPS here: no HSTS that would stick to localhost.
      expect(res.headers.get("strict-transport-security")).toBeNull();
    }
  });

  it("every response has a request id; a proxy's id is kept, a junk one replaced", async () => {
    const a = await market.app.request("http://localhost/healthz");
    expect(a.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const b = await market.app.request("http://localhost/healthz", {
      headers: { "x-request-id": "lb-12345678" },
    });
    expect(b.headers.get("x-request-id")).toBe("lb-12345678");
    const c = await market.app.request("http://localhost/healthz", {
      headers: { "x-request-id": "<script>" },
    });
    expect(c.headers.get("x-request-id")).not.toBe("<script>");
  });

  it("/readyz answers 200 with the database engine", async () => {
    const res = await market.app.request("http://localhost/readyz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: "pglite" });
  });

  it("log-in attempts are limited per address with 429 and Retry-After; other addresses are not", async () => {
    // Each try names another account: the per-account limit (login-failures.test.ts) stays out of it.
    let tries = 0;
    const attempt = (ip: string) =>
      market.app.request("http://localhost/login", {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: "http://localhost",
          "x-forwarded-for": ip,
          accept: "text/html",
        },
        body: `email=nobody${++tries}%40example.com&password=wrong-password-1`,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await attempt("203.0.113.7")).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    const limited = await attempt("203.0.113.7");
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(900);
    expect(await limited.text()).toMatch(/too many requests \(login\): try again in \d+ (seconds?|minutes)/);
    expect((await attempt("203.0.113.8")).status).toBe(401);
  });

  it("the API is limited per address too, and answers JSON", async () => {
    const get = () =>
      market.app.request("http://localhost/api/v1/states/TX", {
        headers: { "x-forwarded-for": "198.51.100.1" },
      });
    let last: Response | undefined;
    for (let i = 0; i < 601; i++) last = await get();
    expect(last?.status).toBe(429);
    expect(((await last!.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    expect(last?.headers.get("retry-after")).toMatch(/^\d+$/);
    const rows = await market.database.db.select().from(rateLimits);
    expect(rows.some((r) => r.key === "api:ip:198.51.100.1" && r.count === 601)).toBe(true);
  }, 60_000);

  it("signing up is limited per address", async () => {
    const b = new Browser(market.app);
    let status = 0;
    for (let i = 0; i < 11; i++) {
      const res = await b.request("/signup", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "192.0.2.9" },
        body: new URLSearchParams({
          email: `many${i}@example.com`,
          password: "correct horse battery",
          displayName: `m${i}`,
          role: "buyer",
        }).toString(),
      });
      status = res.status;
    }
    expect(status).toBe(429);
  });
});

describe("waitText", () => {
  it.each([
    [1, "1 second"],
    [45, "45 seconds"],
    [119, "119 seconds"],
    [120, "2 minutes"],
    [1807, "31 minutes"],
    [3600, "60 minutes"],
  ])("%i s reads %s", (seconds, text) => expect(waitText(seconds)).toBe(text));
});
