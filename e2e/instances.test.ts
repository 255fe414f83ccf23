// Past one machine: two app instances (two processes, as behind a load balancer) on one PostgreSQL and
// one object store (a fake S3 server that checks signatures). A signed-in seller moves between them
// mid-session; rate-limit counts are shared; the job runners of both drain one mail queue without
// sending a message twice.
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/client.js";
import { createTestDatabase, type TestDatabase } from "../test/db-harness.js";
import { type FakeS3, startFakeS3 } from "../test/fake-s3.js";
import { TRUCK } from "../test/market.js";
import { HttpClient } from "./http-client.js";
import { type RunningServer, startKeiyard } from "./server.js";

describe("two instances on one PostgreSQL and one object store", () => {
  let pgDb: TestDatabase;
  let s3: FakeS3;
  let a: RunningServer;
  let b: RunningServer;
  const outboxes = [
    mkdtempSync(join(tmpdir(), "keiyard-outbox-a-")),
    mkdtempSync(join(tmpdir(), "keiyard-outbox-b-")),
  ];

  beforeAll(async () => {
    pgDb = await createTestDatabase("postgres", { migrated: false });
    s3 = await startFakeS3();
    const env = {
      DATABASE_URL: pgDb.url!,
      KEIYARD_DEMO: "off",
      KEIYARD_PHOTOS_STORE: "s3",
      KEIYARD_S3_ENDPOINT: s3.endpoint,
      KEIYARD_S3_BUCKET: s3.bucket,
      KEIYARD_S3_REGION: s3.region,
      AWS_ACCESS_KEY_ID: s3.accessKeyId,
      AWS_SECRET_ACCESS_KEY: s3.secretAccessKey,
      // Behind the (pretend) load balancer: the client address comes from X-Forwarded-For.
      TRUST_PROXY: "1",
      KEIYARD_JOBS_INTERVAL_MS: "100",
    };
    // Started together: both migrate the same empty database at once (an advisory lock serializes them).
    const [first, second] = await Promise.all(
      outboxes.map((dir) => startKeiyard({ ...env, KEIYARD_OUTBOX_DIR: dir })),
    );
    a = first!;
    b = second!;
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await s3?.close();
    await pgDb?.dispose();
  });

  it("a signed-in seller moves between the instances mid-session: one session, one set of listings and photos", async () => {
    const seller = new HttpClient(a.url);
    await seller.signUp("two-instances@example.com", "seller");
    const created = await seller.post("/sell", { ...TRUCK, title: "Listed on instance A" });
    expect(created.status).toBe(303);
    const path = created.headers.get("location")!;

    seller.moveTo(b.url); // the load balancer sends the next request elsewhere
    const dashboard = await seller.get("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toMatch(/Listed on instance A/);
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#38a" } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append("photos", new File([new Uint8Array(photo)], "truck.jpg", { type: "image/jpeg" }));
    expect((await seller.request(`${path}/photos`, { method: "POST", body: form })).status).toBe(303);
    expect(s3.objects.size).toBeGreaterThan(0); // in the shared bucket, not on B's disk

    seller.moveTo(a.url);
    const page = await (await seller.get(path)).text();
    const src = /src="(\/photos\/[^"]+)"/.exec(page)?.[1];
    expect(src).toBeDefined();
    const served = await fetch(`${a.url}${src}`);
    expect(served.status).toBe(200);
    expect((await served.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect((await seller.post(`${path}/edit`, { ...TRUCK, title: "Edited on instance A" })).status).toBe(303);

    seller.moveTo(b.url);
    const cookie = seller.cookieHeader;
    expect((await seller.post("/logout", {})).status).toBe(303);
    // Logged out on B means logged out everywhere: the session was a database row, not process memory.
    expect((await new HttpClient(a.url).adopt(cookie).get("/dashboard")).status).toBe(303);
  });

  it("counts log-in attempts once for both instances: the 21st attempt is refused on either", async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      // A fresh client address per try; a try that straddles a window boundary is run again.
      const ip = `203.0.113.${10 + attempt}`;
      // Each try names another email: the per-account limit (10 wrong passwords) stays out of it.
      const login = (server: RunningServer, n: number) =>
        new HttpClient(server.url).post(
          "/login",
          { email: `nobody${attempt}-${n}@example.com`, password: "wrong password 1" },
          { "x-forwarded-for": ip, accept: "text/html" },
        );
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await login(i % 2 === 0 ? a : b, i)).status);
      const last = await login(b, 20);
      const windows = await queryRows<{ n: number; total: number }>(
        pgDb.db,
        sql`select count(*)::int as n, sum(count)::int as total from rate_limits where key = ${`login:ip:${ip}`}`,
      );
      if (windows[0]?.n !== 1) continue;
      expect(statuses).toEqual(Array(20).fill(401));
      expect(last.status).toBe(429);
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(windows[0]?.total).toBe(21);
      return;
    }
    throw new Error("two tries straddled a rate-limit window boundary");
  });

  it("counts one account's wrong passwords once for both instances: the 11th try is refused on either", async () => {
    for (let attempt = 0; attempt < 2; attempt++) {
      const email = `guessed${attempt}@example.com`;
      // From a new client address each time: only the account's count can refuse it.
      const login = (server: RunningServer, n: number) =>
        new HttpClient(server.url).post(
          "/login",
          { email, password: `wrong password ${n}` },
          { "x-forwarded-for": `198.51.100.${20 * attempt + n}`, accept: "text/html" },
        );
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await login(i % 2 === 0 ? a : b, i)).status);
      const last = await login(b, 10);
      // A run that straddles a window boundary is split between two counts: run again (a missing
      // limit fails both runs).
      if (last.status !== 429) continue;
      expect(statuses).toEqual(Array(10).fill(401));
      expect(last.status).toBe(429);
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
      return;
    }
    throw new Error("two tries straddled a rate-limit window boundary");
  });

  it("both instances' job runners drain one mail queue, sending each message once", async () => {
    const owner = new HttpClient(a.url);
    await owner.signUp("mail-once@example.com", "buyer");
    // Ten reset mails asked for on both instances (from ten addresses: the limit is five an hour each).
    for (let i = 0; i < 10; i++) {
      const res = await new HttpClient(i % 2 ? b.url : a.url).post(
        "/reset",
        { email: "mail-once@example.com" },
        { "x-forwarded-for": `198.51.100.${i + 1}` },
      );
      expect(res.status).toBe(200);
    }
    const count = async (where: ReturnType<typeof sql>) =>
      (await queryRows<{ n: number }>(pgDb.db, sql`select count(*)::int as n from mail_jobs ${where}`))[0]!.n;
    const deadline = Date.now() + 20_000;
    let pending = 1;
    while (pending > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      pending = await count(sql`where sent_at is null`);
    }
    expect(pending).toBe(0);
    // Every message queued (the ten reset links, and each sign-up's confirmation link) sent once.
    const queued = await count(sql`where true`);
    expect(await count(sql`where kind = 'password_reset'`)).toBe(10);
    const sent = outboxes.map((dir) => readdirSync(dir).filter((f) => f.endsWith(".eml")).length);
    expect(sent[0]! + sent[1]!).toBe(queued);
    console.log(`mail: instance A sent ${sent[0]}, instance B sent ${sent[1]}, ${queued} queued`);
  });
});
