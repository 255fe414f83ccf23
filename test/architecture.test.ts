// The domain is pure: it imports only other domain modules and the fact *types*, and never reads the
// clock, the environment, files or the network. Lint enforces part of this; this test enforces all of it.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const domainDir = join(root, "src", "domain");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const IMPORT =
  /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm;
const DYNAMIC_IMPORT = /\bimport\s*\(|\brequire\s*\(/;
const CLOCK_OR_ENV =
  /\bDate\.now\s*\(|new Date\(\s*\)|\bprocess\.|\bglobalThis\.|\bfetch\s*\(|Math\.random\s*\(/;

/** Every violation in one domain file, as readable strings. */
function violations(file: string, text: string): string[] {
  const out: string[] = [];
  // Test support modules (`*.test-support.ts`: generators shared by test files) follow the tests' rules;
  // production code may not import them.
  const isTest = /\.test(-support)?\.ts$/.test(file);
  const code = text.replace(/\/\/.*$/gm, "");
  for (const m of code.matchAll(IMPORT)) {
    const typeOnly = Boolean(m[2]);
    const spec = (m[3] ?? m[4]) as string;
    if (!isTest && /\.test(-support)?\.js$/.test(spec)) out.push(`imports test code "${spec}"`);
    if (!spec.startsWith(".")) {
      // Tests may use the test libraries; production domain code may import no package at all.
      if (isTest && ["vitest", "fast-check"].includes(spec)) continue;
      out.push(`imports package "${spec}"`);
      continue;
    }
    const target = resolve(dirname(file), spec);
    const inDomain = !relative(domainDir, target).startsWith("..");
    const isFactTypes = target === join(root, "src", "facts", "schemas.js");
    if (inDomain) continue;
    if (isFactTypes && typeOnly) continue;
    if (isTest && target === join(root, "src", "facts", "load.js")) continue; // tests read the real data
    out.push(`imports "${spec}" from outside src/domain${isFactTypes ? " (use `import type`)" : ""}`);
  }
  if (!isTest && DYNAMIC_IMPORT.test(code)) out.push("uses a dynamic import or require");
  if (!isTest && CLOCK_OR_ENV.test(code))
    out.push("reads the clock, the environment, randomness or the network");
  return out;
}

describe("architecture", () => {
  const files = sourceFiles(domainDir);

  it("finds the domain modules", () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((f) => [relative(root, f), f]))("%s is pure", (_, file) => {
    expect(violations(file, readFileSync(file, "utf8"))).toEqual([]);
  });

  it("catches the forbidden things it claims to catch", () => {
    const f = join(domainDir, "x", "bad.ts");
    expect(violations(f, 'import { readFileSync } from "node:fs";')).toEqual(['imports package "node:fs"']);
    expect(violations(f, 'import { z } from "zod";')).toEqual(['imports package "zod"']);
    expect(violations(f, 'import { loadFacts } from "../../facts/load.js";')).toHaveLength(1);
    expect(violations(f, 'import { catalogSchema } from "../../facts/schemas.js";')[0]).toMatch(
      /import type/,
    );
    expect(violations(f, 'import type { Facts } from "../../facts/schemas.js";')).toEqual([]);
    expect(violations(f, 'import { addYears } from "../units/dates.js";')).toEqual([]);
    expect(violations(f, "const t = Date.now();")).toHaveLength(1);
    expect(violations(f, "const t = new Date();")).toHaveLength(1);
    expect(violations(f, "const p = process.env.X;")).toHaveLength(1);
    expect(violations(f, 'const m = await import("node:fs");')).toHaveLength(1);
    expect(violations(f, 'import { a } from "./a.test-support.js";')).toEqual([
      'imports test code "./a.test-support.js"',
    ]);
    const support = join(domainDir, "x", "a.test-support.ts");
    expect(violations(support, 'import fc from "fast-check";')).toEqual([]);
    expect(violations(support, 'import { z } from "zod";')).toEqual(['imports package "zod"']);
  });
});
