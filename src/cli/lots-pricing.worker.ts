// Worker side of loadLotPricing: fit the deal model on the configured database and hand it back.
import { parentPort } from "node:worker_threads";
import { getConfig } from "../config/env.js";
import { fitPricing } from "./lots-pricing.js";

parentPort?.postMessage(await fitPricing(getConfig()));
