// The real `keiyard db` binary, end to end: migrate a fresh data folder, back it up, restore it into
// another folder and into a PostgreSQL database, and compare every row.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, insertSampleRows, snapshotTables } from "../../test/db-harness.js";
import { openDatabase } from "./client.js";
import { latestMigration } from "./migrate.js";

const BIN = fileURLToPath(new URL("../../bin/keiyard.js", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function keiyard(args: string[], env: Record<string, string>): Promise<Run> {
  const { DATABASE_URL: _, ...inherited } = process.env;
  return new Promise((done) => {
    execFile("node", [BIN, ...args], { env: { ...inherited, ...env } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "keiyard-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it("migrates, backs up and restores through the keiyard binary", async () => {
  const source = join(dir, "source");
  const copy = join(dir, "copy");
  const file = join(dir, "backup.jsonl.gz");

  const migrated = await keiyard(["db", "migrate", "--json"], { KEIYARD_DATA_DIR: source });
  expect(migrated.stderr).toBe("");
  expect(migrated).toMatchObject({ code: 0 });
  expect(JSON.parse(migrated.stdout)).toMatchObject({ engine: "pglite", migration: latestMigration() });

  const seeded = await openDatabase({ dataDir: source });
  await insertSampleRows(seeded.db);
  const expected = await snapshotTables(seeded.db);
  // PGlite has no lock of its own; ours keeps a second process (or instance) out of an open folder.
  await expect(openDatabase({ dataDir: source })).rejects.toThrow(/already open in this process/);
  const busy = await keiyard(["db", "backup", file], { KEIYARD_DATA_DIR: source });
  expect(busy.code).toBe(1);
  expect(busy.stderr).toMatch(`is in use by process ${process.pid}`);
  await seeded.close();

  const backup = await keiyard(["db", "backup", file], { KEIYARD_DATA_DIR: source });
  expect(backup).toMatchObject({ code: 0, stderr: "" });
  expect(backup.stdout).toMatch(/^Backed up 27 rows in 20 tables/);

  const restored = await keiyard(["db", "restore", file], { KEIYARD_DATA_DIR: copy });
  expect(restored).toMatchObject({ code: 0, stderr: "" });
  const reopened = await openDatabase({ dataDir: copy });
  expect(await snapshotTables(reopened.db)).toEqual(expected);
  await reopened.close();

  const again = await keiyard(["db", "restore", file], { KEIYARD_DATA_DIR: copy });
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(
    /^keiyard db: restore needs an empty database, but it has rows in [^;]*\busers \(2\)/,
  );
  expect(again.stderr.trim().split("\n")).toHaveLength(1);

  const server = await createTestDatabase("postgres", { migrated: false });
  try {
    const intoServer = await keiyard(["db", "restore", file], { DATABASE_URL: server.url! });
    expect(intoServer).toMatchObject({ code: 0, stderr: "" });
    expect(await snapshotTables(server.db)).toEqual(expected);
  } finally {
    await server.dispose();
  }
}, 300_000);

it("answers bad arguments with one line and exit 1", async () => {
  const env = { KEIYARD_DATA_DIR: join(dir, "missing") };
  const cases: [string[], RegExp][] = [
    [["db"], /give one of migrate, backup or restore/],
    [["db", "backup"], /needs a file name/],
    [["db", "backup", join(dir, "x.jsonl")], /no embedded database in/],
    [["db", "migrate", "--nope"], /unknown option --nope \(--help lists the options\)/],
  ];
  for (const [args, message] of cases) {
    const run = await keiyard(args, env);
    expect(run.code, args.join(" ")).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  }
  const badUrl = await keiyard(["db", "migrate"], { DATABASE_URL: "mysql://x" });
  expect(badUrl).toMatchObject({ code: 1 });
  expect(badUrl.stderr).toMatch(/DATABASE_URL/);
}, 120_000);
