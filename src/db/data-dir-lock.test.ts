// The data folder's lock, and the look at it that `keiyard lots` takes before trusting a snapshot.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dataDirHolder, lockDataDir } from "./data-dir-lock.js";

const dir = mkdtempSync(join(tmpdir(), "keiyard-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lockFile = join(dir, "keiyard.lock");

/** A pid that was a process and is no longer one. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(r.stdout);
}

describe("data folder lock", () => {
  it("dataDirHolder: none without a lock file, this process while it holds the lock, none after", async () => {
    expect(await dataDirHolder(dir)).toBeNull();
    const release = await lockDataDir(dir);
    expect(await dataDirHolder(dir)).toBe(process.pid);
    await expect(lockDataDir(dir)).rejects.toThrow(/already open in this process/);
    await release();
    expect(existsSync(lockFile)).toBe(false);
    expect(await dataDirHolder(dir)).toBeNull();
  });

  it("a lock file of a live process is held; one of a gone process is stale and taken over", async () => {
    writeFileSync(lockFile, `${process.ppid}\n`);
    expect(await dataDirHolder(dir)).toBe(process.ppid);
    await expect(lockDataDir(dir)).rejects.toThrow(new RegExp(`in use by process ${process.ppid}`));

    writeFileSync(lockFile, `${deadPid()}\n`);
    expect(await dataDirHolder(dir)).toBeNull();
    const release = await lockDataDir(dir);
    await release();
  });

  it("a lock file that names no process is not a holder", async () => {
    writeFileSync(lockFile, "garbage\n");
    expect(await dataDirHolder(dir)).toBeNull();
    rmSync(lockFile);
  });
});
