// Listing search, used by the JSON API and the /trucks page: validate the question, settle what the
// facts decide (the viewer's state charges, street legality there), then ask the repository for one
// page and the facet counts together, and present rows in the public shape.
import type { Db } from "../db/client.js";
import {
  activeListingZips,
  type DeliveredParams,
  FACETS,
  type FacetCounts,
  type SearchFilters,
  type SearchRow,
  type SearchTuning,
  searchListingsPage,
} from "../db/repos/search.repo.js";
import { type ResolvedTerms, resolveTerms } from "../db/repos/search-terms.js";
import { decodeFrameNumber } from "../domain/catalog/decode.js";
import { findStateFees } from "../domain/cost/state-charges.js";
import { zipsWithin } from "../domain/geo/zip-distance.js";
import { findStreetLegality, type StreetLegality } from "../domain/legality/street-legality.js";
import {
  type DeliveredCharges,
  deliveredChargesFor,
  deliveredUsdCents,
} from "../domain/listings/delivered.js";
import { daysOnMarket } from "../domain/listings/price-history.js";
import type { BedType, Drive, Transmission } from "../domain/listings/types.js";
import { plainNameFor } from "../domain/lots/names.js";
import { addDays, type IsoDate } from "../domain/units/dates.js";
import { km, kmToMi } from "../domain/units/measures.js";
import { centsToDollars, dollarsToCents, type UsdCents } from "../domain/units/money.js";
import { zipTableOf } from "../facts/load.js";
import type { Facts } from "../facts/schemas.js";
import { ZIP_CENTROIDS_SOURCE } from "../facts/zip-centroids.js";
import { AppError } from "./app-error.js";
import { parseInput } from "./inputs.schema.js";
import {
  DEFAULT_WITHIN_MILES,
  type SearchQuery,
  type SearchQueryInput,
  type SearchSort,
  searchQuerySchema,
  searchWords,
} from "./search.schema.js";
import { placeZipOrRefuse } from "./zip-place.js";

export interface SearchContext {
  today: IsoDate;
  /** Internal (not a query parameter): only listings created or repriced after this instant (alerts). */
  changedSince?: Date;
  /** The site's yen rate: Japan listings' yen prices become the taxable base at this rate. */
  jpyPerUsd: number;
  /** Internal: when counts are estimated from a sample (tests force it on small tables). */
  tuning?: SearchTuning;
}

export interface SearchItem {
  id: number;
  title: string;
  make: string;
  model: string;
  chassisCode: string | null;
  generation: string | null;
  year: number | null;
  drive: Drive | null;
  transmission: Transmission | null;
  bedType: BedType;
  mileageKm: number | null;
  mileageMi: number | null;
  location: "us" | "jp";
  usState: string | null;
  jpPort: string | null;
  /** The US asking price, or a Japan listing's landed price (price, duty and federal fees), in dollars. */
  priceUsd: number | null;
  priceJpy: number | null;
  /** priceUsd plus the viewer state's taxes and fees (see deliveredIncludes/Excludes); priceUsd without a state. */
  deliveredUsd: number | null;
  eligibleFrom: string | null;
  dealRating: string | null;
  fairPriceUsd: number | null;
  isDemo: boolean;
  createdAt: string;
  /** Whole days since the listing was made (on the search's "today"). */
  daysOnMarket: number;
  /** Percent below the previous asking price when the last change was a drop; else null. */
  priceDropPercent: number | null;
  /** YYYY-MM-DD of the last price change, or null. */
  priceChangedAt: string | null;
  /** Storage key of the first photo, or null. */
  photo: string | null;
  /** Miles from the search's `near` ZIP (straight line between ZIP centres, whole miles); else null. */
  distanceMi: number | null;
}

/** What a distance search measured from, and how. */
export interface SearchNear {
  zip: string;
  /** The ZIP has no Census tabulation area of its own: placed by its first three digits. */
  approximate: boolean;
  withinMiles: number;
  note: string;
  source: { title: string; url: string; date: string };
}

export interface SearchLegality {
  state: string;
  name: string;
  on: IsoDate;
  status: StreetLegality["status"];
  summary: string;
  restrictions: string[];
  requirements: string[];
  /** True when the state's rules rule out every result (the items are then empty on purpose). */
  excludesAll: boolean;
}

export interface SearchResult {
  items: SearchItem[];
  total: number;
  page: number;
  pageSize: number;
  sort: SearchSort;
  facets: FacetCounts;
  /**
   * True when `total` and the facet counts are estimates (to two significant digits) from a sample of
   * the listings: a search matching more than 1,000 on a big marketplace. The items are always exact.
   */
  countsEstimated: boolean;
  /** The state whose charges deliveredUsd includes; null: no state given, deliveredUsd = priceUsd. */
  viewerState: string | null;
  deliveredIncludes: string[];
  deliveredExcludes: string[];
  deliveredNote: string;
  legality: SearchLegality | null;
  /** The distance search, or null when none was asked for. */
  near: SearchNear | null;
}

const TOP_MODELS = 20;
const TOP_STATES = 51;
const ROAD_STATUSES: ReadonlySet<string> = new Set(["street_legal", "restricted"]);

function assertState(facts: Facts, code: string | undefined, field: string): void {
  if (code !== undefined && !facts.stateRules.some((r) => r.code === code))
    throw new AppError(
      "invalid_input",
      `${field}: unknown state code "${code}": use a USPS code such as TX or DC`,
      field,
    );
}

function streetLegalityIn(facts: Facts, q: SearchQuery, today: IsoDate): SearchLegality | null {
  if (!q.legalIn) return null;
  const found = findStreetLegality(facts.stateRules, q.legalIn, (q.eligibleOn ?? today) as IsoDate);
  if (found.kind === "unknown_state")
    throw new AppError("invalid_input", `legalIn: unknown state code "${found.code}"`, "legalIn");
  const s = found.legality;
  return {
    state: s.code,
    name: s.name,
    on: s.on,
    status: s.status,
    summary: s.summary,
    restrictions: s.restrictions,
    requirements: s.requirements,
    excludesAll: !ROAD_STATUSES.has(s.status),
  };
}

function filtersFrom(q: SearchQuery, terms: ResolvedTerms, today: IsoDate): SearchFilters {
  return {
    words: terms.words,
    pairs: terms.pairs,
    chassisCodes: terms.chassisCodes,
    drive: q.drive,
    bedType: q.bed,
    transmission: q.transmission,
    location: q.location,
    usState: q.state,
    yearMin: q.yearMin,
    yearMax: q.yearMax,
    mileageMaxKm: q.mileageMaxKm,
    priceMinCents: q.priceMinUsd === undefined ? undefined : dollarsToCents(q.priceMinUsd),
    priceMaxCents: q.priceMaxUsd === undefined ? undefined : dollarsToCents(q.priceMaxUsd),
    eligibleOn: q.eligibleOn,
    priceDropped: q.priceDropped !== undefined,
    listedFrom: q.maxDaysOnMarket === undefined ? undefined : addDays(today, -q.maxDaysOnMarket),
    listedUntil: q.minDaysOnMarket === undefined ? undefined : addDays(today, -q.minDaysOnMarket),
  };
}

const dollars = (cents: number | null) => (cents === null ? null : centsToDollars(cents as UsdCents));

function presentItem(
  r: SearchRow,
  delivered: DeliveredParams,
  today: IsoDate,
  distances: ReadonlyMap<string, number> | null,
): SearchItem {
  const miles = distances && r.zip !== null ? distances.get(r.zip) : undefined;
  return {
    id: r.id,
    title: r.title,
    make: r.make,
    model: r.model,
    chassisCode: r.chassisCode,
    generation: r.generationLabel,
    year: r.year,
    drive: r.drive,
    transmission: r.transmission,
    bedType: r.bedType,
    mileageKm: r.mileageKm,
    mileageMi: r.mileageKm === null ? null : Math.round(kmToMi(km(r.mileageKm))),
    location: r.location,
    usState: r.usState,
    jpPort: r.jpPort,
    priceUsd: dollars(r.location === "us" ? r.priceUsdCents : r.landedUsdCents),
    priceJpy: r.priceJpy,
    deliveredUsd: dollars(deliveredUsdCents(r, delivered.charges, delivered.jpyPerUsd)),
    eligibleFrom: r.eligibleFrom,
    dealRating: r.dealRating,
    fairPriceUsd: dollars(r.fairPriceCents),
    isDemo: r.isDemo,
    createdAt: r.createdAt,
    daysOnMarket: daysOnMarket(r.createdAt.slice(0, 10) as IsoDate, null, today),
    priceDropPercent: r.priceDropPercent,
    priceChangedAt: r.priceChangedAt,
    photo: r.photo,
    distanceMi: miles === undefined ? null : Math.round(miles),
  };
}

const NEAR_NOTE =
  "Straight-line distance between ZIP code centres (Census ZIP Code Tabulation Areas); by road it is longer. Japan listings and trucks without a ZIP are not in a distance search.";

/** A frame number with a serial that decodes, normalized as the filter compares it, or null. */
function asFrameNumber(t: string, facts: Facts): string | null {
  if (!/^[A-Za-z0-9]{2,8}[- ]?\d{3,}$/.test(t)) return null;
  const d = decodeFrameNumber(t, facts.catalog);
  return d.kind === "decoded" && d.serial !== null ? t.toUpperCase().replace(/[ -]/g, "") : null;
}

/**
 * A whole frame number in the search text (typed in full-width, with a space or spaces around its
 * hyphen), and the words besides it ("HA4-2123456 acty"): that truck is searched by its number.
 */
function frameInText(text: string | undefined, facts: Facts): { frame: string; rest: string } | null {
  const t = (text ?? "")
    .normalize("NFKC")
    .trim()
    .replace(/\s*[-‐‑–—]\s*/g, "-");
  const whole = asFrameNumber(t, facts);
  if (whole) return { frame: whole, rest: "" };
  const tokens = t.split(/\s+/);
  for (const [i, token] of tokens.entries()) {
    const frame = token.includes("-") ? asFrameNumber(token, facts) : null;
    if (frame) return { frame, rest: tokens.filter((_, k) => k !== i).join(" ") };
  }
  return null;
}

function yearLabel(start: string): string {
  return `${start}-${Number(start) + 4}`;
}

/** Largest first (ties by value), limited where the contract says so; years stay in calendar order. */
function shapeFacets(facets: FacetCounts, makeIsSet: boolean): FacetCounts {
  const byCount = (a: { value: string; count: number }, b: { value: string; count: number }) =>
    b.count - a.count || a.value.localeCompare(b.value);
  const out = Object.fromEntries(FACETS.map((f) => [f, [...facets[f]].sort(byCount)])) as FacetCounts;
  if (!makeIsSet) out.model = out.model.slice(0, TOP_MODELS);
  out.state = out.state.slice(0, TOP_STATES);
  out.year = facets.year
    .map((y) => ({ value: yearLabel(y.value), count: y.count }))
    .sort((a, b) => a.value.localeCompare(b.value));
  return out;
}

function deliveredText(
  charges: DeliveredCharges | null,
): Pick<SearchResult, "deliveredIncludes" | "deliveredExcludes" | "deliveredNote"> {
  if (!charges)
    return {
      deliveredIncludes: [],
      deliveredExcludes: ["state taxes and fees (no state chosen)"],
      deliveredNote: "No state chosen: delivered prices are the landed prices, without state taxes and fees.",
    };
  return {
    deliveredIncludes: charges.includes,
    deliveredExcludes: charges.excludes,
    deliveredNote: `Delivered prices include ${charges.state} taxes and fees where our data has them; an estimate.`,
  };
}

export async function searchListings(
  db: Db,
  facts: Facts,
  input: SearchQueryInput | Record<string, unknown>,
  ctx: SearchContext,
): Promise<SearchResult> {
  const q = parseInput(searchQuerySchema, input);
  assertState(facts, q.state, "state");
  assertState(facts, q.viewerState, "viewerState");
  const legality = streetLegalityIn(facts, q, ctx.today);
  // An explicit legalIn is the viewer's state; the remembered viewerState is the fallback.
  const viewer = q.legalIn ?? q.viewerState ?? null;
  const charges = viewer ? deliveredChargesFor(findStateFees(facts.stateFees, viewer)) : null;
  const delivered: DeliveredParams = { charges, jpyPerUsd: ctx.jpyPerUsd };
  // Names the stored text cannot match (Japanese spellings, キャリイ; a make in Japanese, スズキ; typos
  // trigrams miss, hijte) are searched as the plain English name they stand for.
  // A whole frame number (DA63T-123456) asks for that truck: searched by its number, not as two words.
  const framed = frameInText(q.q, facts);
  const frame = framed?.frame ?? null;
  const words = searchWords(framed ? framed.rest : q.q).map((w) => plainNameFor(w, facts.modelNames) ?? w);
  const zipTable = q.near ? zipTableOf(facts) : null;
  const placed = q.near ? placeZipOrRefuse(facts, q.near, "near") : null;
  const withinMiles = q.withinMiles ?? DEFAULT_WITHIN_MILES;
  // A search near a ZIP is asked "what is close": nearest first unless another order is chosen (words
  // then only narrow it down).
  const sort: SearchSort =
    q.sort === "relevance" || !q.sort
      ? placed
        ? "distance"
        : words.length
          ? "relevance"
          : "newest"
      : q.sort;
  const near: SearchNear | null = placed
    ? {
        zip: placed.zip,
        approximate: placed.approximate,
        withinMiles,
        note: NEAR_NOTE,
        source: ZIP_CENTROIDS_SOURCE,
      }
    : null;
  const base = {
    page: q.page,
    pageSize: q.pageSize,
    sort,
    viewerState: viewer,
    legality,
    near,
    ...deliveredText(charges),
  };
  const facetsNone = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as FacetCounts;
  if (legality?.excludesAll)
    return { ...base, items: [], total: 0, facets: facetsNone, countsEstimated: false };

  const terms = await resolveTerms(db, words, q, { chassisCodes: facts.catalog.map((e) => e.chassisCode) });
  const nearby =
    placed && zipTable ? zipsWithin(zipTable, placed.at, withinMiles, await activeListingZips(db)) : null;
  const distances = nearby ? new Map(nearby.map((z) => [z.zip, z.miles])) : null;
  const filters = {
    ...filtersFrom(q, terms, ctx.today),
    changedSince: ctx.changedSince?.toISOString(),
    nearZips: nearby?.map((z) => z.zip),
    frameNumber: frame ?? undefined,
  };
  const found = await searchListingsPage(
    db,
    filters,
    delivered,
    { sort, limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    ctx.tuning,
  );
  return {
    ...base,
    items: found.rows.map((r) => presentItem(r, delivered, ctx.today, distances)),
    total: found.total,
    facets: shapeFacets(found.facets, q.make !== undefined),
    countsEstimated: found.estimated,
  };
}
