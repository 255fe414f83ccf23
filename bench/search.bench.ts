// Search latency on the embedded database: seed N demo listings (100,000 by default; BENCH_LISTINGS to
// change), run 1,000 mixed searches (text + 3 facets + sort + facet counts), report p50/p95/p99 and
// memory, and the compressed weight of a search results page.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { SEARCH_TUNING } from "../src/db/repos/search.repo.js";
import { mulberry32 } from "../src/domain/listings/demo.js";
import type { IsoDate } from "../src/domain/units/dates.js";
import { loadFacts, zipTableOf } from "../src/facts/load.js";
import { createApp } from "../src/http/app.js";
import { createMemoryStorage } from "../src/photos/storage.js";
import { searchListings } from "../src/services/search.js";
import { isEmpty, seedDemo } from "../src/services/seed.js";
import { SEARCH_ISLAND } from "../src/web/islands/search.js";
import { percentiles, report, round } from "./measure.js";

const WORDS = [
  "carry",
  "acty",
  "hijet",
  "sambar",
  "minicab",
  "4wd",
  "dump",
  "cary",
  "hijett",
  "da63t",
  "ha4",
  "s110p",
];
const MAKES = ["Suzuki", "Honda", "Daihatsu", "Subaru", "Mitsubishi"];
const SORTS = ["relevance", "price", "delivered", "newest", "year_desc", "mileage", "deal"];
const STATES = ["TX", "PA", "TN", "OR", "GA", "NC", "MO"];

export async function benchSearch(): Promise<void> {
  const count = Number(process.env.BENCH_LISTINGS ?? 100_000);
  const facts = loadFacts();
  const today = "2026-11-24" as IsoDate;
  // BENCH_DB_DIR keeps the seeded database between runs (seeding 100,000 takes about two minutes).
  const dataDir = process.env.BENCH_DB_DIR ?? join(mkdtempSync(join(tmpdir(), "keiyard-bench-")), "db");
  const database = await openDatabase({ dataDir });
  await migrate(database);
  if (await isEmpty(database)) {
    const t0 = performance.now();
    await seedDemo(database, createMemoryStorage(), facts, { count, today, jpyPerUsd: 150 });
    report(`seed ${count} demo listings (PGlite)`, { ms: Math.round(performance.now() - t0) });
  }
  await database.db.execute(sql`vacuum analyze`);

  const rng = mulberry32(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const queries = Array.from({ length: 1000 }, () => {
    const q: Record<string, string> = { q: pick(WORDS), sort: pick(SORTS), viewerState: pick(STATES) };
    const facets = [
      () => (q.make = pick(MAKES)),
      () => (q.drive = pick(["2WD", "4WD"])),
      () => (q.bed = pick(["standard", "dump"])),
      () => (q.location = pick(["us", "jp"])),
      () => (q.yearMin = String(1988 + Math.floor(rng() * 10))),
      () => (q.mileageMaxKm = String(60_000 + Math.floor(rng() * 100_000))),
    ];
    for (let i = 0; i < 3; i++) pick(facets)();
    return q;
  });
  for (const q of queries.slice(0, 20))
    await searchListings(database.db, facts, q, { today, jpyPerUsd: 150 });
  const times: number[] = [];
  const slow: { ms: number; q: Record<string, string>; total: number; estimated: boolean }[] = [];
  let rss = 0;
  for (const q of queries) {
    const s = performance.now();
    const r = await searchListings(database.db, facts, q, { today, jpyPerUsd: 150 });
    const ms = performance.now() - s;
    times.push(ms);
    slow.push({ ms, q, total: r.total, estimated: r.countsEstimated });
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  if (process.env.BENCH_SLOWEST)
    for (const x of slow.sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.BENCH_SLOWEST)))
      console.log(
        `  ${x.ms.toFixed(1)} ms  total=${x.estimated ? "~" : ""}${x.total}  ${new URLSearchParams(x.q)}`,
      );
  report(`search: text + 3 facets + sort + counts (${count} listings)`, {
    ...percentiles(times),
    peakRssMiB: Math.round(rss / 2 ** 20),
    estimatedPct: Math.round((100 * slow.filter((x) => x.estimated).length) / slow.length),
  });

  // How far the estimated totals and facet counts are from counting every match (not timed).
  const exact = { ...SEARCH_TUNING, exactLimit: Number.MAX_SAFE_INTEGER };
  const totalErrors: number[] = [];
  const facetErrors: number[] = [];
  for (const x of slow.filter((y) => y.estimated).slice(0, 100)) {
    const ctx = { today, jpyPerUsd: 150 };
    const [est, ex] = [
      await searchListings(database.db, facts, x.q, ctx),
      await searchListings(database.db, facts, x.q, { ...ctx, tuning: exact }),
    ];
    totalErrors.push((100 * Math.abs(est.total - ex.total)) / ex.total);
    for (const facet of ["make", "drive", "bed", "location"] as const)
      for (const v of ex.facets[facet].filter((f) => f.count >= 200)) {
        const e = est.facets[facet].find((f) => f.value === v.value)?.count ?? 0;
        facetErrors.push((100 * Math.abs(e - v.count)) / v.count);
      }
  }
  const at = (xs: number[], q: number) =>
    round([...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] ?? 0);
  if (totalErrors.length)
    report(`search: estimates vs exact, % off (${totalErrors.length} searches)`, {
      totalMedian: at(totalErrors, 0.5),
      totalP90: at(totalErrors, 0.9),
      facetMedian: at(facetErrors, 0.5),
      facetP90: at(facetErrors, 0.9),
    });

  // Searches near a ZIP: one more statement (the listings' ZIPs) and the distances worked out here.
  const zips = [...zipTableOf(facts)!.zips.keys()];
  const nearTimes: number[] = [];
  for (let i = 0; i < 220; i++) {
    const q: Record<string, string> = {
      near: pick(zips),
      withinMiles: pick(["50", "100", "250", "500", "1000"]),
      ...(rng() < 0.5 ? { sort: pick(["price", "newest"]) } : {}),
      ...(rng() < 0.5 ? { drive: "4WD" } : {}),
    };
    const s = performance.now();
    await searchListings(database.db, facts, q, { today, jpyPerUsd: 150 });
    if (i >= 20) nearTimes.push(performance.now() - s);
  }
  report(`search: near a ZIP, radius 50-1,000 mi (${count} listings)`, percentiles(nearTimes));

  const app = createApp({
    facts,
    today: () => today,
    market: { database, storage: createMemoryStorage(), jpyPerUsd: 150, secureCookies: false },
  });
  const res = await app.request("/trucks?q=acty&drive=4WD&sort=price");
  const page = await res.text();
  const gz = gzipSync(page).length + gzipSync(SEARCH_ISLAND).length;
  report("search page weight (HTML+CSS+JS)", {
    rawKiB: Math.round(page.length / 102.4) / 10,
    gzipKiB: Math.round(gz / 102.4) / 10,
  });
  await database.close();
}
