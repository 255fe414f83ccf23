// The compiled copy the `keiyard` command runs (src/cli/compiled.mjs): made once, reused while the
// sources are unchanged, made again when one changes, and equal in behaviour to the sources under tsx.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { keiyard } from "../../test/cli.js";
import { cacheDir, compiled } from "./compiled.mjs";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  rmSync(cacheDir("compiled-test"), { recursive: true, force: true });
});

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "keiyard-compiled-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("the compiled copy of a TypeScript entry", () => {
  it("is made from the entry and its imports, reused while they are unchanged, remade when one changes", async () => {
    const dir = fixture({
      "entry.ts": 'import { value } from "./dep.js";\nexport const answer: number = value + 1;\n',
      "dep.ts": "export const value: number = 41;\n",
    });
    const entry = join(dir, "entry.ts");
    const first = await compiled(entry, { name: "compiled-test" });
    expect(await compiled(entry, { name: "compiled-test" })).toBe(first);
    expect((await import(pathToFileURL(first).href)).answer).toBe(42);

    writeFileSync(join(dir, "dep.ts"), "export const value: number = 99;\n");
    const second = await compiled(entry, { name: "compiled-test" });
    expect(second).not.toBe(first);
    expect((await import(pathToFileURL(second).href)).answer).toBe(100);
  });

  it("keeps each module's own import.meta.url, so files beside the sources are found", async () => {
    const dir = fixture({
      "entry.ts": 'export { url } from "./nested.js";\n',
      "nested.ts": "export const url: string = import.meta.url;\n",
    });
    const file = await compiled(join(dir, "entry.ts"), { name: "compiled-test" });
    expect((await import(pathToFileURL(file).href)).url).toBe(pathToFileURL(join(dir, "nested.ts")).href);
  });

  it("throws when the sources do not compile (the command then runs them through tsx)", async () => {
    const dir = fixture({ "entry.ts": "export const = ;\n" });
    await expect(compiled(join(dir, "entry.ts"), { name: "compiled-test" })).rejects.toThrow();
  });
});

describe("the keiyard command", () => {
  it("runs the compiled CLI, recording the sources it was made from", async () => {
    expect(keiyard(["--help"]).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(cacheDir("cli"), "manifest.json"), "utf8"));
    const inputs = (manifest.inputs as [string][]).map(([path]) => path);
    for (const f of ["src/cli/main.ts", "src/cli/commands/serve.ts", "src/facts/load.ts", "tsconfig.json"])
      expect(inputs).toContain(f);
  });

  it("answers the same compiled as through tsx", () => {
    for (const args of [
      ["decode", "DA63T-123456", "--json"],
      ["cost", "--price-jpy", "400000", "--fx", "150", "--to", "TX", "--json"],
    ]) {
      const viaCompiled = keiyard(args);
      const viaTsx = keiyard(args, { KEIYARD_COMPILE: "0" });
      expect(viaCompiled.code).toBe(0);
      expect(viaCompiled.stdout).toBe(viaTsx.stdout);
    }
  });
});
