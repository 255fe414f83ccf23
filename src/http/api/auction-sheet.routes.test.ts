import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";

const app = testApp("2026-11-24");
const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe("GET /api/v1/auction-sheet", () => {
  it("answers with each meaning, its confidence and source ids, and the sources listed once", async () => {
    const { status, body } = await get(
      `/api/v1/auction-sheet?score=4&interior=B&notes=${encodeURIComponent("A2U1 tailgate; C1 sill; AC PS")}`,
    );
    expect(status).toBe(200);
    expect(body.score).toMatchObject({ raw: "4", known: true, repairHistory: false, confidence: "medium" });
    expect(body.interior).toMatchObject({ raw: "B", known: true });
    expect(body.marks.map((m: any) => [m.raw, m.code, m.size, m.where])).toEqual([
      ["A2", "A", 2, "tailgate"],
      ["U1", "U", 1, "tailgate"],
      ["C1", "C", 1, "sill"],
    ]);
    expect(body.equipment.map((e: any) => e.meaning)).toEqual(["air conditioning", "power steering"]);
    expect(body.flags).toEqual(["corrosion C1 on the sheet"]);
    expect(body.truckScale.confidence).toBe("low");
    // What the size digits mean, sourced too (marks with sizes were read).
    expect(body.sizes).toMatchObject({ confidence: "medium", sources: expect.arrayContaining(["jpctrade"]) });
    const ids = new Set(body.sources.map((s: any) => s.id));
    expect(ids.size).toBe(body.sources.length);
    for (const m of body.marks) for (const id of m.sources) expect(ids.has(id)).toBe(true);
    expect(body.sources[0].url).toMatch(/^https?:\/\//);
    expect(body.reviewedOn).toBe("2026-11-25");
  });

  it("marks an unknown value as not known, with no meaning", async () => {
    const { body } = await get("/api/v1/auction-sheet?exterior=Q");
    expect(body.exterior).toEqual({ raw: "Q", known: false, meaning: null, confidence: null, sources: [] });
    expect(body.truckScale).toBeNull();
  });

  it("answers bad input with the error shape and the field", async () => {
    const bad = await get("/api/v1/auction-sheet?interior=ABC");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "invalid_input", field: "interior" });
    const unknown = await get("/api/v1/auction-sheet?grade=4");
    expect(unknown.status).toBe(400);
    const twice = await get("/api/v1/auction-sheet?score=1&score=2");
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(/^score: expected a score such as 3\.5, R or \*\*\*, once$/);
  });

  it("is in the OpenAPI document", async () => {
    const { body } = await get("/api/openapi.json");
    expect(body.paths["/api/v1/auction-sheet"].get.summary).toMatch(/auction sheet/);
    expect(body.components.schemas.AuctionSheetReading).toBeDefined();
  });
});
