// What the embedded database's folder looks like on disk, in one string that changes whenever the
// database changes: the names, sizes and modification times of the write-ahead log's files and of
// pg_control. Every commit appends to the WAL, and every open and close of PGlite writes pg_control
// (and a shutdown checkpoint to the WAL), so two equal fingerprints mean nobody wrote in between
// (checked on PGlite itself: data-dir-fingerprint.test.ts). It reads metadata only, never the data.
import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

async function entry(path: string, name: string): Promise<string | null> {
  try {
    const s = await stat(path, { bigint: true });
    return s.isFile() ? `${name} ${s.size} ${s.mtimeNs}` : null;
  } catch {
    return null; // removed between the listing and the stat (a WAL segment recycled)
  }
}

/** The fingerprint of a PGlite data folder, or null when it holds no database (no pg_wal). */
export async function fingerprintDataDir(dir: string): Promise<string | null> {
  let names: string[];
  try {
    names = (await readdir(join(dir, "pg_wal"))).sort();
  } catch {
    return null;
  }
  const entries = await Promise.all([
    ...names.map((n) => entry(join(dir, "pg_wal", n), `pg_wal/${n}`)),
    entry(join(dir, "global", "pg_control"), "global/pg_control"),
  ]);
  const lines = entries.filter((e): e is string => e !== null);
  return `sha256:${createHash("sha256").update(lines.join("\n")).digest("hex")}`;
}
