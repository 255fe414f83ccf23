// GET /api/v1/listings: listing search with facet counts, the same use case as the /trucks page.
import { createRoute, z } from "@hono/zod-openapi";
import type { Database } from "../../db/client.js";
import { BED_TYPES, DRIVES, LOCATIONS, TRANSMISSIONS } from "../../domain/listings/types.js";
import type { IsoDate } from "../../domain/units/dates.js";
import type { Facts } from "../../facts/schemas.js";
import { presentListingDetail } from "../../present/listing.present.js";
import { AppError } from "../../services/app-error.js";
import { idParam, stateCodeString } from "../../services/inputs.schema.js";
import { getListingView } from "../../services/listing-view.js";
import { searchListings } from "../../services/search.js";
import { SEARCH_SORTS, searchQuerySchema } from "../../services/search.schema.js";
import { createApi, errorSchemaRef } from "./openapi-hono.js";

export interface ListingsRoutesDeps {
  database: Database;
  facts: Facts;
  today: () => IsoDate;
  /** The site's yen rate, for the taxable base of Japan listings. */
  jpyPerUsd: number;
}

const facetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));

const itemSchema = z
  .looseObject({
    id: z.number().int(),
    title: z.string(),
    make: z.string(),
    model: z.string(),
    chassisCode: z.string().nullable(),
    generation: z.string().nullable(),
    year: z.number().int().nullable(),
    drive: z.enum(DRIVES).nullable(),
    transmission: z.enum(TRANSMISSIONS).nullable(),
    bedType: z.enum(BED_TYPES),
    mileageKm: z.number().int().nullable(),
    mileageMi: z.number().int().nullable(),
    location: z.enum(LOCATIONS),
    usState: z.string().nullable(),
    jpPort: z.string().nullable(),
    priceUsd: z.number().nullable().openapi({ description: "US asking price, or landed price for Japan" }),
    priceJpy: z.number().int().nullable(),
    deliveredUsd: z.number().nullable().openapi({ description: "priceUsd plus the viewer state's charges" }),
    eligibleFrom: z.string().nullable(),
    dealRating: z.string().nullable(),
    fairPriceUsd: z.number().nullable(),
    isDemo: z.boolean(),
    daysOnMarket: z.number().int(),
    priceDropPercent: z.number().nullable(),
    priceChangedAt: z.string().nullable(),
    createdAt: z.string(),
    photo: z.string().nullable().openapi({ description: "Storage key of the first photo" }),
    distanceMi: z.number().int().nullable().openapi({
      description: "Miles from `near` in a straight line between ZIP centres; null without `near`",
    }),
  })
  .openapi("ListingSummary");

const resultSchema = z
  .looseObject({
    items: z.array(itemSchema),
    total: z.number().int().openapi({
      description: "Listings matching; an estimate to two significant digits when countsEstimated",
    }),
    countsEstimated: z.boolean().openapi({
      description:
        "True when total and the facet counts are estimated from a sample of listings (a search matching " +
        "more than 1,000 on a big marketplace); the items and their order are always exact",
    }),
    page: z.number().int(),
    pageSize: z.number().int(),
    sort: z.enum(SEARCH_SORTS),
    facets: z.looseObject({
      make: facetValues,
      model: facetValues,
      drive: facetValues,
      bed: facetValues,
      transmission: facetValues,
      location: facetValues,
      state: facetValues,
      year: facetValues,
      deal: facetValues,
    }),
    viewerState: z.string().nullable(),
    deliveredIncludes: z.array(z.string()),
    deliveredExcludes: z.array(z.string()),
    deliveredNote: z.string(),
    legality: z
      .looseObject({
        state: z.string(),
        status: z.enum(["street_legal", "restricted", "offroad_only", "prohibited", "unclear"]),
        summary: z.string(),
        restrictions: z.array(z.string()),
        excludesAll: z.boolean(),
      })
      .nullable(),
    near: z
      .looseObject({
        zip: z.string(),
        approximate: z.boolean().openapi({
          description: "The ZIP has no Census ZIP area of its own and was placed by its first three digits",
        }),
        withinMiles: z.number().int(),
        note: z.string(),
        source: z.looseObject({ title: z.string(), url: z.string(), date: z.string() }),
      })
      .nullable(),
  })
  .openapi("ListingSearch");

const detailSchema = z
  .looseObject({
    id: z.number().int(),
    url: z.string(),
    status: z.enum(["active", "sold", "withdrawn"]),
    location: z.enum(LOCATIONS),
    title: z.string(),
    frameNumber: z.string().nullable(),
    chassisCode: z.string().nullable(),
    make: z.string(),
    model: z.string(),
    generation: z.string().nullable(),
    drive: z.enum(DRIVES).nullable(),
    engineCode: z.string().nullable(),
    displacementCc: z.number().int().nullable(),
    buildMonth: z.string().nullable().openapi({ description: "YYYY-MM, as ageEvidence says it is known" }),
    ageEvidence: z.string(),
    year: z.number().int().nullable(),
    mileageKm: z.number().int().nullable(),
    mileageMi: z.number().int().nullable(),
    transmission: z.enum(TRANSMISSIONS).nullable(),
    bedType: z.enum(BED_TYPES),
    highLowRange: z.boolean(),
    diffLock: z.boolean(),
    condition: z.string().nullable(),
    auctionGrade: z
      .string()
      .nullable()
      .openapi({ description: "As auction sheets write it; see /api/v1/auction-sheet" }),
    description: z.string(),
    priceUsd: z.number().nullable().openapi({ description: "US listings: the asking price" }),
    priceJpy: z.number().int().nullable().openapi({ description: "Japan listings: the asking price in yen" }),
    usState: z.string().nullable(),
    zip: z.string().nullable(),
    titleStatus: z.string().nullable(),
    jpPort: z.string().nullable(),
    eligibleFrom: z.string().nullable(),
    landedUsd: z.number().nullable(),
    fairPriceUsd: z.number().nullable(),
    dealRating: z.string().nullable(),
    comparables: z.number().int().nullable(),
    isDemo: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    priceChangedAt: z.string().nullable(),
    priceDropPercent: z.number().nullable(),
    seller: z.looseObject({
      displayName: z.string(),
      kind: z.string().nullable(),
      dealerName: z.string().nullable(),
    }),
    photos: z.array(z.looseObject({ thumb: z.string(), medium: z.string() })),
    viewerState: z.string().nullable(),
    eligibility: z.looseObject({ verdict: z.string() }).nullable().openapi({
      description: "Japan listings: may it be imported today, and from which day (as /api/v1/eligibility)",
    }),
    legality: z.looseObject({ status: z.string() }).nullable().openapi({
      description: "With viewerState: the street legality there (as /api/v1/states/{code})",
    }),
    delivered: z
      .looseObject({ kind: z.enum(["us", "jp"]) })
      .nullable()
      .openapi({
        description:
          "Japan listings: landed cost (as /api/v1/cost, at this site's yen rate); US listings with " +
          "viewerState: the price plus that state's tax and fees",
      }),
  })
  .openapi("Listing");

export function listingsRoutes(deps: ListingsRoutesDeps) {
  return createApi()
    .openapi(
      createRoute({
        method: "get",
        path: "/listings/{id}",
        summary: "One listing, with what its page shows: eligibility, legality and delivered cost",
        description:
          "Any status (active, sold, withdrawn). viewerState (a state code) adds that state's street legality " +
          "and, for a US listing, the price with its tax and fees. Money in USD with two decimals.",
        request: {
          params: z.object({ id: idParam.clone().openapi({ example: 1 }) }),
          query: z.object({ viewerState: stateCodeString.clone().optional() }).strict(),
        },
        responses: {
          200: { description: "The listing", content: { "application/json": { schema: detailSchema } } },
          400: errorSchemaRef,
          404: { ...errorSchemaRef, description: "not_found: no such listing" },
        },
      }),
      async (c) => {
        const { viewerState } = c.req.valid("query");
        if (viewerState) assertKnownState(deps.facts, viewerState);
        const view = await getListingView(deps.database, deps.facts, c.req.valid("param").id, {
          today: deps.today(),
          viewerState: viewerState ?? null,
          jpyPerUsd: deps.jpyPerUsd,
        });
        return c.json(presentListingDetail(view), 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/listings",
        summary: "Search active listings, with facet counts over the filtered results",
        description:
          "Free text (q) is typo-tolerant. Delivered prices add the viewer's state taxes and fees (legalIn, " +
          "else viewerState); legalIn also answers with that state's street legality, and with no results " +
          "where kei trucks may not be on the road there. near (a ZIP) with withinMiles keeps the US trucks " +
          "within that many miles (straight line between ZIP centres), nearest first unless sort says " +
          "otherwise. Money in USD with two decimals.",
        request: { query: searchQuerySchema },
        responses: {
          200: {
            description: "A page of listings",
            content: { "application/json": { schema: resultSchema } },
          },
          400: errorSchemaRef,
        },
      }),
      async (c) => {
        const result = await searchListings(deps.database.db, deps.facts, c.req.valid("query"), {
          today: deps.today(),
          jpyPerUsd: deps.jpyPerUsd,
        });
        return c.json(result, 200);
      },
    );
}

function assertKnownState(facts: Facts, code: string): void {
  if (!facts.stateRules.some((s) => s.code === code))
    throw new AppError(
      "invalid_input",
      `viewerState: ${code} is not a US state's code (or DC)`,
      "viewerState",
    );
}
