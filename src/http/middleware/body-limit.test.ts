// Body limits through the real app: an oversized form or upload is refused with 413 before it is read
// whole, whether it says its length up front or streams it chunked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMarket, type Market, ORIGIN } from "../../../test/market.js";
import { FORM_BODY_LIMIT, UPLOAD_BODY_LIMIT } from "./body-limit.js";

describe("request body limits", () => {
  let market: Market;
  beforeAll(async () => {
    market = await createMarket();
  }, 60_000);
  afterAll(async () => market?.dispose());

  const post = (
    path: string,
    body: string | Uint8Array | ReadableStream<Uint8Array>,
    headers: Record<string, string> = {},
  ) =>
    market.app.request(`${ORIGIN}${path}`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", ...headers },
      body,
      // A stream needs this in Node's fetch: the body is sent as it is produced.
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);

  it("refuses a form over 1 MiB with 413 and says so", async () => {
    const big = `email=a%40b.co&password=${"x".repeat(FORM_BODY_LIMIT)}`;
    const res = await post("/login", big, { "content-length": String(big.length), accept: "text/html" });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/larger than 1 MiB/);
    expect((await post("/login", "email=a%40b.co&password=wrong-password")).status).toBe(401);
  });

  it("counts a chunked body as it streams, with no length given", async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x61);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await post("/signup", stream);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    expect(sent).toBeLessThanOrEqual(6); // stopped reading soon after the limit
  });

  it("lets a photo upload be larger than a form, up to 64 MiB", async () => {
    const size = 2 * 1024 * 1024;
    const headers = { "content-type": "multipart/form-data; boundary=x", "content-length": String(size) };
    // Over the form limit, under the upload limit: it reaches the route, which reads it (and finds no
    // photo in these zeros).
    const res = await post("/trucks/1/photos", new Uint8Array(size), headers);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/could not be read/);
    const huge = { ...headers, "content-length": String(UPLOAD_BODY_LIMIT + 1) };
    expect((await post("/trucks/1/photos", new Uint8Array(16), huge)).status).toBe(413);
  });
});
