// `npm run bench:load`: the load test. Starts the real server (rate limits off: KEIYARD_RATE_LIMIT_SCALE=0,
// which is for load tests only) on the embedded database and on PostgreSQL, each seeded with the default
// 2,000 demo listings, and runs the mix of bench/load-mix.ts at 100 connections for 60 s over loopback.
// Options: --connections N, --duration S, --engine pglite|postgres|both, --demo N.
// The load generator runs on the same machine as the server: the numbers are a floor, not a ceiling.
import { parseArgs } from "node:util";
import { startKeiyard } from "../e2e/server.js";
import { createTestDatabase } from "../test/db-harness.js";
import { type LoadResult, prepareLoad, runLoad } from "./load-mix.js";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "100" },
    duration: { type: "string", default: "60" },
    engine: { type: "string", default: "both" },
    demo: { type: "string", default: "2000" },
  },
});
const engines =
  values.engine === "both" ? (["pglite", "postgres"] as const) : [values.engine as "pglite" | "postgres"];

function print(engine: string, r: LoadResult) {
  const ok =
    r.errors === 0 && r.timeouts === 0 && r.serverErrors === 0 && Object.keys(r.unexpected).length === 0;
  console.log(
    `${engine.padEnd(9)} ${r.connections} connections, ${r.seconds} s: ${r.requests} requests, ${r.perSecond} req/s, ` +
      `p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}, timeouts ${r.timeouts}, 5xx ${r.serverErrors} — ${ok ? "held" : "FAILED"}`,
  );
  console.log(`          by kind ${JSON.stringify(r.byKind)}`);
  console.log(`          latency by kind (ms) ${JSON.stringify(r.latencyByKind)}`);
  if (!ok) console.log(`          unexpected ${JSON.stringify(r.unexpected)}`);
  return ok;
}

console.log(`keiyard load test on node ${process.version}, ${new Date().toISOString()}`);
let allOk = true;
for (const engine of engines) {
  const pg = engine === "postgres" ? await createTestDatabase("postgres", { migrated: false }) : undefined;
  const server = await startKeiyard({
    KEIYARD_RATE_LIMIT_SCALE: "0",
    KEIYARD_DEMO_COUNT: values.demo,
    LOG_LEVEL: "error",
    ...(pg?.url ? { DATABASE_URL: pg.url } : {}),
  });
  try {
    const world = await prepareLoad(server.url, 20);
    await runLoad(server.url, world, 10, 3); // warm-up: JIT, caches, connection pool
    allOk =
      print(engine, await runLoad(server.url, world, Number(values.connections), Number(values.duration))) &&
      allOk;
  } finally {
    await server.stop();
    await pg?.dispose();
  }
}
process.exit(allOk ? 0 : 1);
