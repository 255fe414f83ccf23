// The fuzz test at scale: many more malformed requests than CI sends (BENCH_FUZZ_RUNS per group, 5,000
// by default) to the API, the query pages and the forms. Every 5xx is counted with the request that
// caused it (the run goes on), and the tables are compared before and after.
import "../test/market.js";
import { snapshotTables } from "../test/db-harness.js";
import { apiRequestArb, formRequestArb, fuzz, newStats, pageRequestArb } from "../test/fuzz/run.js";
import { apiTargets } from "../test/fuzz/targets.js";
import { createFuzzWorld } from "../test/fuzz/world.js";
import { createMarket } from "../test/market.js";
import { report, round } from "./measure.js";

export async function benchFuzz(): Promise<void> {
  const runs = Number(process.env.BENCH_FUZZ_RUNS ?? 5000);
  const market = await createMarket();
  try {
    const world = await createFuzzWorld(market);
    const doc = await (await market.app.request("http://localhost/api/openapi.json")).json();
    const targets = apiTargets(doc as Parameters<typeof apiTargets>[0]);
    const groups = {
      api: apiRequestArb(targets),
      pages: pageRequestArb(targets),
      forms: formRequestArb(world.ids, world.tokens),
    };
    let total = 0;
    let errors = 0;
    for (const [name, arb] of Object.entries(groups)) {
      const stats = newStats();
      const before = await snapshotTables(market.database.db);
      const start = performance.now();
      await fuzz(market.app, arb, runs, stats, { keepGoing: true });
      const seconds = (performance.now() - start) / 1000;
      const unchanged = JSON.stringify(await snapshotTables(market.database.db)) === JSON.stringify(before);
      total += stats.sent;
      errors += stats.serverErrors.length;
      report(`fuzz ${name}`, {
        sent: stats.sent,
        "5xx": stats.serverErrors.length,
        dataChanged: unchanged ? 0 : 1,
        perSec: round(stats.sent / seconds),
      });
      console.log(`  statuses ${JSON.stringify(stats.byStatus)}`);
      for (const e of stats.serverErrors.slice(0, 5)) console.log(`  ${e.status}: ${e.request}`);
    }
    report("fuzz total", { sent: total, "5xx": errors });
  } finally {
    await market.dispose();
  }
}
