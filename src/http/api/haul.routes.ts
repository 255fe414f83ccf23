import { createRoute, z } from "@hono/zod-openapi";
import type { Facts } from "../../facts/schemas.js";
import { presentHaulPlan } from "../../present/haul.present.js";
import { haulFor } from "../../services/haul.js";
import { haulQuerySchema } from "../../services/haul.schema.js";
import { createApi, errorSchemaRef } from "./openapi-hono.js";

const range = z.object({ min: z.number(), typical: z.number(), max: z.number() });
const planSchema = z
  .looseObject({
    truck: z.looseObject({ chassisCode: z.string(), payloadKg: z.number().nullable() }),
    totalLb: range,
    totalKg: range,
    payload: z.looseObject({ status: z.enum(["fits", "may_exceed", "exceeds", "unknown"]) }),
    volume: z.looseObject({ status: z.enum(["fits", "exceeds", "unknown"]) }),
    trips: z
      .object({ typical: z.number(), max: z.number(), byWeight: z.number(), byVolume: z.number().nullable() })
      .nullable(),
    lines: z.array(
      z.looseObject({
        kind: z.string(),
        label: z.string(),
        totalLb: range,
        confidence: z.string(),
        sources: z.array(z.object({ title: z.string(), url: z.string().nullable() })),
      }),
    ),
    cannotCarry: z.array(z.looseObject({ label: z.string(), reason: z.string() })),
    overhangs: z.array(z.looseObject({ label: z.string(), byMm: z.number() })),
    notes: z.array(z.string()),
  })
  .openapi("HaulPlan");

export function haulRoutes(facts: Facts) {
  return createApi().openapi(
    createRoute({
      method: "get",
      path: "/haul",
      summary: "Does a load fit a kei truck's payload and bed, and in how many trips?",
      description:
        "The same query as the /haul page: a chassis code (default DA16T), firewood (wood, woodCond, woodAmt, " +
        "woodUnit), hay (hay, hayN), bulk material (bulk, bulkYd), sheets (sheet, sheetN) and up to three custom " +
        "items (cNname, cNweight, cNunit, cNqty, cNlen/cNwid/cNhgt in inches). Weights are ranges from sourced " +
        "facts; the volume check is 'unknown' where the catalog has no bed size.",
      request: { query: haulQuerySchema(facts) },
      responses: {
        200: { description: "The haul plan", content: { "application/json": { schema: planSchema } } },
        400: errorSchemaRef,
      },
    }),
    (c) => c.json(presentHaulPlan(haulFor(facts, c.req.valid("query"))), 200),
  );
}
