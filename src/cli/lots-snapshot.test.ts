// `keiyard lots` and the deal-model snapshot beside the embedded database, through the real binary:
// it prices from the snapshot while the folder is unchanged (and says so), refits when the folder
// changed and leaves a fresh snapshot, trusts the snapshot of a running site that holds the folder,
// and treats a broken snapshot as none. The snapshot's model is the one a fresh fit gives.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { keiyard } from "../../test/cli.js";
import { openDatabase } from "../db/client.js";
import { DEAL_SNAPSHOT_FILE, readDealSnapshot } from "../services/deal-snapshot.js";
import { fitUsDealModel } from "../services/deals.js";

const dir = mkdtempSync(join(tmpdir(), "keiyard-lots-snapshot-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const market = join(dir, "market");
const env = { KEIYARD_DATA_DIR: market };
const LOTS = ["lots", "docs/examples/lots.csv", "--to", "TX", "--arrival", "2027-01-15"];

function lots(...extra: string[]) {
  const r = keiyard([...LOTS, ...extra, "--json"], env);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as {
    results: unknown[];
    summary: {
      pricing: { kind: string; listings?: number; reason?: string; snapshot?: unknown };
      fairSource: { model: number };
    };
  };
}

/** A fresh fit on the folder as it is (opening it changes the folder: the snapshot no longer matches). */
async function freshFit() {
  const database = await openDatabase({ dataDir: market });
  try {
    return await fitUsDealModel(database.db);
  } finally {
    await database.close();
  }
}

/** Doubles one US listing's price: a write that changes the model. */
async function changeAPrice() {
  const database = await openDatabase({ dataDir: market });
  try {
    await database.db.execute(sql`update listings set landed_usd_cents = landed_usd_cents * 2
      where id = (select min(id) from listings where location = 'us' and status = 'active')`);
  } finally {
    await database.close();
  }
}

describe("keiyard lots with a deal-model snapshot", () => {
  it("keiyard seed writes the snapshot; lots prices from it and says so; the model is a fresh fit's", async () => {
    expect(keiyard(["seed", "--demo", "--count", "300"], env).code).toBe(0);
    const snapshot = await readDealSnapshot(market);
    expect(snapshot?.model).not.toBeNull();

    const warm = lots();
    expect(warm.summary.pricing).toMatchObject({
      kind: "model",
      listings: snapshot!.listings,
      snapshot: { fittedAt: snapshot!.fittedAt, bySite: false },
    });
    expect(warm.summary.fairSource.model).toBeGreaterThan(0);
    const text = keiyard(LOTS, env).stdout;
    expect(text).toMatch(
      /Fair US price: the deal model fitted on [\d,]+ US marketplace listings.*\(from the snapshot of \d{4}-\d\d-\d\d \d\d:\d\d UTC: the database has not changed since\)/,
    );

    // --refit fits from the database: the same model, so the same results, without the snapshot line.
    const refit = lots("--refit");
    expect(refit.summary.pricing).toEqual({
      kind: "model",
      listings: snapshot!.listings,
      demoListings: snapshot!.demoListings,
    });
    expect(refit.results).toEqual(warm.results);

    expect((await freshFit()).model).toEqual(snapshot!.model);
  }, 120_000);

  it("refits when the database changed since the snapshot, and leaves a fresh one for the next run", async () => {
    const before = await readDealSnapshot(market);
    await changeAPrice();
    const cold = lots();
    expect(cold.summary.pricing.kind).toBe("model");
    expect(cold.summary.pricing.snapshot).toBeUndefined();

    const after = await readDealSnapshot(market);
    expect(after?.model).not.toEqual(before?.model);
    const warm = lots();
    expect(warm.summary.pricing.snapshot).toEqual({ fittedAt: after!.fittedAt, bySite: false });
    expect(warm.results).toEqual(cold.results);
    expect((await freshFit()).model).toEqual(after!.model);
  }, 120_000);

  it("while a running site holds the folder, prices by its snapshot as is and says when it was fitted", async () => {
    const snapshot = await readDealSnapshot(market);
    await changeAPrice(); // the folder moved on, as it does under a running site
    const lock = join(market, "keiyard.lock");
    writeFileSync(lock, `${process.pid}\n`); // a live process: this test's
    try {
      const r = lots();
      expect(r.summary.pricing.snapshot).toEqual({ fittedAt: snapshot!.fittedAt, bySite: true });
      expect(r.summary.fairSource.model).toBeGreaterThan(0);
      expect(keiyard(LOTS, env).stdout).toMatch(
        /the deal model fitted at \d{4}-\d\d-\d\d \d\d:\d\d UTC by the running site on [\d,]+ US marketplace listings/,
      );

      // Without a snapshot the held folder cannot be read: the fact data's range, and why.
      rmSync(join(market, DEAL_SNAPSHOT_FILE));
      const none = lots();
      expect(none.summary.pricing).toMatchObject({ kind: "none" });
      expect(none.summary.pricing.reason).toMatch(/in use by process \d+ .*no deal-model snapshot yet/);
      expect(none.summary.fairSource.model).toBe(0);
    } finally {
      rmSync(lock, { force: true });
    }
  }, 120_000);

  it.each([
    ["not JSON", '{"version":1,"model":'],
    ["of another version", JSON.stringify({ version: 99 })],
  ])(
    "a snapshot that is %s is ignored: the model is fitted and the snapshot rewritten",
    (_, text) => {
      writeFileSync(join(market, DEAL_SNAPSHOT_FILE), text);
      const r = keiyard([...LOTS, "--json"], env);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe("");
      const doc = JSON.parse(r.stdout);
      expect(doc.summary.pricing.kind).toBe("model");
      expect(doc.summary.pricing.snapshot).toBeUndefined();
      expect(doc.summary.fairSource.model).toBeGreaterThan(0);
      return expect(readDealSnapshot(market)).resolves.toMatchObject({ version: 1 });
    },
    120_000,
  );
});
