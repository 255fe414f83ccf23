#!/usr/bin/env node
// The `keiyard` command. A checkout needs no build step: the TypeScript sources run from a compiled copy
// that is made on first use and again whenever a source file changes (src/cli/compiled.mjs,
// docs/decisions/0031-compiled-cli.md), or through tsx's loader when that copy cannot be made
// (docs/decisions/0002-run-typescript-with-tsx.md) or KEIYARD_COMPILE=0 asks for the sources as they are.
import { pathToFileURL } from "node:url";

let main = null;
if (process.env.KEIYARD_COMPILE !== "0") {
  try {
    const { compiled } = await import("../src/cli/compiled.mjs");
    main = await compiled("src/cli/main.ts", { name: "cli", splitting: true });
  } catch {
    main = null;
  }
}
if (main) {
  // Stack traces name the TypeScript files and lines, not the compiled ones.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(main).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
