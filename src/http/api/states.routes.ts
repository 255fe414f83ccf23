import { createRoute, z } from "@hono/zod-openapi";
import type { IsoDate } from "../../domain/units/dates.js";
import type { Facts } from "../../facts/schemas.js";
import { isoDateString, stateCodeString } from "../../services/inputs.schema.js";
import { legalityFor, legalityForAll } from "../../services/legality.js";
import { createApi, errorSchemaRef } from "./openapi-hono.js";

const stateSchema = z.looseObject({
  code: z.string(),
  name: z.string(),
  status: z.enum(["street_legal", "restricted", "offroad_only", "prohibited", "unclear"]),
  maxRoadSpeedMph: z.number().nullable(),
  requirements: z.array(z.string()),
  statute: z.string().nullable(),
  summary: z.string(),
  sources: z.array(z.looseObject({ title: z.string(), url: z.string().nullable() })),
  confidence: z.enum(["high", "medium", "low"]),
  lastReviewed: z.string(),
});

const onQuery = z.object({ on: isoDateString.optional() }).strict();

export function statesRoutes(facts: Facts, today: () => IsoDate) {
  return createApi()
    .openapi(
      createRoute({
        method: "get",
        path: "/states",
        summary: "Street legality of kei trucks in all 50 states and DC on a date",
        request: { query: onQuery },
        responses: {
          200: {
            description: "51 records",
            content: { "application/json": { schema: z.array(stateSchema) } },
          },
          400: errorSchemaRef,
        },
      }),
      (c) => c.json(legalityForAll(facts, (c.req.valid("query").on ?? today()) as IsoDate), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/states/{code}",
        summary: "Street legality of kei trucks in one state on a date",
        request: { params: z.object({ code: stateCodeString }), query: onQuery },
        responses: {
          200: {
            description: "The state record as of the date",
            content: { "application/json": { schema: stateSchema } },
          },
          400: errorSchemaRef,
          404: errorSchemaRef,
        },
      }),
      (c) => {
        const { code } = c.req.valid("param");
        const on = (c.req.valid("query").on ?? today()) as IsoDate;
        return c.json(legalityFor(facts, code, on), 200);
      },
    );
}
