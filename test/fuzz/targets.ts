// What the fuzz test sends requests to: every API route of the OpenAPI document, the pages that take a
// query, and the main form posts. Each form names the sessions under which no body at all could change
// data (`free`), and those under which a correct form would (`guarded`): those get only forms carrying a
// `breaker`, a field whose value is wrong by construction, so "no change to the data" is a real assertion.
import fc from "fast-check";
import { junkValue } from "./values.js";

/** Who sends: nobody; a buyer with no part in anything; the seller who owns the fixtures; the sale's buyer. */
export type Session = "anonymous" | "stranger" | "owner" | "buyer";

export interface FuzzIds {
  listing: number;
  soldListing: number;
  review: number;
  savedSearch: number;
}

export interface ApiParam {
  name: string;
  in: "path" | "query" | string;
  required?: boolean;
  schema?: Record<string, unknown>;
}

export interface ApiTarget {
  method: string;
  /** "/api/v1/states/{code}" */
  path: string;
  params: ApiParam[];
}

/** Every operation of the OpenAPI document with its parameters. */
export function apiTargets(doc: { paths: Record<string, Record<string, { parameters?: ApiParam[] }>> }) {
  const out: ApiTarget[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) out.push({ method, path, params: op.parameters ?? [] });
  return out;
}

/** Pages that read a query, with the API route whose parameters they share. */
export const QUERY_PAGES: { path: string; like?: string; extra?: string[] }[] = [
  { path: "/", like: "/api/v1/listings" },
  { path: "/trucks", like: "/api/v1/listings" },
  { path: "/trucks/feed.xml", like: "/api/v1/listings" },
  { path: "/cost", like: "/api/v1/cost" },
  { path: "/haul", like: "/api/v1/haul" },
  { path: "/import", like: "/api/v1/eligibility", extra: ["month"] },
  { path: "/states", like: "/api/v1/states" },
  { path: "/models/compare", extra: ["a", "b", "models"] },
  { path: "/states/lookup", extra: ["code"] },
  { path: "/decode", extra: ["input"] },
  { path: "/login", extra: ["next", "reset"] },
  { path: "/sell", extra: ["frame"] },
  { path: "/alerts", extra: ["saved"] },
  { path: "/guides", extra: ["tag"] },
];

export interface FormTarget {
  name: string;
  path(ids: FuzzIds, junk: string): string;
  /** The fields the form has (the fuzzer uses these names most of the time). */
  fields: readonly string[];
  free: Session[];
  guarded: Session[];
  /** Fields that make the form invalid whatever else it holds; sent last, so they are what is read. */
  breaker?: fc.Arbitrary<Record<string, string>>;
}

const LISTING_FIELDS = [
  "location",
  "title",
  "frameNumber",
  "make",
  "model",
  "buildMonth",
  "ageEvidence",
  "mileageKm",
  "transmission",
  "bedType",
  "condition",
  "description",
  "priceUsd",
  "priceJpy",
  "usState",
  "zip",
  "titleStatus",
  "jpPort",
  "intent",
  "highLowRange",
  "driveOverride",
];

/** Junk that is never a member of `allowed` (after the trimming and upper-casing schemas do). */
const notOneOf = (allowed: readonly string[]) =>
  junkValue.filter((v) => !allowed.includes(v.trim()) && !allowed.includes(v.trim().toUpperCase()));
const tooShort = (min: number) => fc.string({ unit: "grapheme-ascii", maxLength: min - 1 });
const noAt = junkValue.filter((v) => !v.includes("@"));

export const FORM_TARGETS: FormTarget[] = [
  {
    name: "sign-up",
    path: () => "/signup",
    fields: ["email", "password", "displayName", "role", "sellerKind", "dealerName"],
    free: [],
    guarded: ["anonymous", "stranger"],
    breaker: fc.record({ password: tooShort(10) }),
  },
  {
    name: "log-in",
    path: () => "/login",
    fields: ["email", "password", "next"],
    free: [],
    guarded: ["anonymous", "stranger"],
    breaker: fc.record({ password: tooShort(10) }),
  },
  { name: "log-out", path: () => "/logout", fields: [], free: ["anonymous"], guarded: [] },
  {
    name: "home state",
    path: () => "/state",
    fields: ["code"],
    free: ["anonymous"],
    guarded: ["stranger"],
    breaker: fc.record({ code: junkValue.filter((v) => !/^\s*[A-Za-z]{2}\s*$/.test(v)) }),
  },
  {
    name: "password reset request",
    path: () => "/reset",
    fields: ["email"],
    free: [],
    guarded: ["anonymous", "stranger"],
    breaker: fc.record({ email: noAt }),
  },
  {
    // The token in the path is junk: no link was ever sent for it.
    name: "password reset",
    path: (_ids, junk) => `/reset/${encodeURIComponent(junk)}`,
    fields: ["password"],
    free: ["anonymous", "stranger", "owner"],
    guarded: [],
  },
  {
    name: "sell",
    path: () => "/sell",
    fields: LISTING_FIELDS,
    free: ["anonymous", "stranger"],
    guarded: ["owner"],
    breaker: fc.record({ title: fc.constantFrom("", "   ", "ab", "x".repeat(121)) }),
  },
  {
    name: "edit listing",
    path: (ids) => `/trucks/${ids.listing}/edit`,
    fields: LISTING_FIELDS,
    free: ["anonymous", "stranger"],
    guarded: ["owner"],
    breaker: fc.record({ title: fc.constantFrom("", "   ", "ab", "x".repeat(121)) }),
  },
  {
    name: "listing status",
    path: (ids) => `/trucks/${ids.listing}/status`,
    fields: ["status", "buyerEmail", "next"],
    free: ["anonymous", "stranger"],
    guarded: ["owner"],
    breaker: fc.record({ status: notOneOf(["active", "sold", "withdrawn"]) }),
  },
  {
    name: "delete listing",
    path: (ids) => `/trucks/${ids.listing}/delete`,
    fields: [],
    free: ["anonymous", "stranger"],
    guarded: [],
  },
  {
    name: "photo upload",
    path: (ids) => `/trucks/${ids.listing}/photos`,
    fields: ["photos"],
    free: ["anonymous", "stranger"],
    guarded: [],
  },
  {
    name: "review a sale",
    path: (ids) => `/trucks/${ids.soldListing}/review`,
    fields: ["rating", "body"],
    free: ["anonymous", "stranger", "owner"],
    guarded: ["buyer"],
    // Whatever Number() makes of it (" 3", "0x3", "3e0" are all 3) is not a whole number of stars.
    breaker: fc.record({
      rating: junkValue.filter((v) => {
        const n = Number(v);
        return !(Number.isInteger(n) && n >= 1 && n <= 5);
      }),
    }),
  },
  {
    name: "answer a review",
    path: (ids) => `/reviews/${ids.review}/reply`,
    fields: ["reply", "next"],
    free: ["anonymous", "stranger", "buyer"],
    guarded: ["owner"],
    breaker: fc.record({ reply: fc.constantFrom("", " ", "x", "y".repeat(1001)) }),
  },
  {
    name: "report a review",
    path: (ids) => `/reviews/${ids.review}/report`,
    fields: ["reason", "next"],
    free: ["anonymous"],
    guarded: ["stranger", "owner", "buyer"],
    breaker: fc.record({ reason: fc.constantFrom("", "  ", "ab", "z".repeat(501)) }),
  },
  ...(["hide", "restore"] as const).map(
    (action): FormTarget => ({
      name: `${action} a review`,
      path: (ids) => `/reviews/${ids.review}/${action}`,
      fields: ["next"],
      free: ["anonymous", "stranger", "owner", "buyer"],
      guarded: [],
    }),
  ),
  {
    name: "watch a listing",
    path: (ids) => `/saved/${ids.listing}`,
    fields: ["watch", "next"],
    free: ["anonymous"],
    guarded: ["stranger"],
    breaker: fc.record({ watch: notOneOf(["0", "1"]) }),
  },
  {
    name: "save a search",
    path: () => "/alerts",
    fields: ["query", "name", "frequency"],
    free: ["anonymous"],
    guarded: ["stranger"],
    breaker: fc.record({ frequency: notOneOf(["instant", "daily"]) }),
  },
  {
    name: "delete a saved search",
    path: (ids) => `/alerts/${ids.savedSearch}/delete`,
    fields: [],
    free: ["anonymous", "stranger"],
    guarded: [],
  },
  {
    name: "alert frequency",
    path: (ids) => `/alerts/${ids.savedSearch}/frequency`,
    fields: ["frequency"],
    free: ["anonymous", "stranger"],
    guarded: ["owner"],
    breaker: fc.record({ frequency: notOneOf(["instant", "daily"]) }),
  },
  {
    // A signature nobody computed: the link is refused whoever follows it.
    name: "unsubscribe",
    path: (ids, junk) => `/alerts/unsubscribe?id=${ids.savedSearch}&sig=${encodeURIComponent(junk)}`,
    fields: ["id", "sig"],
    free: ["anonymous", "stranger", "owner"],
    guarded: [],
  },
];
