import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";

const app = testApp("2026-11-24");
const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe("GET /api/v1/haul", () => {
  it("answers with the plan: weights in lb and kg, fit statuses, trips and sourced lines", async () => {
    const { status, body } = await get(
      "/api/v1/haul?code=DA16T&wood=firewood-red-oak&woodCond=seasoned&woodAmt=1&woodUnit=face_cord",
    );
    expect(status).toBe(200);
    expect(body.truck).toMatchObject({ chassisCode: "DA16T", payloadKg: 350, bed: { sideHeightMm: 290 } });
    expect(body.totalLb).toEqual({ min: 1048, typical: 1113.3, max: 1176 });
    expect(body.payload).toEqual({ status: "exceeds", payloadKg: 350 });
    expect(body.volume).toMatchObject({ status: "exceeds", loadFt3: 42.7, heightFrom: "side" });
    expect(body.trips).toEqual({ typical: 2, max: 2, byWeight: 2, byVolume: 2 });
    expect(body.lines[0].sources[0].url).toMatch(/^https:\/\/extension\.usu\.edu/);
    expect(body.lines[0].confidence).toBe("medium");
  });

  it("keeps an unknown bed as a status with its reason", async () => {
    const { body } = await get("/api/v1/haul?code=DA71T&hay=hay-2-string&hayN=5");
    expect(body.volume).toEqual({
      status: "unknown",
      reason: "bed dimensions of the DA71T are not in our data",
    });
    expect(body.payload.status).toBe("fits");
  });

  it("answers bad input with the error shape and the field", async () => {
    const bad = await get("/api/v1/haul?hay=hay-2-string&hayN=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_input", field: "hayN" });
    const empty = await get("/api/v1/haul");
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/add something to carry/);
  });

  it("is in the OpenAPI document", async () => {
    const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/api/v1/haul");
  });
});
