// What a listing search may ask: one schema for the JSON API's query string and the /trucks page's form
// (strings from a GET form, where an empty field means "not given"). Strict: an unknown parameter is a
// 400, never silently ignored. Facts-dependent checks (is "ZZ" a state?) happen in services/search.ts.
import { z } from "zod";
import { BED_TYPES, DRIVES, LOCATIONS, TRANSMISSIONS } from "../domain/listings/types.js";
import { isoDateString, stateCodeString } from "./inputs.schema.js";

export const SEARCH_SORTS = [
  "relevance",
  "newest",
  "price",
  "price_desc",
  "delivered",
  "year",
  "year_desc",
  "mileage",
  "deal",
  "price_drop",
  "days_on_market",
  "distance",
] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const MAX_PAGE = 500;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 24;
export const MAX_QUERY_WORDS = 8;
export const DEFAULT_WITHIN_MILES = 100;
export const MAX_WITHIN_MILES = 3000;
/** The radii the /trucks form offers (any whole number up to the maximum is accepted). */
export const WITHIN_MILES_CHOICES = [25, 50, 100, 250, 500, 1000] as const;
export const MAX_WORD_LENGTH = 40;

const blank = (v: unknown) => (v === "" ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const int = (min: number, max: number) =>
  z.coerce
    .number({ error: "expected a whole number" })
    .int("expected a whole number")
    .min(min, `expected at least ${min}`)
    .max(max, `expected at most ${max.toLocaleString("en-US")}`);
const usd = z.coerce
  .number({ error: "expected an amount in dollars, e.g. 6500" })
  .finite("expected an amount in dollars, e.g. 6500")
  .min(0, "expected an amount of at least 0")
  .max(10_000_000, "expected at most 10,000,000");
const text = (max: number) => z.string().trim().min(1).max(max);

export const searchQuerySchema = z
  .object({
    q: opt(z.string().trim().max(200)),
    make: opt(text(40)),
    model: opt(text(60)),
    chassisCode: opt(text(20)),
    drive: opt(z.enum(DRIVES)),
    bed: opt(z.enum(BED_TYPES)),
    transmission: opt(z.enum(TRANSMISSIONS)),
    yearMin: opt(int(1950, 2100)),
    yearMax: opt(int(1950, 2100)),
    priceMinUsd: opt(usd),
    priceMaxUsd: opt(usd),
    mileageMaxKm: opt(int(0, 10_000_000)),
    location: opt(z.enum(LOCATIONS)),
    /** Where the truck is (US listings). */
    state: opt(stateCodeString),
    eligibleOn: opt(isoDateString),
    /** The viewer's state: results only where kei trucks may be on the road; delivered prices there. */
    legalIn: opt(stateCodeString),
    /** The viewer's state for delivered prices only (the page passes the visitor's remembered state). */
    viewerState: opt(stateCodeString),
    /** Only listings whose last price change was a drop ("1"). */
    priceDropped: opt(z.enum(["1", "true"])),
    /** Listed at most / at least this many days ago. */
    maxDaysOnMarket: opt(int(0, 36_500)),
    minDaysOnMarket: opt(int(0, 36_500)),
    /** A 5-digit ZIP: only US trucks within withinMiles of it (straight line), with their distance. */
    near: opt(
      z
        .string()
        .trim()
        .regex(/^\d{5}$/, "expected a 5-digit ZIP code, e.g. 37160"),
    ),
    /** The radius of a `near` search, in miles (DEFAULT_WITHIN_MILES when not given). */
    withinMiles: opt(int(1, MAX_WITHIN_MILES)),
    sort: opt(z.enum(SEARCH_SORTS)),
    page: z.preprocess(blank, int(1, MAX_PAGE).default(1)),
    pageSize: z.preprocess(blank, int(1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE)),
  })
  .strict()
  .refine((v) => v.yearMin === undefined || v.yearMax === undefined || v.yearMin <= v.yearMax, {
    message: "must not be after yearMax",
    path: ["yearMin"],
  })
  .refine(
    (v) =>
      v.minDaysOnMarket === undefined ||
      v.maxDaysOnMarket === undefined ||
      v.minDaysOnMarket <= v.maxDaysOnMarket,
    { message: "minDaysOnMarket must not be above maxDaysOnMarket", path: ["minDaysOnMarket"] },
  )
  .refine(
    (v) => v.priceMinUsd === undefined || v.priceMaxUsd === undefined || v.priceMinUsd <= v.priceMaxUsd,
    { message: "priceMinUsd must not be above priceMaxUsd", path: ["priceMinUsd"] },
  )
  .refine((v) => v.withinMiles === undefined || v.near !== undefined, {
    message: "needs near (the ZIP code to measure from)",
    path: ["withinMiles"],
  })
  .refine((v) => v.sort !== "distance" || v.near !== undefined, {
    message: "distance needs near (the ZIP code to measure from)",
    path: ["sort"],
  });

export type SearchQuery = z.infer<typeof searchQuerySchema>;
/** The raw form: query-string values, or already-parsed ones (parsing again is harmless). */
export type SearchQueryInput = z.input<typeof searchQuerySchema>;

/**
 * The words of a free-text query, lower-cased: runs of letters and digits, so tsquery metacharacters
 * (& | ! ( ) : * < > ' \) and other punctuation never reach to_tsquery. At most 8 words of 40 characters;
 * the rest is dropped rather than refused, as a search box should.
 */
export function searchWords(q: string | undefined): string[] {
  if (!q) return [];
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, MAX_WORD_LENGTH)))].slice(0, MAX_QUERY_WORDS);
}
