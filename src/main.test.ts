// The started site: the deal-model snapshot (a started site has written one, its first fit, and at
// shutdown it rewrites it once the database is closed, so `keiyard lots` finds the folder unchanged),
// and the address links in mail are built from.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { postForm } from "../test/raw-post.js";
import { fingerprintDataDir } from "./db/data-dir-fingerprint.js";
import { mailJobs } from "./db/schema/ops.js";
import { readDealSnapshot } from "./services/deal-snapshot.js";
import { fitUsDealModel } from "./services/deals.js";

const dir = mkdtempSync(join(tmpdir(), "keiyard-main-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = join(dir, "db");
// Read once by getConfig, on the first start below (this file has its own module instances).
Object.assign(process.env, {
  KEIYARD_DATA_DIR: dataDir,
  KEIYARD_PHOTOS_DIR: join(dir, "photos"),
  KEIYARD_OUTBOX_DIR: join(dir, "outbox"),
  KEIYARD_DEMO: "auto",
  KEIYARD_DEMO_COUNT: "120",
  KEIYARD_JOBS_INTERVAL_MS: "0",
  LOG_LEVEL: "silent",
});
delete process.env.DATABASE_URL;

describe("startServer and the deal-model snapshot", () => {
  it("writes the snapshot of its fit at start and rewrites it for the closed folder at shutdown", async () => {
    const { startServer } = await import("./main.js");
    const site = await startServer({ port: 0, host: "127.0.0.1", log: () => {} });
    let fresh: Awaited<ReturnType<typeof fitUsDealModel>>;
    try {
      const started = await readDealSnapshot(dataDir);
      fresh = await fitUsDealModel(site.database.db);
      expect(started).toMatchObject({ listings: fresh.listings, demoListings: fresh.demoListings });
      expect(started?.model).toEqual(fresh.model);
      expect(fresh.model).not.toBeNull();
    } finally {
      await site.close();
    }
    const closed = await readDealSnapshot(dataDir);
    expect(closed?.fingerprint).toBe(await fingerprintDataDir(dataDir));
    expect(closed?.model).toEqual(fresh.model);
  }, 120_000);
});

/** A form post with the Host and Origin a client chooses (fetch would not let a test set Host). */
const postAs = (port: number, host: string, path: string, form: Record<string, string>) =>
  postForm({ host: "127.0.0.1", port, path, form, headers: { host, origin: `http://${host}` } });

describe("links in mail", () => {
  it("use the site's own address, not the Host a request names (it would hand the token to that site)", async () => {
    const { startServer } = await import("./main.js");
    const site = await startServer({ port: 0, host: "127.0.0.1", log: () => {} });
    try {
      const status = await postAs(site.port, "evil.example", "/signup", {
        email: "host-header@example.com",
        password: "correct horse battery",
        displayName: "Host header",
        role: "buyer",
      });
      expect(status).toBe(303);
      const [mail] = await site.database.db
        .select()
        .from(mailJobs)
        .where(eq(mailJobs.to, "host-header@example.com"));
      expect(mail?.text).toContain(`http://localhost:${site.port}/confirm/`);
      expect(mail?.text).not.toContain("evil.example");
    } finally {
      await site.close();
    }
  }, 120_000);
});
