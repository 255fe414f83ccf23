// The US deal model for `keiyard lots`, or why there is none. It never fails the run: without a model
// the lots are priced by the fact data's range, labelled as such.
//
// With the embedded database (PGlite) the model comes from the snapshot the site writes beside it
// (services/deal-snapshot.ts): used as is while a running site holds the folder, else only while the
// folder is unchanged since the snapshot was written. Otherwise, or with --refit, the model is fitted
// in a worker thread that is ended afterwards: opening PGlite (PostgreSQL in WebAssembly) takes a
// couple of hundred megabytes that would otherwise stay with the process, and a bigger heap for the
// garbage collector to walk, for the whole million-row stream. The worker then writes a fresh
// snapshot, so the next run is quick. With DATABASE_URL there is no snapshot (the server changes
// without this machine seeing it) and the fit is cheap, but it still runs in the worker: in this
// thread the database modules and the fit's rows would stay in the heap for the whole stream (a
// million lots peaked at 277 MB so against 219 MB: docs/decisions/0029-deal-model-snapshot.md).

import { once } from "node:events";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Config } from "../config/env.js";
import { fingerprintDataDir } from "../db/data-dir-fingerprint.js";
import { dataDirHolder } from "../db/data-dir-lock.js";
import type { DealModel } from "../domain/pricing/types.js";
import type { LotPricingInfo } from "../present/lots-summary.present.js";
import { readDealSnapshot } from "../services/deal-snapshot.js";
import type { DealSnapshot } from "../services/deal-snapshot.schema.js";
import { workerStart } from "./worker-bundle.js";

export interface LotPricing {
  model: DealModel | null;
  info: LotPricingInfo;
}

export interface LotPricingOptions {
  /** Fit from the database even when a usable snapshot is there (--refit). */
  refit?: boolean;
}

const NO_LISTINGS = "the marketplace has no US listings with prices";

/**
 * Opens the database, fits, closes; with the embedded database, then writes the snapshot of that fit.
 * Run in the worker (and directly in tests).
 */
export async function fitPricing(config: Config): Promise<LotPricing> {
  const [{ openDatabaseFromConfig }, { fitUsDealModel }, { dealSnapshotDir, writeDealSnapshot }] =
    await Promise.all([
      import("../db/client.js"),
      import("../services/deals.js"),
      import("../services/deal-snapshot.js"),
    ]);
  let database: Awaited<ReturnType<typeof openDatabaseFromConfig>>;
  try {
    database = await openDatabaseFromConfig(config);
  } catch (e) {
    return { model: null, info: { kind: "none", reason: (e as Error).message } };
  }
  let fit: Awaited<ReturnType<typeof fitUsDealModel>>;
  try {
    fit = await fitUsDealModel(database.db);
  } catch (e) {
    await database.close();
    return {
      model: null,
      info: { kind: "none", reason: `the marketplace database cannot be read: ${(e as Error).message}` },
    };
  }
  const fittedAt = new Date();
  const snapshotDir = dealSnapshotDir(database);
  await database.close();
  // Only while nobody else holds the folder: a site that started meanwhile writes its own snapshot.
  if (snapshotDir && (await dataDirHolder(snapshotDir)) === null)
    await writeDealSnapshot(snapshotDir, fit, fittedAt).catch(() => {
      // A folder we may read but not write: the next run fits again, nothing worse.
    });
  if (!fit.model) return { model: null, info: { kind: "none", reason: NO_LISTINGS } };
  return {
    model: fit.model,
    info: { kind: "model", listings: fit.listings, demoListings: fit.demoListings },
  };
}

function fromSnapshot(snapshot: DealSnapshot, bySite: boolean): LotPricing {
  const at = snapshot.fittedAt;
  if (!snapshot.model)
    return { model: null, info: { kind: "none", reason: `${NO_LISTINGS} (deal-model snapshot of ${at})` } };
  return {
    model: snapshot.model,
    info: {
      kind: "model",
      listings: snapshot.listings,
      demoListings: snapshot.demoListings,
      snapshot: { fittedAt: at, bySite },
    },
  };
}

export async function loadLotPricing(config: Config, options: LotPricingOptions = {}): Promise<LotPricing> {
  if (config.DATABASE_URL) return fitInWorker();
  const dir = resolve(config.KEIYARD_DATA_DIR);
  if (!existsSync(dir))
    return {
      model: null,
      info: { kind: "none", reason: "no marketplace database yet: keiyard serve creates one" },
    };
  const holder = await dataDirHolder(dir);
  if (!options.refit) {
    const snapshot = await readDealSnapshot(dir);
    if (snapshot && holder !== null) return fromSnapshot(snapshot, true);
    if (snapshot && holder === null && snapshot.fingerprint === (await fingerprintDataDir(dir)))
      return fromSnapshot(snapshot, false);
  }
  if (holder !== null)
    return {
      model: null,
      info: {
        kind: "none",
        reason: `the embedded database in ${dir} is in use by process ${holder} (a running keiyard serve?)${options.refit ? "" : " and it has written no deal-model snapshot yet"}`,
      },
    };
  return fitInWorker();
}

async function fitInWorker(): Promise<LotPricing> {
  // Workers do not inherit the main thread's TypeScript loader: they run their module compiled
  // (worker-bundle.ts), else an entry that registers the loader and imports it.
  const start = await workerStart(new URL("./lots-pricing.worker.ts", import.meta.url));
  const worker = new Worker(start.file, { workerData: start.workerData });
  try {
    const [message] = (await Promise.race([once(worker, "message"), once(worker, "error")])) as [
      LotPricing | Error,
    ];
    if (message instanceof Error) return { model: null, info: { kind: "none", reason: message.message } };
    return message;
  } finally {
    await worker.terminate();
  }
}
