// A worker thread's TypeScript module, compiled with the modules it imports into one JavaScript file
// (src/cli/compiled.mjs), so the thread starts without a TypeScript loader of its own. Registering tsx
// in a worker starts one more thread for its module hooks and loads every module through it: for
// `keiyard lots`' two workers that was about 40 MB of a run's 300 MB peak and a few hundred milliseconds
// of their start (measured on a million lots; docs/decisions/0028-parallel-lot-evaluation.md). The file
// is made once and reused while its sources are unchanged (docs/decisions/0031-compiled-cli.md).
import { basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compiled } from "./compiled.mjs";

/** Where a worker starts: a compiled file, or (without esbuild) the tsx entry with the module to load. */
export interface WorkerStart {
  file: URL;
  workerData: { module: string } | undefined;
}

/**
 * How to start a worker running `entry` (a TypeScript module URL). Falls back to the tsx entry when the
 * module cannot be compiled (esbuild missing or failing), which is slower but the same code.
 */
export async function workerStart(entry: URL): Promise<WorkerStart> {
  try {
    const path = fileURLToPath(entry);
    const file = await compiled(path, { name: basename(path).replace(/\.[^.]+$/, "") });
    return { file: pathToFileURL(file), workerData: undefined };
  } catch {
    return { file: new URL("./worker-entry.mjs", import.meta.url), workerData: { module: entry.href } };
  }
}
