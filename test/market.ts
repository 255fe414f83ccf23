// Test helper: the whole app with a real (in-memory PGlite or PostgreSQL) database and in-memory photo
// storage, plus a tiny browser-like client that keeps cookies and sends a same-origin Origin header.
import type { DatabaseKind } from "../src/db/client.js";
import { addViews } from "../src/db/repos/listings.repo.js";
import type { IsoDate } from "../src/domain/units/dates.js";
import { loadFacts } from "../src/facts/load.js";
import { createApp } from "../src/http/app.js";
import { createMemoryStorage } from "../src/photos/storage.js";
import { ViewCounts } from "../src/services/view-counts.js";
import { createTestDatabase } from "./db-harness.js";

export const ORIGIN = "http://localhost";
const facts = loadFacts();

/** Rate limits are off unless a test asks for them (`rateLimitScale: 1`): suites sign up many users. */
export async function createMarket(
  kind: DatabaseKind = "pglite",
  today = "2026-11-24",
  options: { rateLimitScale?: number; viewCounts?: boolean } = {},
) {
  const testDb = await createTestDatabase(kind);
  const storage = createMemoryStorage();
  // Written only when a test flushes them (as the server does every few seconds).
  const views = options.viewCounts
    ? new ViewCounts((deltas) => addViews(testDb.database.db, deltas), { everyMs: 3_600_000 })
    : undefined;
  const app = createApp({
    facts,
    today: () => today as IsoDate,
    market: {
      database: testDb.database,
      storage,
      jpyPerUsd: 150,
      secureCookies: false,
      rateLimits: { scale: options.rateLimitScale ?? 0, trustProxy: true },
      views,
    },
  });
  return { app, facts, storage, testDb, database: testDb.database, views, dispose: () => testDb.dispose() };
}

export type Market = Awaited<ReturnType<typeof createMarket>>;

export class Browser {
  private cookies = new Map<string, string>();
  constructor(private readonly app: Market["app"]) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", ORIGIN);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await this.app.request(`${ORIGIN}${path}`, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (!k) continue;
      if (/max-age=0/i.test(c) || v.join("=") === "") this.cookies.delete(k);
      else this.cookies.set(k, v.join("="));
    }
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  post(path: string, fields: Record<string, string>) {
    return this.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async signUp(email: string, role: "buyer" | "seller" = "seller", extra: Record<string, string> = {}) {
    const res = await this.post("/signup", {
      email,
      password: "correct horse battery",
      displayName: email.split("@")[0] ?? email,
      role,
      ...(role === "seller" ? { sellerKind: "private" } : {}),
      ...extra,
    });
    if (res.status !== 303) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    return res;
  }
}

export const TRUCK = {
  location: "us",
  title: "1996 Honda Acty 4WD",
  frameNumber: "HA4-2123456",
  buildMonth: "1996-05",
  ageEvidence: "build_month",
  mileageKm: "48000",
  transmission: "manual",
  bedType: "dump",
  condition: "good",
  description: "Runs well.",
  priceUsd: "8500",
  usState: "TX",
  zip: "75001",
  titleStatus: "clean",
  intent: "save",
};
