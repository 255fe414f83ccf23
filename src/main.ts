// Composition root: config -> facts -> database (migrated, demo-seeded when new) -> photo storage ->
// http -> listen. Facts are validated before the port opens, so a bad data edit stops the server at
// start-up with the file, record and field named.
import type { Server as HttpServer } from "node:http";
import { serve } from "@hono/node-server";
import { todayUtc } from "./config/clock.js";
import { getConfig } from "./config/env.js";
import { type Database, openDatabaseFromConfig } from "./db/client.js";
import { migrate } from "./db/migrate.js";
import { addViews } from "./db/repos/listings.repo.js";
import { loadFacts } from "./facts/load.js";
import { createApp } from "./http/app.js";
import { closeServer as closeHttpServer } from "./http/close.js";
import { type Bindings, fetchInTurns, TurnQueue } from "./http/turns.js";
import { runJobsOnce, startJobRunner } from "./jobs/runner.js";
import { createOutboxMailer, createSmtpMailer } from "./mail/mailer.js";
import { photoStorageFromConfig } from "./photos/storage-from-config.js";
import { dealSnapshotDir, writeDealSnapshot } from "./services/deal-snapshot.js";
import { fitUsDealModel, refreshDealRatings, type UsDealFit } from "./services/deals.js";
import { DEMO_BUYER_LOGIN, DEMO_LOGIN, isEmpty, seedDemo } from "./services/seed.js";
import { ViewCounts } from "./services/view-counts.js";

export interface StartOptions {
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

const DEAL_REFRESH_MS = 10 * 60_000;

export async function startServer(options: StartOptions = {}) {
  const config = getConfig();
  const log = options.log ?? ((l: string) => console.log(l));
  const facts = loadFacts(config.KEIYARD_FACTS_DIR);
  // Take the port first: a port in use is reported at once, not after migrating and seeding. Requests
  // that arrive before the app is ready wait for it.
  type AppFetch = { fetch: (req: Request, env?: Bindings) => Response | Promise<Response> };
  let resolveApp!: (app: AppFetch) => void;
  const appReady = new Promise<AppFetch>((r) => {
    resolveApp = r;
  });
  const port = options.port ?? config.PORT;
  const hostname = options.host ?? config.HOST;
  const embedded = !config.DATABASE_URL;
  // The embedded database runs on this thread: requests take turns with the loop (src/http/turns.ts).
  const fetch = embedded
    ? fetchInTurns(new TurnQueue(), appReady)
    : async (req: Request, env?: Bindings) => (await appReady).fetch(req, env);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch, port, hostname }, () => resolve(s));
    s.once("error", reject);
  });
  const closeServer = () => closeHttpServer(server as HttpServer);
  const address0 = server.address();
  const boundPort = typeof address0 === "object" && address0 ? address0.port : port;
  const baseUrl = config.PUBLIC_URL?.replace(/\/$/, "") ?? `http://localhost:${boundPort}`;
  const mailer = config.SMTP_URL
    ? createSmtpMailer(config.SMTP_URL, config.MAIL_FROM)
    : createOutboxMailer(config.KEIYARD_OUTBOX_DIR, config.MAIL_FROM);
  let kick: () => void = () => {};
  let views: ViewCounts | undefined;
  let database: Database;
  try {
    // The embedded database locks its folder itself, so a second server or a backup cannot corrupt it.
    database = await openDatabaseFromConfig(config);
  } catch (e) {
    await closeServer();
    throw e;
  }
  // `keiyard lots` reads the US deal model from a snapshot beside the embedded database instead of
  // opening it (docs/decisions/0029-deal-model-snapshot.md): written after every fit, and at close.
  const snapshotDir = dealSnapshotDir(database);
  let closed = false;
  const snapshotDeals = async (fit: UsDealFit) => {
    if (!snapshotDir || closed) return;
    await writeDealSnapshot(snapshotDir, fit, new Date()).catch((e) => log(`deal snapshot failed: ${e}`));
  };
  try {
    await migrate(database);
    log(`database: ${embedded ? "embedded PGlite" : "PostgreSQL"} at ${database.location}`);
    const { storage, description: photos } = photoStorageFromConfig(config);
    log(`photos: ${photos}`);
    const today = () => todayUtc();
    if (config.KEIYARD_DEMO === "auto" && config.KEIYARD_DEMO_COUNT > 0 && (await isEmpty(database))) {
      log(`new database: seeding ${config.KEIYARD_DEMO_COUNT} demo listings (KEIYARD_DEMO=off to skip)…`);
      await seedDemo(database, storage, facts, {
        count: config.KEIYARD_DEMO_COUNT,
        today: today(),
        jpyPerUsd: config.KEIYARD_JPY_PER_USD,
        log,
      });
      log(`demo seller login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
      log(`demo buyer login: ${DEMO_BUYER_LOGIN.email} / ${DEMO_BUYER_LOGIN.password}`);
      await snapshotDeals(await fitUsDealModel(database.db));
    } else {
      await snapshotDeals((await refreshDealRatings(database)).us);
    }
    views = new ViewCounts((deltas) => addViews(database.db, deltas), { log });
    resolveApp(
      createApp({
        facts,
        today,
        market: {
          database,
          storage,
          jpyPerUsd: config.KEIYARD_JPY_PER_USD,
          secureCookies: config.NODE_ENV === "production",
          // Links in mail use this fixed address, never the request's Host header (which a client
          // chooses: a confirmation link pointing at another site would hand it the token).
          publicUrl: baseUrl,
          outboxDir:
            !config.SMTP_URL && config.NODE_ENV !== "production" ? config.KEIYARD_OUTBOX_DIR : undefined,
          kickJobs: () => kick(),
          views,
          rateLimits: {
            scale: config.KEIYARD_RATE_LIMIT_SCALE,
            trustProxy: config.TRUST_PROXY === "1" || config.TRUST_PROXY === "true",
          },
        },
        // One JSON line per request on stdout (LOG_LEVEL=debug; "info" logs errors and slow requests).
        log:
          config.LOG_LEVEL === "debug"
            ? (e) => log(JSON.stringify(e))
            : config.LOG_LEVEL === "info"
              ? (e) => {
                  if (Number(e.status) >= 500 || Number(e.ms) >= 1000) log(JSON.stringify(e));
                }
              : undefined,
      }),
    );
  } catch (e) {
    await closeServer();
    await database.close();
    throw e;
  }
  // One refresh at a time; shutdown waits for a running one (it writes in chunks, between requests).
  let refreshing: Promise<void> | null = null;
  const timer = setInterval(() => {
    refreshing ??= refreshDealRatings(database)
      .then((r) => snapshotDeals(r.us))
      .catch((e) => log(`deal refresh failed: ${e}`))
      .finally(() => {
        refreshing = null;
      });
  }, DEAL_REFRESH_MS);
  timer.unref();
  const jobDeps = {
    database,
    facts,
    mailer,
    today: () => todayUtc(),
    jpyPerUsd: config.KEIYARD_JPY_PER_USD,
    baseUrl,
  };
  const stopJobs =
    config.KEIYARD_JOBS_INTERVAL_MS > 0
      ? startJobRunner(jobDeps, config.KEIYARD_JOBS_INTERVAL_MS, log)
      : async () => {};
  if (config.KEIYARD_JOBS_INTERVAL_MS > 0) {
    // A mail a user is waiting for (a reset link) goes out in a second, not at the next tick.
    kick = () => void setTimeout(() => void runJobsOnce(jobDeps).catch((e) => log(`jobs failed: ${e}`)), 200);
  }
  log(`mail: ${mailer.description}`);
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  log(`keiyard is listening on http://localhost:${actualPort}`);
  let closing: Promise<void> | undefined;
  const close = () => {
    // Stop accepting connections, let in-flight requests finish, then close the database.
    closing ??= closeServer().then(async () => {
      clearInterval(timer);
      await refreshing;
      closed = true;
      // No request is left to count a view: the last counts go in before the database closes.
      await views?.close();
      await stopJobs();
      mailer.close();
      // Refit on what the folder holds now, and write the snapshot once the database is closed: its
      // fingerprint is then the closed folder's, which the next `keiyard lots` finds unchanged.
      const fit = snapshotDir
        ? await fitUsDealModel(database.db).catch((e) => {
            log(`deal snapshot failed: ${e}`);
            return null;
          })
        : null;
      await database.close();
      if (snapshotDir && fit)
        await writeDealSnapshot(snapshotDir, fit, new Date()).catch((e) => log(`deal snapshot failed: ${e}`));
    });
    return closing;
  };
  return { port: actualPort, close, database };
}
