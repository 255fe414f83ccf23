// The S3 storage against a fake S3 server that verifies every signature (test/fake-s3.ts); the shared
// storage contract runs on it too (storage.test.ts). What is verified here: the requests are signed so
// that a server recomputing SigV4 from what it received accepts them, bodies match their signed hash,
// prefix deletes page through ListObjectsV2, and a wrong secret or a skewed clock is an error, not a
// silent miss. What is not: a real AWS, R2 or MinIO endpoint (none in CI).
import { afterEach, describe, expect, it } from "vitest";
import { type FakeS3, startFakeS3 } from "../../test/fake-s3.js";
import { createS3Storage, ObjectStoreError, type S3Options } from "./s3-storage.js";
import { sha256Hex, signRequest } from "./sigv4.js";

const fakes: FakeS3[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function setup(fakeOptions: Parameters<typeof startFakeS3>[0] = {}, options: Partial<S3Options> = {}) {
  const fake = await startFakeS3(fakeOptions);
  fakes.push(fake);
  const storage = createS3Storage({
    endpoint: fake.endpoint,
    bucket: fake.bucket,
    region: fake.region,
    credentials: { accessKeyId: fake.accessKeyId, secretAccessKey: fake.secretAccessKey },
    ...options,
  });
  return { fake, storage };
}

describe("S3 photo storage", () => {
  it("stores objects with their content type under the bucket, every request signed and accepted", async () => {
    const { fake, storage } = await setup();
    await storage.put("listings/7/p/thumb.jpg", Buffer.from([0xff, 0xd8, 0xff, 9]), "image/jpeg");
    expect(fake.objects.get("listings/7/p/thumb.jpg")).toEqual({
      data: Buffer.from([0xff, 0xd8, 0xff, 9]),
      contentType: "image/jpeg",
    });
    expect(await storage.get("listings/7/p/thumb.jpg")).toEqual({
      data: Buffer.from([0xff, 0xd8, 0xff, 9]),
      contentType: "image/jpeg",
    });
    expect(fake.log.map((l) => `${l.request} ${l.status}`)).toEqual([
      "PUT /photos/listings/7/p/thumb.jpg 200",
      "GET /photos/listings/7/p/thumb.jpg 200",
    ]);
  });

  it("pages through a long listing when deleting a prefix, sparing keys that only share its first characters", async () => {
    const { fake, storage } = await setup({ pageSize: 2 });
    for (const k of ["a", "b", "c", "d", "e"])
      await storage.put(`listings/12/${k}/large.jpg`, Buffer.from(k), "image/jpeg");
    await storage.put("listings/123/a/large.jpg", Buffer.from("keep"), "image/jpeg");
    await storage.delete("listings/12");
    expect([...fake.objects.keys()]).toEqual(["listings/123/a/large.jpg"]);
    expect(fake.log.filter((l) => l.request.includes("list-type=2")).length).toBe(3);
  });

  it("keeps its objects under a key prefix, so one bucket can serve more than one site", async () => {
    const { fake, storage } = await setup({}, { prefix: "keiyard/" });
    await storage.put("listings/1/x/thumb.jpg", Buffer.from("t"), "image/jpeg");
    expect([...fake.objects.keys()]).toEqual(["keiyard/listings/1/x/thumb.jpg"]);
    await storage.put("listings/1/y/thumb.jpg", Buffer.from("u"), "image/jpeg");
    await storage.delete("listings/1");
    expect(fake.objects.size).toBe(0);
  });

  it("fails loudly on a wrong secret or a skewed clock instead of answering 'no such photo'", async () => {
    const { fake } = await setup();
    const wrong = createS3Storage({
      endpoint: fake.endpoint,
      bucket: fake.bucket,
      region: fake.region,
      credentials: { accessKeyId: fake.accessKeyId, secretAccessKey: "not-the-secret" },
    });
    await expect(wrong.get("a/b.jpg")).rejects.toThrow(/403 SignatureDoesNotMatch/);
    await expect(wrong.put("a/b.jpg", Buffer.from("x"), "image/jpeg")).rejects.toBeInstanceOf(
      ObjectStoreError,
    );
    const late = createS3Storage({
      endpoint: fake.endpoint,
      bucket: fake.bucket,
      region: fake.region,
      credentials: { accessKeyId: fake.accessKeyId, secretAccessKey: fake.secretAccessKey },
      now: () => new Date(Date.now() - 3_600_000),
    });
    await expect(late.get("a/b.jpg")).rejects.toThrow(/RequestTimeTooSkewed/);
    expect(fake.objects.size).toBe(0);
  });

  it("the fake refuses a body that is not the one signed (so its acceptance means something)", async () => {
    const { fake } = await setup();
    const url = new URL(`${fake.endpoint}/${fake.bucket}/a/b.jpg`);
    const { host: _, ...headers } = signRequest({
      method: "PUT",
      url,
      payloadHash: sha256Hex("the signed body"),
      region: fake.region,
      service: "s3",
      credentials: { accessKeyId: fake.accessKeyId, secretAccessKey: fake.secretAccessKey },
      now: new Date(),
    });
    const res = await fetch(url, { method: "PUT", headers, body: "another body" });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/XAmzContentSHA256Mismatch/);
    expect(fake.objects.size).toBe(0);
  });

  it("sends temporary credentials' session token", async () => {
    const { fake } = await setup();
    const storage = createS3Storage({
      endpoint: fake.endpoint,
      bucket: fake.bucket,
      region: fake.region,
      credentials: {
        accessKeyId: fake.accessKeyId,
        secretAccessKey: fake.secretAccessKey,
        sessionToken: "sts-token",
      },
    });
    expect(await storage.get("a/missing.jpg")).toBeNull();
    expect(fake.log[0]).toMatchObject({ status: 404, sessionToken: "sts-token" });
  });

  it("refuses unsafe keys before any request", async () => {
    const { fake, storage } = await setup();
    await expect(storage.get("../etc/passwd")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(storage.delete("listings/../..")).rejects.toMatchObject({ code: "invalid_input" });
    expect(fake.log).toEqual([]);
  });
});
