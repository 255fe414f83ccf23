import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { workerStart } from "./worker-bundle.js";

describe("worker bundles", () => {
  it("compiles a worker's TypeScript into one JavaScript file, reused while its sources are unchanged", async () => {
    const entry = new URL("./lots-block.worker.ts", import.meta.url);
    const a = await workerStart(entry);
    const b = await workerStart(entry);
    expect(a.workerData).toBeUndefined();
    expect(a.file.href).toMatch(
      /\/\.cache\/keiyard\/lots-block\.worker\/[0-9a-f]{16}\/lots-block\.worker\.mjs$/,
    );
    expect(b.file.href).toBe(a.file.href);
    const text = readFileSync(fileURLToPath(a.file), "utf8");
    // One file: no import of our own modules is left for a loader to resolve.
    expect(text).not.toMatch(/from\s+["']\.\.?\//);
    expect(text).toContain("postMessage");
  });

  it("falls back to the TypeScript loader entry when the module cannot be compiled", async () => {
    const missing = new URL("./no-such-worker.ts", import.meta.url);
    const start = await workerStart(missing);
    expect(start.file.href).toMatch(/worker-entry\.mjs$/);
    expect(start.workerData).toEqual({ module: missing.href });
  });
});
