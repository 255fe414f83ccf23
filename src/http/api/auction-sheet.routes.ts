// /api/v1/auction-sheet: the same reading as the /auction-sheet page and `keiyard sheet`.
import { createRoute, z } from "@hono/zod-openapi";
import type { Facts } from "../../facts/schemas.js";
import { auctionSheetFor } from "../../services/auction-sheet.js";
import { auctionSheetQuerySchema } from "../../services/auction-sheet.schema.js";
import { createApi, errorSchemaRef } from "./openapi-hono.js";

const confidence = z.enum(["high", "medium", "low"]);
const meaning = { meaning: z.string(), confidence, sources: z.array(z.string()) };
const knownValue = z
  .looseObject({
    raw: z.string(),
    known: z.boolean(),
    meaning: z.string().nullable(),
    confidence: confidence.nullable(),
    sources: z.array(z.string()),
  })
  .nullable();

const readingSchema = z
  .looseObject({
    score: knownValue,
    interior: knownValue,
    exterior: knownValue,
    marks: z.array(
      z.looseObject({
        raw: z.string(),
        code: z.string(),
        size: z.number().nullable(),
        where: z.string().nullable(),
        ...meaning,
      }),
    ),
    equipment: z.array(z.looseObject({ raw: z.string(), ...meaning })),
    phrases: z.array(
      z.looseObject({ raw: z.string(), ...meaning }).extend({
        none: z.boolean().openapi({ description: "The sheet says there is none of it (修復歴なし)" }),
      }),
    ),
    unread: z.array(z.string()),
    flags: z.array(z.string()),
    truckScale: z.looseObject({ text: z.string(), confidence, sources: z.array(z.string()) }).nullable(),
    sizes: z.looseObject({ text: z.string(), confidence, sources: z.array(z.string()) }),
    sources: z.array(
      z.object({ id: z.string(), title: z.string(), url: z.string(), date: z.string().nullable() }),
    ),
    reviewedOn: z.string(),
    caveat: z.string(),
  })
  .openapi("AuctionSheetReading");

export function auctionSheetRoutes(facts: Facts) {
  return createApi().openapi(
    createRoute({
      method: "get",
      path: "/auction-sheet",
      summary: "What the codes on a Japanese auction sheet mean",
      description:
        "Reads the overall score, the interior and exterior letters, and the damage codes (A1, U2, S2, XX; " +
        "combined codes such as A2U1 are split), equipment codes and inspector phrases found in `notes`, " +
        "with where each mark is (the words written beside it). Every meaning carries its confidence and the " +
        "ids of its sources, listed in `sources`; a value the fact data does not know has `known: false`, and " +
        "code-like tokens it cannot read are listed in `unread`. `flags` are the red flags `keiyard lots` " +
        "raises for the same score and notes.",
      request: { query: auctionSheetQuerySchema() },
      responses: {
        200: { description: "The reading", content: { "application/json": { schema: readingSchema } } },
        400: errorSchemaRef,
      },
    }),
    (c) => c.json(auctionSheetFor(facts, c.req.valid("query")), 200),
  );
}
