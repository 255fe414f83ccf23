import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";

const app = testApp("2026-11-24");
const get = async (url: string) => {
  const res = await app.request(url);
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe("GET /api/v1/decode/{input}", () => {
  it.each(["DA63T-123456", "da63t%20123456", "DA63T123456", "EBD-DA63T-123456"])(
    "decodes %s",
    async (input) => {
      const { status, body } = await get(`/api/v1/decode/${input}`);
      expect(status).toBe(200);
      expect(body).toMatchObject({ chassisCode: "DA63T", serial: "123456", make: "Suzuki", buildDate: null });
      for (const k of [
        "model",
        "generation",
        "drive",
        "engineCodes",
        "displacementCc",
        "productionStart",
        "productionEnd",
        "inProduction",
        "rebadgeOf",
        "confidence",
        "sources",
      ])
        expect(body).toHaveProperty(k);
    },
  );

  it("gives US units next to metric ones", async () => {
    const { body } = await get("/api/v1/decode/HA4");
    expect(body.specs).toMatchObject({ payloadKg: 350, payloadLb: 772 });
  });

  it("never guesses: S21-123 is unknown, with suggestions kept apart", async () => {
    const { status, body } = await get("/api/v1/decode/S21-123");
    expect(status).toBe(404);
    expect(body.error.code).toBe("unknown_chassis_code");
    expect(body.error.suggestions).toContain("S211P");
    expect(body).not.toHaveProperty("chassisCode");
  });

  it("rejects garbage with a 400", async () => {
    const { status, body } = await get("/api/v1/decode/%3Cscript%3E");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_input");
  });
});

describe("GET /api/v1/eligibility", () => {
  it("answers for a build month with both dates", async () => {
    const { status, body } = await get("/api/v1/eligibility?built=2001-09&on=2026-12-15");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      verdict: "importable",
      fmvss: {
        status: "eligible",
        eligibleFrom: "2026-09-30",
        commonPracticeFrom: "2026-09-01",
        daysRemaining: 0,
      },
      epa: { codeE: true },
      section232: { ageExcluded: true },
    });
  });

  it("a first-registration month that falls short asks for evidence, never says no", async () => {
    const { body } = await get("/api/v1/eligibility?firstRegistered=2002-03&on=2026-12-15");
    expect(body.verdict).toBe("needs_evidence");
    expect(body.fmvss.status).toBe("needs_evidence");
  });

  it("for a frame number alone, reports the model-level status", async () => {
    const { body } = await get("/api/v1/eligibility?frame=DA52T-123456&on=2025-06-01");
    expect(body.verdict).toBe("needs_evidence");
    expect(body.model).toMatchObject({
      status: "some",
      firstEligible: "2024-01-01",
      lastEligible: "2026-09-30",
    });
    expect(body.warnings.join(" ")).toMatch(/give this truck's build month/);
  });

  it("a code whose whole window is 25+ is importable on the frame number alone", async () => {
    const { body } = await get("/api/v1/eligibility?frame=DA71T&on=2026-11-24");
    expect(body.model.status).toBe("all");
    expect(body.verdict).toBe("importable");
  });

  it("works out the calendar-year tests from the model's last production year on a frame number alone", async () => {
    // The HA4 Acty was built until 1999-05: every one is 21+ calendar years old for EPA code E in 2026.
    const { body } = await get("/api/v1/eligibility?frame=HA4-1234567&on=2026-11-24");
    expect(body.epa.codeE).toBe(true);
    expect(body.epa.productionYearIsUpperBound).toBe(true);
    expect(body.epa.note).toMatch(/every HA4 was built by 1999/);
    expect(body.section232.ageExcluded).toBe(true);
  });

  it("uses today when no entry date is given", async () => {
    const { body } = await get("/api/v1/eligibility?built=2001-12");
    expect(body.entryDate).toBe("2026-11-24");
    expect(body.fmvss.status).toBe("not_yet");
    expect(body.fmvss.daysRemaining).toBe(37);
  });

  it.each([
    ["/api/v1/eligibility", "built"],
    ["/api/v1/eligibility?built=2001-13", "built"],
    ["/api/v1/eligibility?built=2001-09&firstRegistered=2001-10", "firstRegistered"],
    ["/api/v1/eligibility?built=2001-09&on=tomorrow", "on"],
    ["/api/v1/eligibility?built=2001-09&colour=red", "colour"],
  ])("%s is a 400 naming %s", async (url, field) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "invalid_input", field });
  });
});

describe("GET /api/v1/cost", () => {
  it("prices an import with the documented shape", async () => {
    const { status, body } = await get(
      "/api/v1/cost?priceJpy=400000&fx=150&entry=2026-12-15&built=1999&to=tx",
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      customsValueUsd: 2666.67,
      dutyUsd: 666.67,
      mpfUsd: 33.58,
      hmfUsd: 3.33,
      federalChargesUsd: 703.58,
    });
    expect(body.lines.every((l: { source: unknown[] }) => l.source.length > 0)).toBe(true);
  });

  it("a kei van pays 2.5%, a truck 25%", async () => {
    const van = await get("/api/v1/cost?priceJpy=300000&fx=150&entry=2026-12-15&built=1995&hts=8703.21.0150");
    const truck = await get("/api/v1/cost?priceJpy=300000&fx=150&entry=2026-12-15&built=1995");
    expect(van.body.dutyUsd).toBe(50);
    expect(truck.body.dutyUsd).toBe(500);
  });

  it("lists costs not given as not included, never as zero", async () => {
    const { body } = await get("/api/v1/cost?priceJpy=400000&fx=150");
    const ids = body.notIncluded.map((n: { id: string }) => n.id);
    expect(ids.join(" ")).toMatch(/freight/);
    expect(body.lines.map((l: { id: string }) => l.id).join(" ")).not.toMatch(/freight/);
  });

  it.each([
    ["/api/v1/cost?fx=150", 400, "priceJpy"],
    ["/api/v1/cost?priceJpy=400000", 400, "fx"],
    // The engine's own checks name the query parameter too.
    ["/api/v1/cost?priceJpy=400000&fx=150&to=ZZ", 404, "to"],
    ["/api/v1/cost?priceJpy=400000&fx=150&entry=2026-12-15&built=2027", 400, "built"],
    ["/api/v1/cost?priceJpy=400000&fx=150&hts=9999.99", 400, "hts"],
    ["/api/v1/cost?priceJpy=1.5&fx=150", 400, "priceJpy"],
  ])("%s answers %i", async (url, status, field) => {
    const res = await get(url);
    expect(res.status).toBe(status);
    if (field) expect(res.body.error.field).toBe(field);
  });
});

describe("the OpenAPI document", () => {
  it("describes every route of the API", async () => {
    const { body } = await get("/api/openapi.json");
    expect(Object.keys(body.paths).sort()).toEqual([
      "/api/v1/auction-sheet",
      "/api/v1/cost",
      "/api/v1/decode/{input}",
      "/api/v1/eligibility",
      "/api/v1/haul",
      "/api/v1/states",
      "/api/v1/states/{code}",
    ]);
    const params = body.paths["/api/v1/cost"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["priceJpy", "fx", "entry", "to", "hts", "freightUsd"]));
    // No dated default rate ships, so the rate is required, and the document says so.
    const fx = body.paths["/api/v1/cost"].get.parameters.find((p: { name: string }) => p.name === "fx");
    expect(fx.required).toBe(true);
  });
});

describe("the API reference page", () => {
  it("says what each parameter accepts, from the schema that validates it", async () => {
    const { accepts } = await import("../../web/pages/api-docs.js");
    expect(accepts({ type: "integer", minimum: 1, maximum: 3000 })).toBe("whole number from 1 to 3000");
    expect(accepts({ type: "integer", minimum: 1950, maximum: 2100 })).toBe("whole number from 1950 to 2100");
    expect(accepts({ type: "integer", minimum: 0, maximum: 2_000_000 })).toBe(
      "whole number from 0 to 2,000,000",
    );
    expect(
      accepts({ type: "number", minimum: 10, exclusiveMinimum: true, maximum: 1000, exclusiveMaximum: true }),
    ).toBe("number above 10 below 1000");
    expect(accepts({ type: "string", enum: ["2WD", "4WD"] })).toBe("one of 2WD, 4WD");
    expect(accepts({ type: "string", pattern: "^\\d{5}$" })).toBe("5-digit ZIP code");
    expect(accepts({ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" })).toBe("date YYYY-MM-DD");
    expect(accepts({ type: "string", pattern: "^[a-z]+$" })).toBe("text matching ^[a-z]+$");
    expect(accepts({ type: "string", maxLength: 200 })).toBe("text, up to 200 characters");
    expect(accepts({ type: "integer", minimum: 1, maximum: 500, default: 1 })).toBe(
      "whole number from 1 to 500 (default 1)",
    );
    const page = await (await app.request("/api/docs")).text();
    expect(page).toMatch(
      /<code>priceJpy<\/code><\/td><td>query<\/td><td>yes<\/td><td>whole number from 1 to 1,000,000,000/,
    );
  });
});

describe("pages", () => {
  it("serves the home page and the API reference as HTML", async () => {
    for (const url of ["/", "/api/docs"]) {
      const res = await app.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(await res.text()).toMatch(/keiyard/);
    }
  });
  it("serves the site's icon, which every page names", async () => {
    for (const url of ["/favicon.svg", "/favicon.ico"]) {
      const res = await app.request(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml");
      expect(await res.text()).toMatch(/^<svg [^>]*viewBox="0 0 32 32"/);
    }
    expect(await (await app.request("/")).text()).toMatch(
      /<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"\/?>/,
    );
  });
  it("sends the plain forms to the API", async () => {
    const res = await app.request("/decode?input=HA4-2123456");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/api/v1/decode/HA4-2123456");
  });
});
