// Property-based fuzzing of the HTTP face (test/fuzz): malformed queries, path parameters, headers and
// bodies to every API operation of the OpenAPI document, the pages that read a query, and the main form
// posts. Two properties: no answer is a 5xx, and no table changes. CI sends a few hundred requests;
// `npm run bench -- fuzz` sends many more.
// The app first: @hono/zod-openapi must extend zod before any shared input schema is built.
import "../../test/market.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotTables } from "../../test/db-harness.js";
import { apiRequestArb, formRequestArb, fuzz, newStats, pageRequestArb } from "../../test/fuzz/run.js";
import { apiTargets } from "../../test/fuzz/targets.js";
import { createFuzzWorld } from "../../test/fuzz/world.js";
import { createMarket, type Market } from "../../test/market.js";

const RUNS = { api: 300, pages: 150, forms: 300 };

describe("fuzzing the API, the pages and the forms", () => {
  let market: Market;
  let world: Awaited<ReturnType<typeof createFuzzWorld>>;
  let targets: ReturnType<typeof apiTargets>;
  beforeAll(async () => {
    market = await createMarket();
    world = await createFuzzWorld(market);
    const doc = await (await market.app.request("http://localhost/api/openapi.json")).json();
    targets = apiTargets(doc as Parameters<typeof apiTargets>[0]);
  }, 60_000);
  afterAll(async () => market?.dispose());

  it("the OpenAPI document lists the operations the fuzzer covers", () => {
    const paths = targets.map((t) => t.path);
    expect(paths).toContain("/api/v1/listings");
    expect(paths).toContain("/api/v1/decode/{input}");
    expect(targets.every((t) => t.params.length > 0)).toBe(true);
  });

  for (const group of ["api", "pages", "forms"] as const)
    it(`${group}: ${RUNS[group]} malformed requests, no 5xx, no change to the data`, async () => {
      const arb =
        group === "api"
          ? apiRequestArb(targets)
          : group === "pages"
            ? pageRequestArb(targets)
            : formRequestArb(world.ids, world.tokens);
      const stats = newStats();
      const before = await snapshotTables(market.database.db);
      await fuzz(market.app, arb, RUNS[group], stats);
      expect(stats.serverErrors).toEqual([]);
      expect(stats.sent).toBe(RUNS[group]);
      expect(await snapshotTables(market.database.db)).toEqual(before);
      // Most requests are refused as they should be, but some get through to a page: both happen.
      const statuses = Object.keys(stats.byStatus).map(Number);
      expect(statuses.some((s) => s >= 400)).toBe(true);
      expect(statuses.some((s) => s < 400)).toBe(true);
      console.log(`fuzz ${group}: ${stats.sent} requests, statuses ${JSON.stringify(stats.byStatus)}`);
    }, 120_000);
});
