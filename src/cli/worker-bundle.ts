// A worker thread's TypeScript module, bundled into one JavaScript file with esbuild (which tsx itself
// runs on) so the thread starts without a TypeScript loader of its own. Registering tsx in a worker
// starts one more thread for its module hooks and loads every module through it: for `keiyard lots`'
// two workers that was about 40 MB of a run's 300 MB peak and a few hundred milliseconds of their start
// (measured on a million lots; docs/decisions/0028-parallel-lot-evaluation.md). Bundling takes some
// 30 ms; the file is named by its content, so an unchanged bundle is written once.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where a worker starts: a bundled file, or (without esbuild) the tsx entry with the module to load. */
export interface WorkerStart {
  file: URL;
  workerData: { module: string } | undefined;
}

async function bundle(entry: URL): Promise<URL> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  const text = result.outputFiles[0]?.text;
  if (!text) throw new Error("esbuild wrote no output");
  const dir = join(tmpdir(), "keiyard-workers");
  const file = join(dir, `${createHash("sha256").update(text).digest("hex").slice(0, 20)}.mjs`);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, file);
  }
  return new URL(`file://${file}`);
}

/**
 * How to start a worker running `entry` (a TypeScript module URL). Falls back to the tsx entry when the
 * bundle cannot be made (esbuild missing or failing), which is slower but the same code.
 */
export async function workerStart(entry: URL): Promise<WorkerStart> {
  try {
    return { file: await bundle(entry), workerData: undefined };
  } catch {
    return { file: new URL("./worker-entry.mjs", import.meta.url), workerData: { module: entry.href } };
  }
}
