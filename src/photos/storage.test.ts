import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { type FakeS3, startFakeS3 } from "../../test/fake-s3.js";
import { AppError } from "../services/app-error.js";
import { createS3Storage } from "./s3-storage.js";
import { createDiskStorage, createMemoryStorage, isValidStorageKey, type PhotoStorage } from "./storage.js";

const dirs: string[] = [];
const fakes: FakeS3[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

/** S3 storage on a fake S3 server (test/fake-s3.ts) that verifies each request's signature. */
async function s3Storage(): Promise<PhotoStorage> {
  const fake = await startFakeS3();
  fakes.push(fake);
  return createS3Storage({
    endpoint: fake.endpoint,
    bucket: fake.bucket,
    region: fake.region,
    credentials: { accessKeyId: fake.accessKeyId, secretAccessKey: fake.secretAccessKey },
  });
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "keiyard-photos-"));
  dirs.push(dir);
  return dir;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

const TRAVERSALS = [
  "../escape.jpg",
  "listings/../../escape.jpg",
  "listings/1/../../../etc/passwd",
  "/etc/passwd",
  "listings\\..\\escape.jpg",
  "listings//1/a.jpg",
  "listings/1/",
  "./a.jpg",
  ".hidden.jpg",
  "listings/1/a.jpg\0.png",
  "",
];

// One contract, three implementations: the memory store is only useful in tests if it behaves like disk,
// and the object store must behave like both.
describe.each([
  ["disk", async () => createDiskStorage(await tempDir())],
  ["memory", async () => createMemoryStorage()],
  ["s3", s3Storage],
])("%s storage", (_, make: () => Promise<PhotoStorage>) => {
  it("round-trips bytes and content type, and answers null for a missing key", async () => {
    const storage = await make();
    const data = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    await storage.put("listings/123/p1/thumb.jpg", data, "image/jpeg");
    expect(await storage.get("listings/123/p1/thumb.jpg")).toEqual({ data, contentType: "image/jpeg" });
    expect(await storage.get("listings/123/p1/large.jpg")).toBeNull();
    expect(await storage.get("listings/999/p1/thumb.jpg")).toBeNull();
  });

  it("overwrites an existing key", async () => {
    const storage = await make();
    await storage.put("a/b.webp", Buffer.from("one"), "image/webp");
    await storage.put("a/b.webp", Buffer.from("two"), "image/webp");
    expect((await storage.get("a/b.webp"))?.data.toString()).toBe("two");
  });

  it("deletes one key, or a whole prefix by path segment", async () => {
    const storage = await make();
    const put = (key: string) => storage.put(key, Buffer.from(key), "image/webp");
    await Promise.all(
      ["listings/12/a/thumb.webp", "listings/12/b/thumb.webp", "listings/123/a/thumb.webp"].map(put),
    );
    await storage.delete("listings/12/a/thumb.webp");
    expect(await storage.get("listings/12/a/thumb.webp")).toBeNull();
    expect(await storage.get("listings/12/b/thumb.webp")).not.toBeNull();
    await storage.delete("listings/12");
    expect(await storage.get("listings/12/b/thumb.webp")).toBeNull();
    expect(await storage.get("listings/123/a/thumb.webp")).not.toBeNull(); // "12" is not a prefix of "123"
    await storage.delete("listings/nothing-here"); // not an error
  });

  it.each(TRAVERSALS)("refuses the key %j", async (key) => {
    const storage = await make();
    for (const attempt of [
      storage.put(key, Buffer.from("x"), "image/jpeg"),
      storage.get(key),
      storage.delete(key),
    ])
      await expect(attempt).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("disk storage", () => {
  it("writes files under its root, leaving no temp files, and nothing outside", async () => {
    const parent = await tempDir();
    const root = join(parent, "photos");
    const storage = createDiskStorage(root);
    await storage.put("listings/1/p/thumb.webp", Buffer.from("w"), "image/webp");
    for (const key of TRAVERSALS)
      await storage.put(key, Buffer.from("x"), "image/jpeg").catch(() => undefined);
    expect(await filesUnder(parent)).toEqual([join("photos", "listings", "1", "p", "thumb.webp")]);
    expect((await stat(join(root, "listings/1/p/thumb.webp"))).size).toBe(1);
  });

  it("refuses a content type that the key's extension cannot hold", async () => {
    const storage = createDiskStorage(await tempDir());
    await expect(storage.put("a/b.jpg", Buffer.from("x"), "image/webp")).rejects.toThrow(/cannot hold/);
    await expect(storage.put("a/b.txt", Buffer.from("x"), "text/plain")).rejects.toThrow(/cannot hold/);
  });

  it("keeps concurrent writes to one key whole: the last rename wins, nothing is interleaved", async () => {
    const root = await tempDir();
    const storage = createDiskStorage(root);
    const bodies = Array.from({ length: 8 }, (_, i) => Buffer.alloc(256 * 1024, i));
    await Promise.all(bodies.map((b) => storage.put("k/v.jpg", b, "image/jpeg")));
    const got = (await storage.get("k/v.jpg"))!.data;
    expect(bodies.some((b) => b.equals(got))).toBe(true);
    expect(await filesUnder(root)).toEqual([join("k", "v.jpg")]);
  });
});

describe("isValidStorageKey", () => {
  it("accepts the keys we build", () => {
    expect(isValidStorageKey("listings/123/0b6f6c1e-6a2b-4c1e-9d8e-3f1f2a6b7c8d/medium.webp")).toBe(true);
  });

  it("never lets a valid key resolve outside the root (fuzzed)", () => {
    const root = resolve("/srv/photos");
    const piece = fc.constantFrom("..", ".", "/", "\\", "a", "b.jpg", "%2e", "\0", "~", ":", "C:");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 8 }), (parts) => {
        const key = parts.join("");
        if (!isValidStorageKey(key)) return;
        expect(resolve(root, key).startsWith(root + sep)).toBe(true);
        expect(key.split("/")).not.toContain("..");
      }),
      { numRuns: 3000 },
    );
  });

  it("reports refusals as AppError, which the HTTP layer maps to 400", async () => {
    await expect(createMemoryStorage().get("../x")).rejects.toBeInstanceOf(AppError);
  });
});
