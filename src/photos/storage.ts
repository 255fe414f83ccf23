// Where photo bytes live. A deliberately small interface (put, get, delete) that a local directory
// implements today and an S3-style object store can implement later without touching the callers.
//
// Keys are slash-separated relative paths such as `listings/123/<photoId>/thumb.webp`. They are built by
// our code, but parts come from URLs and ids, so every implementation validates them: a key that could
// climb out of the root (`..`, absolute, backslashes) is refused before any file system call.
import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, extname, resolve, sep } from "node:path";
import { AppError } from "../services/app-error.js";

export interface StoredObject {
  data: Buffer;
  contentType: string;
}

export interface PhotoStorage {
  /** Writes the object whole or not at all: a reader never sees half a file. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** null when there is no object at exactly this key. */
  get(key: string): Promise<StoredObject | null>;
  /**
   * Removes the object at `keyOrPrefix` and every object under `keyOrPrefix + "/"`. Prefixes match whole
   * path segments: deleting `listings/12` leaves `listings/123` alone (object stores must check this).
   * Deleting what is not there is not an error.
   */
  delete(keyOrPrefix: string): Promise<void>;
}

// Each segment starts with a letter, digit, "_" or "-": that alone excludes ".", "..", hidden files and
// our own temporary files (which start with "."), so the checks below are belt and braces.
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;

export function isValidStorageKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_KEY_LENGTH && key.split("/").every((s) => SEGMENT.test(s));
}

function assertValidKey(key: string): void {
  if (!isValidStorageKey(key)) throw new AppError("invalid_input", "Invalid photo storage key.");
}

// The disk keeps no side files, so the content type is a function of the extension; put() checks that
// the caller agrees, which keeps get() returning exactly what was put.
const CONTENT_TYPE_BY_EXTENSION: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".png": "image/png",
};

export function createDiskStorage(rootDir: string): PhotoStorage {
  const root = resolve(rootDir);

  function pathOf(key: string): string {
    assertValidKey(key);
    const path = resolve(root, key);
    if (!path.startsWith(root + sep)) throw new AppError("invalid_input", "Invalid photo storage key.");
    return path;
  }

  return {
    async put(key, data, contentType) {
      const path = pathOf(key);
      const expected = CONTENT_TYPE_BY_EXTENSION[extname(path).toLowerCase()];
      if (expected !== contentType)
        throw new Error(
          `Disk storage: key "${key}" cannot hold ${contentType} (expected ${expected ?? "?"}).`,
        );
      await mkdir(dirname(path), { recursive: true });
      // Temp file in the same directory, then rename: rename is atomic within a file system, and the
      // leading "." keeps stray temp files (after a crash) out of the key space.
      const tmp = resolve(dirname(path), `.tmp-${randomUUID()}`);
      try {
        const file = await open(tmp, "wx", 0o644);
        try {
          await file.writeFile(data);
          await file.sync(); // so a crash after rename cannot leave an empty file under the real name
        } finally {
          await file.close();
        }
        await rename(tmp, path);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },

    async get(key) {
      const path = pathOf(key);
      const contentType = CONTENT_TYPE_BY_EXTENSION[extname(path).toLowerCase()];
      if (!contentType) return null;
      try {
        return { data: await readFile(path), contentType };
      } catch (err) {
        if (isMissing(err)) return null;
        throw err;
      }
    },

    async delete(keyOrPrefix) {
      // One call covers both meanings: a file is the object, a directory is the prefix.
      await rm(pathOf(keyOrPrefix), { recursive: true, force: true });
    },
  };
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR";
}

/** For tests and the demo seed: the same contract, in a Map. `keys()` lets tests see what was written. */
export function createMemoryStorage(): PhotoStorage & { keys(): string[] } {
  const objects = new Map<string, StoredObject>();
  return {
    async put(key, data, contentType) {
      assertValidKey(key);
      objects.set(key, { data: Buffer.from(data), contentType }); // a copy: callers may reuse their buffer
    },
    async get(key) {
      assertValidKey(key);
      const found = objects.get(key);
      return found ? { data: Buffer.from(found.data), contentType: found.contentType } : null;
    },
    async delete(keyOrPrefix) {
      assertValidKey(keyOrPrefix);
      for (const key of [...objects.keys()])
        if (key === keyOrPrefix || key.startsWith(`${keyOrPrefix}/`)) objects.delete(key);
    },
    keys: () => [...objects.keys()].sort(),
  };
}
