// The site and the deal-model snapshot: a started site has written one (its first fit), and at
// shutdown it rewrites it once the database is closed, so `keiyard lots` finds the folder unchanged.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprintDataDir } from "./db/data-dir-fingerprint.js";
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
