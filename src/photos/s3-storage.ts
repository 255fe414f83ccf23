// PhotoStorage on an S3-compatible object store (AWS S3, Cloudflare R2, MinIO, Ceph, Backblaze B2…) with
// SigV4-signed requests over fetch: put, get, delete, and ListObjectsV2 for prefix deletes. Several app
// instances share one bucket, so photos no longer tie the site to one machine (docs/scaling.md).
import { AppError } from "../services/app-error.js";
import { type Credentials, EMPTY_SHA256, sha256Hex, signRequest, uriEncode } from "./sigv4.js";
import { isValidStorageKey, type PhotoStorage } from "./storage.js";

export interface S3Options {
  /** https://s3.us-east-1.amazonaws.com, https://<account>.r2.cloudflarestorage.com, http://minio:9000… */
  endpoint: string;
  bucket: string;
  region: string;
  credentials: Credentials;
  /** Prepended to every key ("keiyard/"), so one bucket can hold more than this site. */
  prefix?: string;
  /** For tests: the clock the signatures use. */
  now?: () => Date;
  /** Per-request time limit. */
  timeoutMs?: number;
}

export class ObjectStoreError extends Error {
  override name = "ObjectStoreError";
}

function assertValidKey(key: string): void {
  if (!isValidStorageKey(key)) throw new AppError("invalid_input", "Invalid photo storage key.");
}

const xmlText = (s: string) =>
  s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!,
  );

export function createS3Storage(o: S3Options): PhotoStorage {
  const endpoint = new URL(o.endpoint);
  const prefix = o.prefix ?? "";
  // Path-style addressing (endpoint/bucket/key): every S3-compatible store and AWS itself answer it.
  const base = `${endpoint.origin}${endpoint.pathname.replace(/\/$/, "")}/${uriEncode(o.bucket)}`;
  const objectUrl = (key: string) => new URL(`${base}/${uriEncode(prefix + key, true)}`);

  async function send(method: string, url: URL, body?: Buffer, headers: Record<string, string> = {}) {
    const signed = signRequest({
      method,
      url,
      headers,
      payloadHash: body ? sha256Hex(body) : EMPTY_SHA256,
      region: o.region,
      service: "s3",
      credentials: o.credentials,
      now: (o.now ?? (() => new Date()))(),
    });
    // fetch sets Host itself (to the same value); it may not be set by hand.
    const { host: _, ...sent } = signed;
    return fetch(url, {
      method,
      headers: sent,
      body: body ? new Uint8Array(body) : undefined,
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
  }

  async function fail(what: string, res: Response): Promise<never> {
    const text = await res.text().catch(() => "");
    const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? "";
    throw new ObjectStoreError(`object store: ${what} answered ${res.status}${code ? ` ${code}` : ""}`);
  }

  /** Every key under `dir/` (ListObjectsV2, page by page), without the storage prefix. */
  async function listUnder(dir: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const url = new URL(`${base}/`);
      url.searchParams.set("list-type", "2");
      url.searchParams.set("prefix", `${prefix}${dir}/`);
      if (token) url.searchParams.set("continuation-token", token);
      const res = await send("GET", url);
      if (!res.ok) await fail(`listing ${dir}/`, res);
      const xml = await res.text();
      for (const m of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(xmlText(m[1]!).slice(prefix.length));
      const truncated = /<IsTruncated>true<\/IsTruncated>/.test(xml);
      const next = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1];
      token = truncated && next ? xmlText(next) : undefined;
    } while (token);
    return keys;
  }

  async function deleteOne(key: string) {
    const res = await send("DELETE", objectUrl(key));
    // 204 deleted; 404 from stores that say so for a missing key: both mean "not there now".
    if (!res.ok && res.status !== 404) await fail(`deleting ${key}`, res);
    await res.arrayBuffer().catch(() => undefined);
  }

  return {
    async put(key, data, contentType) {
      assertValidKey(key);
      // A PUT is atomic in S3: readers see the old object or the new one, never part of it.
      const res = await send("PUT", objectUrl(key), data, { "content-type": contentType });
      if (!res.ok) await fail(`storing ${key}`, res);
      await res.arrayBuffer();
    },

    async get(key) {
      assertValidKey(key);
      const res = await send("GET", objectUrl(key));
      if (res.status === 404) {
        await res.arrayBuffer().catch(() => undefined);
        return null;
      }
      if (!res.ok) await fail(`reading ${key}`, res);
      return {
        data: Buffer.from(await res.arrayBuffer()),
        contentType: res.headers.get("content-type") ?? "application/octet-stream",
      };
    },

    async delete(keyOrPrefix) {
      assertValidKey(keyOrPrefix);
      // The object itself, then everything under "prefix/" (whole segments: listings/12 spares listings/123).
      await deleteOne(keyOrPrefix);
      const keys = await listUnder(keyOrPrefix);
      for (let i = 0; i < keys.length; i += 8) await Promise.all(keys.slice(i, i + 8).map(deleteOne));
    },
  };
}
