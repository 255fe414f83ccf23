// The deal-model snapshot file: what is written is read back exactly, and anything else (missing,
// not JSON, another version, a model that is not a valid model) reads as "no snapshot".
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fingerprintDataDir } from "../db/data-dir-fingerprint.js";
import { fitDealModel } from "../domain/pricing/fit.js";
import { syntheticComparables } from "../domain/pricing/synthetic.fixture.js";
import { DEAL_SNAPSHOT_FILE, readDealSnapshot, writeDealSnapshot } from "./deal-snapshot.js";

const root = mkdtempSync(join(tmpdir(), "keiyard-deal-snapshot-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A folder shaped like a database for the fingerprint (the real thing: data-dir-fingerprint.test.ts). */
function fakeDataDir(name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, "pg_wal"), { recursive: true });
  writeFileSync(join(dir, "pg_wal", "000000010000000000000001"), "wal bytes");
  return dir;
}

const model = fitDealModel(syntheticComparables(3000, 5));
const fit = { model, listings: 3000, demoListings: 120 };
const at = new Date("2026-11-24T10:02:03.456Z");

describe("deal-model snapshot", () => {
  it("reads back exactly what was written, with the folder's fingerprint, and leaves no temp file", async () => {
    const dir = fakeDataDir("round-trip");
    const written = await writeDealSnapshot(dir, fit, at);
    const read = await readDealSnapshot(dir);
    expect(read).toEqual(written);
    expect(read?.model).toEqual(model);
    expect(read).toMatchObject({ version: 1, fittedAt: at.toISOString(), listings: 3000, demoListings: 120 });
    expect(read?.fingerprint).toBe(await fingerprintDataDir(dir));
    expect(readdirSync(dir).sort()).toEqual([DEAL_SNAPSHOT_FILE, "pg_wal"]);
  });

  it("keeps a fit without a model (no US listings) as such", async () => {
    const dir = fakeDataDir("no-model");
    await writeDealSnapshot(dir, { model: null, listings: 0, demoListings: 0 }, at);
    expect(await readDealSnapshot(dir)).toMatchObject({ model: null, listings: 0 });
  });

  it("refuses a folder with no database in it", async () => {
    mkdirSync(join(root, "plain"));
    await expect(writeDealSnapshot(join(root, "plain"), fit, at)).rejects.toThrow(/no embedded database/);
  });

  it("reads a missing file or one that is not JSON as no snapshot", async () => {
    const dir = fakeDataDir("broken");
    expect(await readDealSnapshot(dir)).toBeNull();
    writeFileSync(join(dir, DEAL_SNAPSHOT_FILE), '{"version":1,"fitted');
    expect(await readDealSnapshot(dir)).toBeNull();
  });

  const valid = () =>
    JSON.parse(JSON.stringify({ ...fit, version: 1, fittedAt: at.toISOString(), fingerprint: "sha256:x" }));
  const dropFirst = (list: unknown[]) => list.slice(1);
  it.each<[string, (s: Record<string, any>) => void]>([
    ["another version", (s) => (s.version = 2)],
    ["no fingerprint", (s) => delete s.fingerprint],
    ["a fittedAt that is not a time", (s) => (s.fittedAt = "yesterday")],
    ["more demo listings than listings", (s) => (s.demoListings = s.listings + 1)],
    ["an unknown field", (s) => (s.extra = true)],
    ["a model of another version", (s) => (s.model.version = 2)],
    ["a missing coefficient", (s) => delete s.model.coefficients.fourWd],
    ["a coefficient that is not a number", (s) => (s.model.coefficients.age = null)],
    ["a missing group list", (s) => delete s.model.generations],
    ["groups out of order", (s) => s.model.generations.reverse()],
    ["a negative count", (s) => (s.model.generations[0].count = -1)],
    ["three spread factors", (s) => (s.model.spreadFactors = dropFirst(s.model.spreadFactors))],
  ])("rejects a snapshot with %s", async (name, spoil) => {
    const dir = fakeDataDir(`invalid-${name.replaceAll(" ", "-")}`);
    const snapshot = valid();
    writeFileSync(join(dir, DEAL_SNAPSHOT_FILE), JSON.stringify(snapshot));
    expect(await readDealSnapshot(dir)).not.toBeNull(); // the unspoilt file is valid
    spoil(snapshot);
    writeFileSync(join(dir, DEAL_SNAPSHOT_FILE), JSON.stringify(snapshot));
    expect(await readDealSnapshot(dir)).toBeNull();
  });

  it("writes whole files: the last of several writers wins and the file is always valid", async () => {
    const dir = fakeDataDir("writers");
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => writeDealSnapshot(dir, { ...fit, listings: 3000 + i }, at)),
    );
    const text = readFileSync(join(dir, DEAL_SNAPSHOT_FILE), "utf8");
    expect(JSON.parse(text).listings).toBeGreaterThanOrEqual(3000);
    expect(await readDealSnapshot(dir)).not.toBeNull();
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
