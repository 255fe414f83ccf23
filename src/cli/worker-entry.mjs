// Entry of a worker thread that runs a TypeScript module: a worker does not inherit the main thread's
// tsx loader, so it registers its own (as bin/keiyard.js does) and imports the module it was given.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);
