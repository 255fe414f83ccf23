// The photo storage the configuration names: a folder on disk (one machine), or an S3-compatible object
// store that several app instances share.
import type { Config } from "../config/env.js";
import { createS3Storage } from "./s3-storage.js";
import { createDiskStorage, type PhotoStorage } from "./storage.js";

export function photoStorageFromConfig(config: Config): { storage: PhotoStorage; description: string } {
  if (config.KEIYARD_PHOTOS_STORE === "disk")
    return {
      storage: createDiskStorage(config.KEIYARD_PHOTOS_DIR),
      description: `disk at ${config.KEIYARD_PHOTOS_DIR}`,
    };
  const endpoint = config.KEIYARD_S3_ENDPOINT ?? `https://s3.${config.KEIYARD_S3_REGION}.amazonaws.com`;
  const bucket = config.KEIYARD_S3_BUCKET!;
  return {
    storage: createS3Storage({
      endpoint,
      bucket,
      region: config.KEIYARD_S3_REGION,
      prefix: config.KEIYARD_S3_PREFIX,
      credentials: {
        accessKeyId: config.AWS_ACCESS_KEY_ID!,
        secretAccessKey: config.AWS_SECRET_ACCESS_KEY!,
        ...(config.AWS_SESSION_TOKEN ? { sessionToken: config.AWS_SESSION_TOKEN } : {}),
      },
    }),
    description: `S3 bucket ${bucket}${config.KEIYARD_S3_PREFIX ? ` under ${config.KEIYARD_S3_PREFIX}` : ""} at ${new URL(endpoint).origin}`,
  };
}
