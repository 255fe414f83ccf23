// The rate limits count each client address apart when the site is not behind a proxy: the real server,
// on both engines, sent requests from two loopback addresses. (Until this test, the server handed the
// app each request without its connection, so every client counted as one "local" address: twenty
// wrong log-ins from anyone refused log-in to everyone for the window.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../test/db-harness.js";
import { postForm } from "../test/raw-post.js";
import { type RunningServer, startKeiyard } from "./server.js";

/** A log-in form post sent from a chosen local address. */
function logInFrom(server: RunningServer, from: string, email: string): Promise<number> {
  const url = new URL(server.url);
  return postForm({
    host: url.hostname,
    port: url.port,
    path: "/login",
    localAddress: from,
    form: { email, password: "wrong password here" },
    headers: { origin: url.origin, accept: "text/html" },
  });
}

for (const engine of ["pglite", "postgres"] as const) {
  describe(`client addresses on ${engine}, with no proxy`, () => {
    let pg: TestDatabase | undefined;
    let server: RunningServer;
    beforeAll(async () => {
      pg = engine === "postgres" ? await createTestDatabase("postgres", { migrated: false }) : undefined;
      server = await startKeiyard({
        KEIYARD_DEMO: "off",
        KEIYARD_JOBS_INTERVAL_MS: "0",
        ...(pg ? { DATABASE_URL: pg.url! } : {}),
      });
    }, 240_000);
    afterAll(async () => {
      await server?.stop();
      await pg?.dispose();
    });

    it("one address's 21st log-in try in the window is refused; another address is still let try", async () => {
      for (let attempt = 0; attempt < 2; attempt++) {
        // Another account each time: the per-account limit stays out of it.
        const one = `127.0.0.${2 + 2 * attempt}`;
        const other = `127.0.0.${3 + 2 * attempt}`;
        const statuses: number[] = [];
        for (let i = 0; i < 21; i++)
          statuses.push(await logInFrom(server, one, `a${attempt}-${i}@example.com`));
        const fromOther = await logInFrom(server, other, `b${attempt}@example.com`);
        // A run that straddles a 15-minute window boundary is split between two counts: run again.
        if (statuses[20] !== 429) continue;
        expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
        expect(fromOther).toBe(401);
        return;
      }
      throw new Error("the 21st try from one address was not refused in either of two runs");
    }, 60_000);
  });
}
