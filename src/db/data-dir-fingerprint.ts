// What the embedded database's folder looks like on disk, in one string that changes whenever the
// database changes: the names, sizes and modification times of the write-ahead log's files and of
// pg_control, and the bytes of the newest WAL segment. Every commit appends to the WAL, and every
// open and close of PGlite writes pg_control (and a shutdown checkpoint to the WAL), so two equal
// fingerprints mean nobody wrote in between (checked on PGlite itself: data-dir-fingerprint.test.ts).
// The bytes are there because a modification time only moves once per file-system tick (a few
// milliseconds here): two commits within one tick leave the metadata alone but not the segment.
// Reading one 16 MB segment costs a few tens of milliseconds and no memory to speak of.
import { createHash, type Hash } from "node:crypto";
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";

interface Entry {
  name: string;
  size: bigint;
  mtimeNs: bigint;
}

async function entry(path: string, name: string): Promise<Entry | null> {
  try {
    const s = await stat(path, { bigint: true });
    return s.isFile() ? { name, size: s.size, mtimeNs: s.mtimeNs } : null;
  } catch {
    return null; // removed between the listing and the stat (a WAL segment recycled)
  }
}

/**
 * Adds a file's bytes to `hash`, read a megabyte at a time into one buffer: the whole fingerprint took
 * about 25 ms (12 of them hashing a 16 MB segment) against 70-100 ms through a read stream's 64 KiB
 * chunks, on the start-up path of every `keiyard lots` that reads the deal-model snapshot.
 */
async function hashFile(path: string, hash: Hash): Promise<void> {
  const fh = await open(path);
  try {
    const buf = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) return;
      hash.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
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
  const wal = (await Promise.all(names.map((n) => entry(join(dir, "pg_wal", n), n)))).filter(
    (e): e is Entry => e !== null,
  );
  const control = await entry(join(dir, "global", "pg_control"), "global/pg_control");
  const hash = createHash("sha256");
  for (const e of control ? [...wal, control] : wal) hash.update(`${e.name} ${e.size} ${e.mtimeNs}\n`);
  // The segment being written: the newest, the later name on a tie (names grow with the log).
  const newest = wal.reduce<Entry | null>((a, e) => (a === null || e.mtimeNs >= a.mtimeNs ? e : a), null);
  if (newest) {
    try {
      await hashFile(join(dir, "pg_wal", newest.name), hash);
    } catch {
      hash.update("gone"); // recycled meanwhile: the metadata above already differs from any later look
    }
  }
  return `sha256:${hash.digest("hex")}`;
}
