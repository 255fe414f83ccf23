// The fingerprint on a real PGlite folder: what `keiyard lots` trusts a deal-model snapshot by. It must
// change with every write, and stay put while nothing touches the folder.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprintDataDir } from "./data-dir-fingerprint.js";

const root = mkdtempSync(join(tmpdir(), "keiyard-fingerprint-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("fingerprintDataDir", () => {
  it("is null for a folder that holds no database", async () => {
    expect(await fingerprintDataDir(join(root, "missing"))).toBeNull();
    mkdirSync(join(root, "empty"));
    expect(await fingerprintDataDir(join(root, "empty"))).toBeNull();
  });

  it("changes after each write and at close, and is stable while nothing changes", async () => {
    const dir = join(root, "db");
    let db = await PGlite.create({ dataDir: dir });
    await db.exec("create table t (x int)");
    const created = await fingerprintDataDir(dir);
    expect(created).toMatch(/^sha256:[0-9a-f]{64}$/);
    await db.query("select count(*) from t");
    expect(await fingerprintDataDir(dir)).toBe(created);

    await db.exec("insert into t values (1)");
    const inserted = await fingerprintDataDir(dir);
    expect(inserted).not.toBe(created);

    await db.close();
    const closed = await fingerprintDataDir(dir);
    expect(closed).not.toBe(inserted);
    expect(await fingerprintDataDir(dir)).toBe(closed);

    // A later open writes too (PGlite checkpoints at close), even when it only reads.
    db = await PGlite.create({ dataDir: dir });
    await db.query("select count(*) from t");
    await db.close();
    const reopened = await fingerprintDataDir(dir);
    expect(reopened).not.toBe(closed);

    db = await PGlite.create({ dataDir: dir });
    await db.exec("update t set x = 2");
    expect(await fingerprintDataDir(dir)).not.toBe(reopened);
    await db.close();
  }, 60_000);

  it("tells apart every one of a burst of commits", async () => {
    const dir = join(root, "burst");
    const db = await PGlite.create({ dataDir: dir });
    await db.exec("create table t (x int)");
    const seen = new Set<string | null>([await fingerprintDataDir(dir)]);
    for (let i = 0; i < 20; i++) {
      await db.exec(`insert into t values (${i})`);
      seen.add(await fingerprintDataDir(dir));
    }
    await db.close();
    expect(seen.size).toBe(21);
  }, 60_000);
});
