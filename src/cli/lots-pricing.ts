// The US deal model for `keiyard lots`, from the configured database, or why there is none. It never
// fails the run: without a model the lots are priced by the fact data's range, labelled as such.
//
// The fit runs in a worker thread that is ended afterwards. Opening the embedded database (PGlite,
// PostgreSQL in WebAssembly) takes a couple of hundred megabytes that would otherwise stay with the
// process, and a bigger heap for the garbage collector to walk, for the whole million-row stream.

import { once } from "node:events";
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import type { Config } from "../config/env.js";
import type { DealModel } from "../domain/pricing/types.js";
import type { LotPricingInfo } from "../present/lots-summary.present.js";

export interface LotPricing {
  model: DealModel | null;
  info: LotPricingInfo;
}

/** Opens the database, fits, closes: run in the worker (and directly in tests). */
export async function fitPricing(config: Config): Promise<LotPricing> {
  const [{ openDatabaseFromConfig }, { fitUsDealModel }] = await Promise.all([
    import("../db/client.js"),
    import("../services/deals.js"),
  ]);
  let database: Awaited<ReturnType<typeof openDatabaseFromConfig>>;
  try {
    database = await openDatabaseFromConfig(config);
  } catch (e) {
    return { model: null, info: { kind: "none", reason: (e as Error).message } };
  }
  try {
    const fit = await fitUsDealModel(database.db);
    if (!fit.model)
      return {
        model: null,
        info: { kind: "none", reason: "the marketplace has no US listings with prices" },
      };
    return {
      model: fit.model,
      info: { kind: "model", listings: fit.listings, demoListings: fit.demoListings },
    };
  } catch (e) {
    return {
      model: null,
      info: { kind: "none", reason: `the marketplace database cannot be read: ${(e as Error).message}` },
    };
  } finally {
    await database.close();
  }
}

export async function loadLotPricing(config: Config): Promise<LotPricing> {
  if (!config.DATABASE_URL && !existsSync(config.KEIYARD_DATA_DIR))
    return {
      model: null,
      info: { kind: "none", reason: "no marketplace database yet: keiyard serve creates one" },
    };
  // Workers do not inherit the main thread's TypeScript loader: the entry registers it, then imports
  // the module that does the work (docs/decisions/0002-run-typescript-with-tsx.md).
  const worker = new Worker(new URL("./worker-entry.mjs", import.meta.url), {
    workerData: { module: new URL("./lots-pricing.worker.ts", import.meta.url).href },
  });
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
