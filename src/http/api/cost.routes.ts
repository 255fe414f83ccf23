import { createRoute, z } from "@hono/zod-openapi";
import type { IsoDate } from "../../domain/units/dates.js";
import type { Facts } from "../../facts/schemas.js";
import { costFor } from "../../services/cost.js";
import { costInputSchema, fxRate } from "../../services/inputs.schema.js";
import { createApi, errorSchemaRef } from "./openapi-hono.js";

const sourceSchema = z.looseObject({ title: z.string(), url: z.string().nullable() });
const costSchema = z
  .looseObject({
    customsValueUsd: z.number(),
    dutyUsd: z.number(),
    mpfUsd: z.number(),
    hmfUsd: z.number(),
    federalChargesUsd: z.number(),
    totalUsd: z.number(),
    lines: z.array(
      z.looseObject({
        id: z.string(),
        label: z.string(),
        usd: z.number(),
        estimate: z.boolean(),
        source: z.array(sourceSchema),
      }),
    ),
    notIncluded: z.array(z.looseObject({ id: z.string(), label: z.string(), reason: z.string() })),
    warnings: z.array(z.string()),
  })
  .openapi("LandedCost");

export function costRoutes(facts: Facts, today: () => IsoDate) {
  return createApi().openapi(
    createRoute({
      method: "get",
      path: "/cost",
      summary: "Landed cost of a kei truck from its yen price to a US state, itemized with sources",
      description:
        "Freight, insurance and US-side costs are included only when given; otherwise they are listed under " +
        "notIncluded with a typical range where the data has one. Money in USD with two decimals.",
      // The rate is required unless the site ships a dated default (fx-default.json): say so in the docs.
      request: { query: facts.fxDefault ? costInputSchema : costInputSchema.extend({ fx: fxRate }) },
      responses: {
        200: { description: "Itemized landed cost", content: { "application/json": { schema: costSchema } } },
        400: errorSchemaRef,
        404: errorSchemaRef,
      },
    }),
    (c) => c.json(costFor(facts, c.req.valid("query"), today()), 200),
  );
}
