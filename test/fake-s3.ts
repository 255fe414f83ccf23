// A tiny in-process S3-compatible server for tests: one bucket, path-style addressing, PutObject,
// GetObject, DeleteObject and ListObjectsV2. Like S3 it refuses any request whose SigV4 signature does
// not verify: the signature is recomputed from the request as received (method, path, query, the signed
// headers' values) with the shared canonicalization in src/photos/sigv4.ts, whose own test checks it
// against AWS's published examples; the body must hash to x-amz-content-sha256, and the clock skew
// must be under 15 minutes.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { canonicalRequest, sha256Hex, signature, stringToSign } from "../src/photos/sigv4.js";

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, { data: Buffer; contentType: string }>;
  /** Every request as "METHOD path?query" and its status. */
  log: { request: string; status: number; sessionToken?: string }[];
  close(): Promise<void>;
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

function parseAmzDate(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : null;
}

const xmlEscape = (s: string) =>
  s.replace(
    /[<>&'"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!,
  );

function error(res: ServerResponse, status: number, code: string) {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
}

/** Why the request's signature does not verify, or null when it does. */
function checkSignature(req: IncomingMessage, body: Buffer, fake: FakeS3, now: Date): string | null {
  const m = AUTH.exec(req.headers.authorization ?? "");
  if (!m) return "AccessDenied";
  const [, keyId, day, region, signedList, given] = m;
  if (keyId !== fake.accessKeyId) return "InvalidAccessKeyId";
  const date = parseAmzDate(String(req.headers["x-amz-date"] ?? ""));
  if (!date || day !== String(req.headers["x-amz-date"]).slice(0, 8) || region !== fake.region)
    return "AuthorizationHeaderMalformed";
  if (Math.abs(date.getTime() - now.getTime()) > 15 * 60_000) return "RequestTimeTooSkewed";
  const payloadHash = String(req.headers["x-amz-content-sha256"] ?? "");
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256Hex(body))
    return "XAmzContentSHA256Mismatch";
  const signed = signedList!.split(";");
  for (const required of ["host", "x-amz-date", "x-amz-content-sha256"])
    if (!signed.includes(required)) return "AccessDenied";
  const headers: Record<string, string> = {};
  for (const name of signed) {
    const value = req.headers[name];
    if (value === undefined) return "AccessDenied";
    headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  const { request } = canonicalRequest(req.method ?? "GET", url, headers, payloadHash);
  const scope = `${day}/${region}/s3/aws4_request`;
  const expected = signature(fake.secretAccessKey, date, region!, "s3", stringToSign(date, scope, request));
  return timingSafeEqual(Buffer.from(expected), Buffer.from(given!)) ? null : "SignatureDoesNotMatch";
}

export async function startFakeS3({
  bucket = "photos",
  region = "us-east-1",
  pageSize = 1000,
  now = () => new Date(),
} = {}): Promise<FakeS3> {
  const fake: FakeS3 = {
    endpoint: "",
    bucket,
    region,
    accessKeyId: "AKIDFAKES3TEST",
    secretAccessKey: "fake/secret/key+for+tests",
    objects: new Map(),
    log: [],
    close: async () => {},
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://fake");
    const entry: FakeS3["log"][number] = {
      request: `${req.method} ${url.pathname}${url.search}`,
      status: 0,
      sessionToken: req.headers["x-amz-security-token"] as string | undefined,
    };
    fake.log.push(entry);
    const reply = (status: number, code?: string) => {
      entry.status = status;
      if (code) error(res, status, code);
    };
    const problem = checkSignature(req, body, fake, now());
    if (problem) return reply(403, problem);
    const [, b, ...rest] = url.pathname.split("/");
    if (b !== bucket) return reply(404, "NoSuchBucket");
    const key = decodeURIComponent(rest.join("/"));
    if (req.method === "GET" && key === "" && url.searchParams.get("list-type") === "2") {
      const prefix = url.searchParams.get("prefix") ?? "";
      const all = [...fake.objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      const start = Number(url.searchParams.get("continuation-token") ?? 0);
      const page = all.slice(start, start + pageSize);
      const truncated = start + pageSize < all.length;
      entry.status = 200;
      res.writeHead(200, { "content-type": "application/xml" });
      return res.end(
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>${page.map((k) => `<Contents><Key>${xmlEscape(k)}</Key></Contents>`).join("")}${truncated ? `<NextContinuationToken>${start + pageSize}</NextContinuationToken>` : ""}</ListBucketResult>`,
      );
    }
    if (!key) return reply(400, "InvalidRequest");
    if (req.method === "PUT") {
      fake.objects.set(key, {
        data: body,
        contentType: String(req.headers["content-type"] ?? "binary/octet-stream"),
      });
      entry.status = 200;
      return res.writeHead(200).end();
    }
    if (req.method === "GET") {
      const found = fake.objects.get(key);
      if (!found) return reply(404, "NoSuchKey");
      entry.status = 200;
      res.writeHead(200, { "content-type": found.contentType, "content-length": found.data.length });
      return res.end(found.data);
    }
    if (req.method === "DELETE") {
      fake.objects.delete(key);
      entry.status = 204;
      return res.writeHead(204).end();
    }
    return reply(405, "MethodNotAllowed");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
