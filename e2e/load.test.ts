// The short form of the load test (the full run is `npm run bench:load`): the same realistic mix at 10
// connections for 5 seconds against the real server on the embedded database. It asserts no errors,
// no 5xx and the right status for every kind of request; it does not time anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LoadWorld, MIX, prepareLoad, runLoad } from "../bench/load-mix.js";
import { type RunningServer, startKeiyard } from "./server.js";

describe("load, short form", () => {
  let server: RunningServer;
  let world: LoadWorld;
  beforeAll(async () => {
    server = await startKeiyard({ KEIYARD_RATE_LIMIT_SCALE: "0", KEIYARD_JOBS_INTERVAL_MS: "0" });
    world = await prepareLoad(server.url, 3);
  }, 240_000);
  afterAll(async () => server?.stop());

  it("holds a mix of searches, listing pages, API calls, log-ins and edits at 10 connections for 5 s", async () => {
    const r = await runLoad(server.url, world, 10, 5);
    expect({
      errors: r.errors,
      timeouts: r.timeouts,
      serverErrors: r.serverErrors,
      unexpected: r.unexpected,
    }).toEqual({
      errors: 0,
      timeouts: 0,
      serverErrors: 0,
      unexpected: {},
    });
    for (const m of MIX) expect(r.byKind[m.kind] ?? 0).toBeGreaterThan(0);
    console.log(
      `load short form: ${r.requests} requests, ${r.perSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`,
    );
  }, 60_000);
});
