import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/db-harness.js";
import type { IsoDate } from "../../domain/units/dates.js";
import { loadFacts } from "../../facts/load.js";
import { createMemoryStorage } from "../../photos/storage.js";
import { insertSearchFixture } from "../../services/search.fixture.js";
import { apiDocument, createApp } from "../app.js";

const facts = loadFacts();

describeEachEngine("GET /api/v1/listings", (_getDb, engine) => {
  let app: ReturnType<typeof createApp>;
  const get = (query: string) => app.request(`/api/v1/listings${query}`);

  beforeAll(async () => {
    const database = engine.getDatabase();
    await insertSearchFixture(database.db);
    app = createApp({
      facts,
      today: () => "2026-11-24" as IsoDate,
      market: { database, storage: createMemoryStorage(), jpyPerUsd: 150, secureCookies: false },
    });
  });

  it("answers a search with items, total, paging, facets and the delivered-price terms", async () => {
    const res = await get("?q=cary&viewerState=tx&sort=price&pageSize=5");
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({ page: 1, pageSize: 5, sort: "price", viewerState: "TX", legality: null });
    expect(body.total).toBeGreaterThan(5);
    expect(body.items).toHaveLength(5);
    expect(body.items.every((i: { model: string }) => i.model.startsWith("Carry"))).toBe(true);
    expect(Object.keys(body.items[0])).toEqual(
      expect.arrayContaining([
        "id",
        "title",
        "make",
        "model",
        "chassisCode",
        "year",
        "priceUsd",
        "deliveredUsd",
      ]),
    );
    expect(body.facets.make).toEqual([{ value: "Suzuki", count: body.total }]);
    expect(body.deliveredIncludes.length).toBeGreaterThan(0);
  });

  it("explains an empty result where the state does not allow kei trucks on the road", async () => {
    const body = (await (await get("?legalIn=NY")).json()) as Record<string, any>;
    expect(body.total).toBe(0);
    expect(body.legality).toMatchObject({ state: "NY", status: "prohibited", excludesAll: true });
  });

  it.each([
    ["?colour=red", "colour", /unknown parameter: colour/],
    ["?drive=6WD", "drive", /drive/],
    ["?bed=flatbed", "bed", /bed/],
    ["?sort=cheapest", "sort", /sort/],
    ["?location=uk", "location", /location/],
    ["?yearMin=2001&yearMax=1999", "yearMin", /yearMin: must not be after yearMax/],
    ["?priceMinUsd=9000&priceMaxUsd=100", "priceMinUsd", /priceMinUsd/],
    ["?pageSize=1000", "pageSize", /pageSize/],
    ["?page=0", "page", /page/],
    ["?page=501", "page", /page: expected at most 500/],
    ["?yearMin=nineteen", "yearMin", /yearMin: expected a whole number/],
    ["?mileageMaxKm=-5", "mileageMaxKm", /mileageMaxKm: expected at least 0/],
    ["?priceMaxUsd=lots", "priceMaxUsd", /priceMaxUsd: expected an amount in dollars/],
    ["?eligibleOn=2026-02-30", "eligibleOn", /eligibleOn/],
    ["?state=Texas", "state", /state/],
    ["?state=ZZ", "state", /unknown state code/],
    ["?legalIn=ZZ", "legalIn", /unknown state code/],
    ["?viewerState=QQ", "viewerState", /unknown state code/],
    ["?make=Suzuki&make=Honda", "make", /make/],
    [`?q=${"x".repeat(201)}`, "q", /q/],
  ])("refuses %s with a 400 in the error shape", async (query, field, message) => {
    const res = await get(query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
    expect(body.error).toMatchObject({ code: "invalid_input", field });
    expect(body.error.message).toMatch(message);
  });

  it("is described in the OpenAPI document with its parameters", () => {
    const doc = apiDocument(app) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const names = doc.paths["/api/v1/listings"]?.get?.parameters?.map((p) => p.name) ?? [];
    expect(names).toEqual(
      expect.arrayContaining(["q", "make", "legalIn", "viewerState", "sort", "page", "pageSize"]),
    );
  });
});

describeEachEngine("GET /api/v1/listings/{id}", (_getDb, engine) => {
  let app: ReturnType<typeof createApp>;
  const get = async (path: string) => {
    const res = await app.request(`/api/v1/listings/${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  let us: { id: number } | undefined;
  let jp: { id: number } | undefined;

  beforeAll(async () => {
    const database = engine.getDatabase();
    const rows = await insertSearchFixture(database.db);
    us = rows.find((r) => r.location === "us" && r.status === "active");
    jp = rows.find((r) => r.location === "jp" && r.status === "active");
    app = createApp({
      facts,
      today: () => "2026-11-24" as IsoDate,
      market: { database, storage: createMemoryStorage(), jpyPerUsd: 150, secureCookies: false },
    });
  });

  it("answers a US listing with its public fields and, for a state, its legality and delivered price", async () => {
    const { status, body } = await get(`${us!.id}?viewerState=TX`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: us!.id, url: `/trucks/${us!.id}`, location: "us", viewerState: "TX" });
    expect(typeof body.priceUsd).toBe("number");
    expect(body.legality.status).toEqual(expect.any(String));
    expect(body.delivered.kind).toBe("us");
    expect(body.seller.displayName).toEqual(expect.any(String));
    // The document describes every field the answer has.
    const doc = (await (await app.request("/api/openapi.json")).json()) as Record<string, any>;
    const described = Object.keys(doc.components.schemas.Listing.properties);
    expect(Object.keys(body).filter((k) => !described.includes(k))).toEqual([]);
    // Internal columns stay inside.
    for (const k of ["sellerId", "views", "searchText", "soldToId"]) expect(body).not.toHaveProperty(k);
    const plain = await get(String(us!.id));
    expect(plain.body.legality).toBeNull();
    expect(plain.body.delivered).toBeNull();
  });

  it("answers a Japan listing with its eligibility and landed cost at the site's rate", async () => {
    const { body } = await get(String(jp!.id));
    expect(body.location).toBe("jp");
    expect(body.eligibility.verdict).toMatch(/importable|needs_evidence|not_importable/);
    expect(body.delivered.kind).toBe("jp");
    expect(body.delivered.totalUsd).toBeGreaterThan(0);
  });

  it("answers an unknown listing 404 and bad input 400, in the error shape", async () => {
    expect((await get("999999")).body.error.code).toBe("not_found");
    expect((await get("999999")).status).toBe(404);
    expect((await get(`${us!.id}?viewerState=ZZ`)).status).toBe(400);
    expect((await get(`${us!.id}?viewerState=ZZ`)).body.error.field).toBe("viewerState");
    expect((await get(`${us!.id}?colour=red`)).status).toBe(400);
    expect((await get("abc")).status).toBe(400);
    expect((await get("abc")).body.error.message).toBe("id: expected an id: a whole number");
  });
});
