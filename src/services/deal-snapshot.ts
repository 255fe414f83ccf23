// The deal-model snapshot: the US fair-price model the site last fitted on its embedded database, in a
// small JSON file beside the database (KEIYARD_DATA_DIR/deal-model.json), so `keiyard lots` can price
// without opening PGlite (a couple of hundred megabytes, and impossible while the site holds the
// folder's lock). The file carries the folder's fingerprint at the moment it was written: a reader
// trusts it only while the folder still has that fingerprint, or while a running site holds the lock
// (then it is the site's latest fit, said with its time). docs/decisions/0029-deal-model-snapshot.md.
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Database } from "../db/client.js";
import { fingerprintDataDir } from "../db/data-dir-fingerprint.js";
import { DEAL_SNAPSHOT_VERSION, type DealSnapshot, dealSnapshotSchema } from "./deal-snapshot.schema.js";
import type { UsDealFit } from "./deals.js";

export const DEAL_SNAPSHOT_FILE = "deal-model.json";

/** The folder a database's snapshot belongs in: the embedded database's own; none for a server or memory. */
export function dealSnapshotDir(database: Database): string | null {
  return database.kind === "pglite" && !database.location.startsWith("memory://") ? database.location : null;
}

/**
 * Writes the snapshot of `fit` with the folder's fingerprint as it is now: call it when the fit's data
 * is what the folder holds (right after a fit while the site runs, or after the database closed).
 * Atomic: a reader sees the old file or the new one, never a part.
 */
export async function writeDealSnapshot(dir: string, fit: UsDealFit, fittedAt: Date): Promise<DealSnapshot> {
  const fingerprint = await fingerprintDataDir(dir);
  if (fingerprint === null) throw new Error(`${dir} holds no embedded database`);
  const snapshot: DealSnapshot = {
    version: DEAL_SNAPSHOT_VERSION,
    fittedAt: fittedAt.toISOString(),
    fingerprint,
    model: fit.model,
    listings: fit.listings,
    demoListings: fit.demoListings,
  };
  const file = join(dir, DEAL_SNAPSHOT_FILE);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(snapshot));
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
  return snapshot;
}

/** The folder's snapshot, or null when it is missing, unreadable, of another version or invalid. */
export async function readDealSnapshot(dir: string): Promise<DealSnapshot | null> {
  let text: string;
  try {
    text = await readFile(join(dir, DEAL_SNAPSHOT_FILE), "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = dealSnapshotSchema.safeParse(JSON.parse(text), { jitless: true }); // read once: see parseFactFile
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON
  }
}
