// Starts the real `keiyard serve` in a child process on a free port, with its own data folders, and
// stops it afterwards. The browser journeys run against it exactly as a user's browser would.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../test/cli.js";

export interface RunningServer {
  url: string;
  /** The folder holding its embedded database and photos: start another server on it with `{ dir }`. */
  dir: string;
  stop(): Promise<void>;
  /** Kills the process with no chance to finish anything (the crash test's power cut). */
  kill(): Promise<void>;
  output(): string;
}

export async function startKeiyard(
  env: Record<string, string> = {},
  { dir = mkdtempSync(join(tmpdir(), "keiyard-e2e-")) }: { dir?: string } = {},
): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["bin/keiyard.js", "serve", "--port", "0", "--host", "127.0.0.1"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TZ: "UTC",
        KEIYARD_DATA_DIR: join(dir, "db"),
        KEIYARD_PHOTOS_DIR: join(dir, "photos"),
        // Its own outbox: sign-ups mail confirmation links, and servers run side by side.
        KEIYARD_OUTBOX_DIR: join(dir, "outbox"),
        KEIYARD_DEMO_COUNT: "200",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 150_000);
    const check = () => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    output: () => out,
    kill: () => {
      child.kill("SIGKILL");
      return exited;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}
