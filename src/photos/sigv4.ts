// AWS Signature Version 4 for S3-compatible object stores, over node:crypto: enough of the SDK to sign
// PUT, GET, DELETE and list requests without adding it as a dependency (docs/decisions/0024). The steps
// and names follow AWS's "Authenticating Requests (AWS Signature Version 4)"; sigv4.test.ts checks them
// against AWS's published examples.
import { createHash, createHmac } from "node:crypto";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (STS) carry a session token, sent as x-amz-security-token. */
  sessionToken?: string;
}

export interface SignInput {
  method: string;
  url: URL;
  /** Headers to sign besides host and the x-amz-* ones this adds (names in any case). */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body, or "UNSIGNED-PAYLOAD". */
  payloadHash: string;
  region: string;
  service: string;
  credentials: Credentials;
  now: Date;
}

export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 percent-encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ (and "/" in paths). */
export function uriEncode(s: string, keepSlash = false): string {
  let out = "";
  for (const byte of Buffer.from(s, "utf8")) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch) || (keepSlash && ch === "/")) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** 20130524T000000Z */
export const amzDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

function canonicalQuery(url: URL): string {
  const pairs = [...url.searchParams].map(([k, v]) => [uriEncode(k), uriEncode(v)] as const);
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

/** The path as sent, decoded then encoded once per SigV4's S3 rules (S3 does not normalize paths). */
function canonicalPath(url: URL): string {
  return uriEncode(decodeURIComponent(url.pathname), true) || "/";
}

export interface Canonical {
  request: string;
  signedHeaders: string;
}

/** The canonical request over the given headers (host included; names lower-cased, values trimmed). */
export function canonicalRequest(
  method: string,
  url: URL,
  headers: Record<string, string>,
  payloadHash: string,
) {
  const entries = Object.entries(headers)
    .map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, " ")] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = entries.map(([k]) => k).join(";");
  const request = [
    method.toUpperCase(),
    canonicalPath(url),
    canonicalQuery(url),
    `${entries.map(([k, v]) => `${k}:${v}`).join("\n")}\n`,
    signedHeaders,
    payloadHash,
  ].join("\n");
  return { request, signedHeaders };
}

export function stringToSign(now: Date, scope: string, canonical: string): string {
  return ["AWS4-HMAC-SHA256", amzDate(now), scope, sha256Hex(canonical)].join("\n");
}

export function signature(
  secretAccessKey: string,
  now: Date,
  region: string,
  service: string,
  toSign: string,
) {
  const day = amzDate(now).slice(0, 8);
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), service), "aws4_request");
  return createHmac("sha256", key).update(toSign).digest("hex");
}

/**
 * The headers to send: the caller's, plus host, x-amz-date, x-amz-content-sha256 (and the session
 * token), all signed, plus Authorization.
 */
export function signRequest(input: SignInput): Record<string, string> {
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    host: input.url.host,
    "x-amz-date": amzDate(input.now),
    "x-amz-content-sha256": input.payloadHash,
  };
  if (input.credentials.sessionToken) headers["x-amz-security-token"] = input.credentials.sessionToken;
  const { request, signedHeaders } = canonicalRequest(input.method, input.url, headers, input.payloadHash);
  const scope = `${amzDate(input.now).slice(0, 8)}/${input.region}/${input.service}/aws4_request`;
  const sig = signature(
    input.credentials.secretAccessKey,
    input.now,
    input.region,
    input.service,
    stringToSign(input.now, scope, request),
  );
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${input.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${sig}`;
  return headers;
}
