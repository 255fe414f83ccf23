// PGlite has no lock of its own: two processes (say `keiyard serve` and `keiyard db backup`) opening
// one data folder would both write to it and corrupt it. A pid file makes the second one stop.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DbError } from "./errors.js";

const LOCK_FILE = "keiyard.lock";
// Locks this process holds, so a stale file that happens to carry our pid (pid 1 in a container
// after a crash) is told apart from a second open in this process.
const held = new Set<string>();

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the folder's lock or throws a DbError naming the holder; resolves to the release function. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK_FILE);
  if (held.has(file)) throw new DbError(`the embedded database in ${dir} is already open in this process`);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: "wx" });
      held.add(file);
      return async () => {
        held.delete(file);
        await rm(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const pid = Number((await readFile(file, "utf8").catch(() => "")).trim());
      if (pid !== process.pid && isRunning(pid)) {
        throw new DbError(
          `the embedded database in ${dir} is in use by process ${pid} (a running keiyard serve?); stop it first`,
        );
      }
      // Left by a process that is gone: take it over.
      await rm(file, { force: true });
    }
  }
  throw new DbError(`cannot lock the embedded database in ${dir}`);
}

/**
 * The pid of the live process that holds the folder's lock (this one included), or null when it is
 * free or only a stale file is left. It only looks: a reader that must not open the folder (the deal
 * snapshot in `keiyard lots`) asks whether a running site is writing to it.
 */
export async function dataDirHolder(dir: string): Promise<number | null> {
  const file = join(dir, LOCK_FILE);
  if (held.has(file)) return process.pid;
  const pid = Number((await readFile(file, "utf8").catch(() => "")).trim());
  return pid !== process.pid && isRunning(pid) ? pid : null;
}
