// Test helper: runs the real `keiyard` binary, as a user would, and captures what it prints.
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "keiyard.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function keiyard(args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, TZ: "UTC", ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs with --json and parses stdout, which must be exactly one JSON document. */
export function keiyardJson<T = Record<string, unknown>>(
  args: string[],
): { code: number | null; body: T; stderr: string } {
  const r = keiyard([...args, "--json"]);
  return { code: r.code, body: JSON.parse(r.stdout) as T, stderr: r.stderr };
}
