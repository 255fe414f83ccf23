// /api/v1/decode and /api/v1/eligibility: the same use cases as `keiyard decode` and `keiyard eligibility`.
import { createRoute, z } from "@hono/zod-openapi";
import type { IsoDate } from "../../domain/units/dates.js";
import type { Facts } from "../../facts/schemas.js";
import { decodeFor } from "../../services/decode.js";
import { eligibilityFor } from "../../services/eligibility.js";
import { eligibilityInputSchema, frameInputString } from "../../services/inputs.schema.js";
import { createApi, errorSchemaRef } from "./openapi-hono.js";

const sourceSchema = z.looseObject({ title: z.string(), url: z.string().nullable() });

const decodedSchema = z
  .looseObject({
    chassisCode: z.string(),
    serial: z.string().nullable(),
    make: z.string(),
    model: z.string(),
    generation: z.looseObject({ label: z.string(), number: z.number().nullable() }),
    drive: z.enum(["2WD", "4WD", "both"]).nullable(),
    engineCodes: z.array(z.string()),
    displacementCc: z.number().nullable(),
    productionStart: z.string().nullable(),
    productionEnd: z.string().nullable(),
    inProduction: z.boolean(),
    rebadgeOf: z.string().nullable(),
    confidence: z.enum(["high", "medium", "low"]),
    sources: z.array(sourceSchema),
  })
  .openapi("DecodedFrame");

const eligibilitySchema = z
  .looseObject({
    verdict: z.enum(["importable", "not_importable", "needs_evidence"]),
    fmvss: z.looseObject({
      status: z.enum(["eligible", "not_yet", "needs_evidence"]),
      eligibleFrom: z.string().nullable(),
      commonPracticeFrom: z.string().nullable(),
      daysRemaining: z.number().nullable(),
      evidence: z.looseObject({ kind: z.string() }),
    }),
    epa: z.looseObject({ ageYears: z.number().nullable(), codeE: z.boolean().nullable() }),
    section232: z.looseObject({ ageExcluded: z.boolean().nullable() }),
    model: z
      .looseObject({
        status: z.enum(["all", "some", "none", "unknown"]),
        firstEligible: z.string().nullable(),
        lastEligible: z.string().nullable(),
      })
      .nullable(),
    warnings: z.array(z.string()),
    sources: z.array(sourceSchema),
  })
  .openapi("Eligibility");

export function knowledgeRoutes(facts: Facts, today: () => IsoDate) {
  return createApi()
    .openapi(
      createRoute({
        method: "get",
        path: "/decode/{input}",
        summary: "Decode a frame number or chassis code (exact code match only)",
        // A copy: zod gives .openapi() only to schemas made after @hono/zod-openapi is loaded, and the
        // shared input schemas may be made before it (the CLI loads them without it).
        request: {
          params: z.object({ input: frameInputString.clone().openapi({ example: "DA63T-123456" }) }),
        },
        responses: {
          200: {
            description: "The catalog record",
            content: { "application/json": { schema: decodedSchema } },
          },
          400: errorSchemaRef,
          404: { ...errorSchemaRef, description: "unknown_chassis_code, with suggestions" },
        },
      }),
      (c) => c.json(decodeFor(facts, c.req.valid("param").input), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/eligibility",
        summary: "Import eligibility on an entry date: FMVSS 25-year rule, EPA code E, Section 232, duty",
        request: { query: eligibilityInputSchema },
        responses: {
          200: {
            description: "The answer with its reasoning",
            content: { "application/json": { schema: eligibilitySchema } },
          },
          400: errorSchemaRef,
          404: errorSchemaRef,
        },
      }),
      (c) => c.json(eligibilityFor(facts, c.req.valid("query"), today()), 200),
    );
}
