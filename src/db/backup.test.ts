import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  ENGINES,
  insertSampleRows,
  snapshotTables,
  type TestDatabase,
} from "../../test/db-harness.js";
import { backupDatabase, restoreDatabase } from "./backup.js";
import { DbError } from "./errors.js";
import { listings, users } from "./schema/index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "keiyard-backup-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(ENGINES)("backup from %s", (source) => {
  let from: TestDatabase;
  let file: string;
  beforeAll(async () => {
    from = await createTestDatabase(source);
    await insertSampleRows(from.db);
    file = join(dir, `${source}.jsonl.gz`);
  }, 120_000);
  afterAll(async () => {
    await from?.dispose();
  });

  it("writes a header and every table, parents first", async () => {
    const summary = await backupDatabase(from.database, file);
    expect(summary.rows).toEqual({
      users: 2,
      listings: 2,
      listing_events: 2,
      listing_photos: 2,
      sessions: 1,
      listing_prices: 2,
      reviews: 1,
      reports: 1,
      audit_log: 1,
      watches: 1,
      saved_searches: 1,
      mail_jobs: 1,
      alert_deliveries: 1,
      comments: 2,
      password_resets: 1,
      email_confirmations: 1,
      app_settings: 1,
      rate_limits: 1,
      lot_batches: 1,
      lot_results: 2,
    });
    const plain = join(dir, `${source}.jsonl`);
    await backupDatabase(from.database, plain);
    const lines = (await readFile(plain, "utf8")).trim().split("\n");
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: "keiyard-backup", version: 1, engine: source });
    expect(lines.find((l) => l.includes("9007199254740993"))).toBeDefined();
    expect(lines).toHaveLength(1 + 20 + 27);
  });

  describe.each(ENGINES)("restored into %s", (target) => {
    let to: TestDatabase;
    beforeAll(async () => {
      to = await createTestDatabase(target);
    }, 120_000);
    afterAll(async () => {
      await to?.dispose();
    });

    it("gives back every row, and new rows get fresh ids", async () => {
      await restoreDatabase(to.database, file);
      expect(await snapshotTables(to.db)).toEqual(await snapshotTables(from.db));
      const [user] = await to.db
        .insert(users)
        .values({ email: "new@example.com", passwordHash: "h", displayName: "New" })
        .returning({ id: users.id });
      expect(user?.id).toBe(3);
      const [listing] = await to.db
        .insert(listings)
        .values({
          sellerId: user!.id,
          location: "us",
          title: "t",
          make: "Daihatsu",
          model: "Hijet",
          priceUsdCents: 1,
        })
        .returning({ id: listings.id });
      expect(listing?.id).toBe(3);
    });

    it("refuses a database that already has rows, and leaves it as it was", async () => {
      const before = await snapshotTables(to.db);
      const error = await restoreDatabase(to.database, file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DbError);
      expect((error as Error).message).toMatch(
        /^restore needs an empty database, but it has rows in [^;]*\busers \(3\)/,
      );
      expect((error as Error).message).not.toContain("\n");
      expect(await snapshotTables(to.db)).toEqual(before);
    });
  });
});

describe("restore refuses bad files", () => {
  let to: TestDatabase;
  beforeAll(async () => {
    to = await createTestDatabase("pglite");
  }, 120_000);
  afterAll(async () => {
    await to?.dispose();
  });

  it.each([
    ["not a backup", "hello\n", /not a keiyard backup file/],
    ["a future format", '{"format":"keiyard-backup","version":9}\n', /format version 9 is not supported/],
    [
      "a newer schema",
      '{"format":"keiyard-backup","version":1,"migration":"0099_future","tables":[]}\n',
      /from schema 0099_future/,
    ],
    [
      "a truncated file",
      '{"format":"keiyard-backup","version":1,"migration":"0001_initial","tables":["users"]}\n{"table":"users","columns":["id","email","password_hash","display_name"],"rows":2}\n{"id":1,"email":"a@b.c","password_hash":"h","display_name":"A"}\n',
      /truncated: users has 1 of 2 rows/,
    ],
  ])("%s", async (name, text, message) => {
    const file = join(dir, `${name.replaceAll(" ", "-")}.jsonl`);
    await writeFile(file, text);
    await expect(restoreDatabase(to.database, file)).rejects.toThrow(message);
    expect(await to.db.$count(users)).toBe(0);
  });

  it("names a missing file", async () => {
    await expect(restoreDatabase(to.database, join(dir, "nope.jsonl"))).rejects.toThrow(
      /cannot read .*no such file/,
    );
  });
});
