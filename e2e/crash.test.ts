// The crash test, on the embedded database and on PostgreSQL: writers create and edit listings through
// the real server while it is killed with SIGKILL; a new server starts on the same data; every write the
// clients were told succeeded must be there, and nothing half-written (e2e/crash-scenarios.ts).
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.js";
import { createTestDatabase, type TestDatabase } from "../test/db-harness.js";
import { TRUCK } from "../test/market.js";
import { writeUntilKilled } from "./crash.js";
import { listingWrites, lotBatchWrites } from "./crash-scenarios.js";
import { HttpClient } from "./http-client.js";
import { type RunningServer, startKeiyard } from "./server.js";

const ROUNDS = 2;

for (const engine of ["pglite", "postgres"] as const) {
  describe(`crash test on ${engine}`, () => {
    let pgDb: TestDatabase | undefined;
    let server: RunningServer | undefined;
    afterAll(async () => {
      await server?.stop();
      await pgDb?.dispose();
    });

    it(`loses no acknowledged listing write and leaves none half-written (${ROUNDS} kills)`, async () => {
      if (engine === "postgres") pgDb = await createTestDatabase("postgres", { migrated: false });
      const env = {
        KEIYARD_DEMO: "off",
        KEIYARD_JOBS_INTERVAL_MS: "0",
        ...(pgDb?.url ? { DATABASE_URL: pgDb.url } : {}),
      };
      server = await startKeiyard(env);
      const dir = server.dir;
      const setup = await listingWrites.setup(server.url);
      const acks = [];
      let cut = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const run = await writeUntilKilled(server, listingWrites, setup, { writers: 6, killAfter: 30 });
        acks.push(...run.acks);
        cut += run.unacknowledged;
        server = await startKeiyard(env, { dir: server.dir });
        // The restarted server answers, shows what it acknowledged, and takes new writes.
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        const last = run.acks.at(-1)!;
        expect((await fetch(`${server.url}/trucks/${last.id}`)).status).toBe(200);
        const res = await new HttpClient(server.url)
          .adopt(setup.cookie)
          .post("/sell", { ...TRUCK, title: `After restart ${round}` });
        expect(res.status).toBe(303);
      }
      await server.stop();
      server = undefined;
      const database = await openDatabase(
        pgDb?.url ? { databaseUrl: pgDb.url, dataDir: "unused" } : { dataDir: join(dir, "db") },
      );
      try {
        await listingWrites.verify(database, acks, setup);
      } finally {
        await database.close();
      }
      console.log(
        `crash ${engine}: ${acks.length} writes acknowledged, ${cut} cut by ${ROUNDS} kills, 0 lost`,
      );
    }, 240_000);

    it("loses no acknowledged lot batch and leaves none half-saved", async () => {
      const db =
        engine === "postgres" ? await createTestDatabase("postgres", { migrated: false }) : undefined;
      const env = {
        KEIYARD_DEMO: "off",
        KEIYARD_JOBS_INTERVAL_MS: "0",
        ...(db?.url ? { DATABASE_URL: db.url } : {}),
      };
      let srv = await startKeiyard(env);
      try {
        const setup = await lotBatchWrites.setup(srv.url);
        const run = await writeUntilKilled(srv, lotBatchWrites, setup, { writers: 3, killAfter: 6 });
        srv = await startKeiyard(env, { dir: srv.dir });
        expect((await fetch(`${srv.url}/readyz`)).status).toBe(200);
        const dir = srv.dir;
        await srv.stop();
        const database = await openDatabase(
          db?.url ? { databaseUrl: db.url, dataDir: "unused" } : { dataDir: join(dir, "db") },
        );
        try {
          await lotBatchWrites.verify(database, run.acks, setup);
        } finally {
          await database.close();
        }
        console.log(
          `crash ${engine}: ${run.acks.length} lot batches acknowledged, ${run.unacknowledged} cut, 0 lost`,
        );
      } finally {
        await srv.stop().catch(() => {});
        await db?.dispose();
      }
    }, 240_000);
  });
}
