import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";

const app = testApp("2026-11-24");

describe("GET /api/v1/states", () => {
  it("lists all 51 jurisdictions", async () => {
    const res = await app.request("/api/v1/states");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { code: string }[];
    expect(body).toHaveLength(51);
    expect(body.map((s) => s.code)).toContain("DC");
  });

  it("answers for the date asked, applying dated changes", async () => {
    const before = (await (await app.request("/api/v1/states/co?on=2027-12-31")).json()) as {
      status: string;
    };
    const after = (await (await app.request("/api/v1/states/CO?on=2028-01-01")).json()) as {
      status: string;
      maxRoadSpeedMph: number;
    };
    expect(before.status).toBe("prohibited");
    expect(after).toMatchObject({ status: "restricted", maxRoadSpeedMph: 55 });
  });

  it("uses the server's today when no date is given", async () => {
    const body = (await (await app.request("/api/v1/states/TX")).json()) as {
      on: string;
      disclaimer: string;
    };
    expect(body.on).toBe("2026-11-24");
    expect(body.disclaimer).toMatch(/Not legal advice/);
  });

  it.each([
    ["/api/v1/states/ZZ", 404, "unknown_state", "code"],
    ["/api/v1/states/TEX", 400, "invalid_input", "code"],
    ["/api/v1/states?on=2026-02-30", 400, "invalid_input", "on"],
    ["/api/v1/states/TX?color=red", 400, "invalid_input", "color"],
  ])("%s answers %i %s", async (url, status, code, field) => {
    const res = await app.request(url);
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ error: { code, field } });
  });
});
