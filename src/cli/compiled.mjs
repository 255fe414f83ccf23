// A compiled copy of a TypeScript entry and the modules it imports, kept in node_modules/.cache and
// reused while none of its source files changed (docs/decisions/0031-compiled-cli.md). Plain
// JavaScript: it runs before any TypeScript loader, in the `keiyard` command's first milliseconds.
//
// Why: running the sources through tsx's loader costs every start about 0.2 s (a module-hooks thread
// that loads each module in turn), which is most of a short command's time and the part of a big
// `keiyard lots` run that no worker can share. esbuild (the compiler tsx itself uses) writes the modules
// as a few JavaScript files in some 200 ms, once; later starts only compare the recorded sizes and
// modification times of the source files with the files on disk.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The project's root (this file is src/cli/compiled.mjs). */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FORMAT = 1;
/** Outputs of earlier builds kept beside the current one (another process may still be loading one). */
const KEEP_OLD = 2;

/** The folder where a compiled entry named `name` is kept. */
export function cacheDir(name) {
  return join(ROOT, "node_modules", ".cache", "keiyard", name);
}

function stamp(path) {
  const s = statSync(join(ROOT, path));
  return [path, s.size, s.mtimeMs];
}

/** The recorded build, if every file it was made from is as it was then. */
function current(dir, entry) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  } catch {
    return null;
  }
  if (
    manifest.format !== FORMAT ||
    manifest.root !== ROOT ||
    manifest.entry !== entry ||
    manifest.node !== process.version
  )
    return null;
  try {
    for (const [path, size, mtimeMs] of manifest.inputs) {
      const [, s, m] = stamp(path);
      if (s !== size || m !== mtimeMs) return null;
    }
  } catch {
    return null; // a source file was removed
  }
  return join(dir, manifest.out, manifest.main);
}

/**
 * `import.meta.url` is the module's own file, not the compiled chunk it ends up in: the sources find
 * their data, migrations and worker files next to themselves.
 */
const META_URL = ["import", "meta", "url"].join("."); // not written out: this file is compiled too
const ownUrl = {
  name: "own-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.(ts|tsx|mts|mjs|js)$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const ext = args.path.slice(args.path.lastIndexOf(".") + 1);
      return {
        contents: text.replaceAll(META_URL, JSON.stringify(pathToFileURL(args.path).href)),
        loader: ext === "tsx" ? "tsx" : ext === "ts" || ext === "mts" ? "ts" : "js",
      };
    });
  },
};

async function compile(dir, entry, splitting) {
  const { build, version } = await import("esbuild");
  const started = Date.now();
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    splitting,
    format: "esm",
    platform: "node",
    target: "node20",
    // Packages load from node_modules as usual; only the project's own modules are compiled.
    packages: "external",
    outdir: "out",
    outExtension: { ".js": ".mjs" },
    entryNames: "[name]",
    sourcemap: "linked",
    sourcesContent: false,
    metafile: true,
    write: false,
    logLevel: "silent",
    plugins: [ownUrl],
  });
  const outDir = join(ROOT, "out");
  const hash = createHash("sha256").update(`${version} ${process.version}`);
  for (const f of result.outputFiles) hash.update(relative(outDir, f.path)).update(f.contents);
  const out = hash.digest("hex").slice(0, 16);
  const target = join(dir, out);
  const main = `${entry.replace(/^.*\//, "").replace(/\.[^.]+$/, "")}.mjs`;
  mkdirSync(dir, { recursive: true });
  if (!exists(target)) {
    // Written aside and renamed into place, so that a process never loads a half-written build.
    const temp = `${target}.${process.pid}.tmp`;
    for (const f of result.outputFiles) {
      const file = join(temp, relative(outDir, f.path));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, f.contents);
    }
    try {
      renameSync(temp, target);
    } catch (e) {
      rmSync(temp, { recursive: true, force: true });
      if (!exists(target)) throw e; // else another process renamed the same build first
    }
  }
  const inputs = [...Object.keys(result.metafile.inputs), "tsconfig.json", "package.json"].map(stamp);
  // A source saved while esbuild was reading may be older in the output than on disk: no manifest
  // then, so the next start compiles again.
  if (inputs.every(([, , mtimeMs]) => mtimeMs <= started)) {
    const manifest = { format: FORMAT, root: ROOT, entry, node: process.version, out, main, inputs };
    const temp = join(dir, `manifest.json.${process.pid}.tmp`);
    writeFileSync(temp, JSON.stringify(manifest));
    renameSync(temp, join(dir, "manifest.json"));
  }
  try {
    prune(dir, out);
  } catch {
    // Best effort: another process may be pruning or writing the same folder.
  }
  return join(target, main);
}

function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Drops all but the newest few earlier builds, and what a process that died while writing left. */
function prune(dir, keep) {
  const entries = readdirSync(dir, { withFileTypes: true });
  for (const d of entries)
    if (d.name.endsWith(".tmp") && Date.now() - statSync(join(dir, d.name)).mtimeMs > 60_000)
      rmSync(join(dir, d.name), { recursive: true, force: true });
  const old = entries
    .filter((d) => d.isDirectory() && d.name !== keep && !d.name.endsWith(".tmp"))
    .map((d) => ({ name: d.name, at: statSync(join(dir, d.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const d of old.slice(KEEP_OLD)) rmSync(join(dir, d.name), { recursive: true, force: true });
}

/**
 * The compiled JavaScript file to run for `entry` (a path from the project's root), compiling it first
 * when a source file changed since the last time. `splitting`: modules that the entry imports
 * dynamically stay in chunks of their own, loaded only when imported. Throws when it cannot compile
 * (esbuild missing, a syntax error, a read-only folder): the caller then runs the sources through tsx.
 */
export async function compiled(entry, { name, splitting = false }) {
  const dir = cacheDir(name);
  return current(dir, entry) ?? (await compile(dir, entry, splitting));
}
