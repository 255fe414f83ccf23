// Choosing the photo storage from the environment: disk by default; S3 with a bucket and credentials,
// or a one-line configuration error naming what is missing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeS3, startFakeS3 } from "../../test/fake-s3.js";
import { ConfigError, parseConfig } from "../config/env.js";
import { photoStorageFromConfig } from "./storage-from-config.js";

describe("photo storage from the configuration", () => {
  let fake: FakeS3;
  beforeAll(async () => {
    fake = await startFakeS3({ bucket: "keiyard-photos" });
  });
  afterAll(async () => fake?.close());

  it("is the disk folder by default", () => {
    expect(photoStorageFromConfig(parseConfig({ KEIYARD_PHOTOS_DIR: "/srv/photos" })).description).toBe(
      "disk at /srv/photos",
    );
  });

  it("is an S3 bucket when asked, and says what is missing when it cannot be", () => {
    expect(() => parseConfig({ KEIYARD_PHOTOS_STORE: "s3" })).toThrow(
      new ConfigError(
        "invalid environment variable KEIYARD_S3_BUCKET: required when KEIYARD_PHOTOS_STORE=s3",
      ),
    );
    expect(() =>
      parseConfig({ KEIYARD_PHOTOS_STORE: "s3", KEIYARD_S3_BUCKET: "b-1", AWS_ACCESS_KEY_ID: "k" }),
    ).toThrow(/AWS_SECRET_ACCESS_KEY: required/);
    expect(() => parseConfig({ KEIYARD_S3_PREFIX: "no-slash" })).toThrow(/KEIYARD_S3_PREFIX/);
    const aws = parseConfig({
      KEIYARD_PHOTOS_STORE: "s3",
      KEIYARD_S3_BUCKET: "my-bucket",
      KEIYARD_S3_REGION: "eu-west-1",
      AWS_ACCESS_KEY_ID: "k",
      AWS_SECRET_ACCESS_KEY: "s",
    });
    expect(photoStorageFromConfig(aws).description).toBe(
      "S3 bucket my-bucket at https://s3.eu-west-1.amazonaws.com",
    );
  });

  it("stores and reads photos in the configured bucket, under the prefix", async () => {
    const config = parseConfig({
      KEIYARD_PHOTOS_STORE: "s3",
      KEIYARD_S3_ENDPOINT: fake.endpoint,
      KEIYARD_S3_BUCKET: fake.bucket,
      KEIYARD_S3_REGION: fake.region,
      KEIYARD_S3_PREFIX: "site/",
      AWS_ACCESS_KEY_ID: fake.accessKeyId,
      AWS_SECRET_ACCESS_KEY: fake.secretAccessKey,
    });
    const { storage, description } = photoStorageFromConfig(config);
    expect(description).toBe(`S3 bucket keiyard-photos under site/ at ${fake.endpoint}`);
    await storage.put("listings/1/p/thumb.jpg", Buffer.from("jpeg"), "image/jpeg");
    expect([...fake.objects.keys()]).toEqual(["site/listings/1/p/thumb.jpg"]);
    expect((await storage.get("listings/1/p/thumb.jpg"))?.data.toString()).toBe("jpeg");
  });
});
