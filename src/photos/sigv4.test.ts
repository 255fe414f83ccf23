// The signer against AWS's own published examples: the S3 examples of "Signature Calculations for the
// Authorization Header" (GET object with a range, PUT object, GET lifecycle, list objects; example
// credentials, 2013-05-24) and get-vanilla from the Signature Version 4 test suite.
import { describe, expect, it } from "vitest";
import {
  amzDate,
  canonicalRequest,
  EMPTY_SHA256,
  sha256Hex,
  signature,
  signRequest,
  stringToSign,
  uriEncode,
} from "./sigv4.js";

const credentials = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};
const now = new Date("2013-05-24T00:00:00Z");
const s3 = (method: string, url: string, headers: Record<string, string> = {}, body = "") =>
  signRequest({
    method,
    url: new URL(url),
    headers,
    payloadHash: body ? sha256Hex(body) : EMPTY_SHA256,
    region: "us-east-1",
    service: "s3",
    credentials,
    now,
  });
const sig = (h: Record<string, string>) => /Signature=([0-9a-f]{64})$/.exec(h.authorization ?? "")?.[1];

describe("SigV4 signing (AWS's published examples)", () => {
  it("GET object with a Range header", () => {
    const headers = s3("GET", "https://examplebucket.s3.amazonaws.com/test.txt", { range: "bytes=0-9" });
    const { request } = canonicalRequest(
      "GET",
      new URL("https://examplebucket.s3.amazonaws.com/test.txt"),
      {
        host: "examplebucket.s3.amazonaws.com",
        range: "bytes=0-9",
        "x-amz-content-sha256": EMPTY_SHA256,
        "x-amz-date": "20130524T000000Z",
      },
      EMPTY_SHA256,
    );
    expect(stringToSign(now, "20130524/us-east-1/s3/aws4_request", request).split("\n").at(-1)).toBe(
      "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
    );
    expect(headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("PUT object (a key with $, a Date and a storage-class header, a body)", () => {
    const headers = s3(
      "PUT",
      "https://examplebucket.s3.amazonaws.com/test$file.text",
      { date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
      "Welcome to Amazon S3.",
    );
    expect(headers["x-amz-content-sha256"]).toBe(
      "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
    );
    expect(sig(headers)).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("GET bucket lifecycle (a query parameter without a value)", () => {
    expect(sig(s3("GET", "https://examplebucket.s3.amazonaws.com/?lifecycle"))).toBe(
      "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543",
    );
  });

  it("list objects (query parameters, sorted)", () => {
    expect(sig(s3("GET", "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J"))).toBe(
      "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7",
    );
  });

  it("get-vanilla of the SigV4 test suite (another service, another date)", () => {
    const at = new Date("2015-08-30T12:36:00Z");
    const { request } = canonicalRequest(
      "GET",
      new URL("https://example.amazonaws.com/"),
      { host: "example.amazonaws.com", "x-amz-date": amzDate(at) },
      EMPTY_SHA256,
    );
    const toSign = stringToSign(at, "20150830/us-east-1/service/aws4_request", request);
    expect(signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", at, "us-east-1", "service", toSign)).toBe(
      "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });

  it("encodes as RFC 3986 wants: unreserved characters kept, UTF-8 bytes escaped, slashes only in paths", () => {
    expect(uriEncode("a-b_c.d~e f/g+h*é")).toBe("a-b_c.d~e%20f%2Fg%2Bh%2A%C3%A9");
    expect(uriEncode("listings/12/a.jpg", true)).toBe("listings/12/a.jpg");
  });

  it("sends a session token, signed, with temporary credentials", () => {
    const headers = signRequest({
      method: "GET",
      url: new URL("https://s3.example/b/k"),
      payloadHash: EMPTY_SHA256,
      region: "us-east-1",
      service: "s3",
      credentials: { ...credentials, sessionToken: "token/123" },
      now,
    });
    expect(headers["x-amz-security-token"]).toBe("token/123");
    expect(headers.authorization).toMatch(
      /SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/,
    );
  });
});
