// The WHERE and ORDER BY of a listing search, built from validated filters. Single-value facets go
// through listings_facet_tokens_idx, words through the full-text index plus the exact values
// search-terms.ts found for their typos, so any mix of filters is an intersection of index scans.
import { type SQL, sql } from "drizzle-orm";
import { dealGap, dealRank, listings as l, listingFacetTokens } from "../schema/listings.js";
import { type DeliveredParams, deliveredCentsSql, hasTax, priceFilterTarget } from "./search-delivered.js";
import type { WordMatch } from "./search-terms.js";

export interface SearchFilters {
  words: readonly WordMatch[];
  /** The make/model filter as exact stored pairs (search-terms.ts); null: no filter, empty: no match. */
  pairs?: readonly [string, string][] | null | undefined;
  /** The chassis-code filter as exact stored codes; null: no filter, empty: no match. */
  chassisCodes?: readonly string[] | null | undefined;
  drive?: string | undefined;
  bedType?: string | undefined;
  transmission?: string | undefined;
  location?: "us" | "jp" | undefined;
  usState?: string | undefined;
  yearMin?: number | undefined;
  yearMax?: number | undefined;
  mileageMaxKm?: number | undefined;
  /** Inclusive bounds on the delivered price (the landed price without a viewer state), in cents. */
  priceMinCents?: number | undefined;
  priceMaxCents?: number | undefined;
  /** YYYY-MM-DD: US listings, and Japan listings eligible for import by that day. */
  eligibleOn?: string | undefined;
  /** Only listings whose last price change was a drop. */
  priceDropped?: boolean | undefined;
  /** YYYY-MM-DD bounds on the listing day: on or after / on or before (days-on-market filters). */
  listedFrom?: string | undefined;
  listedUntil?: string | undefined;
  /** ISO instant: only listings created or repriced after it (the saved-search alerts). */
  changedSince?: string | undefined;
  /** A distance search: the listing ZIPs within its radius, nearest first (empty: none is). */
  nearZips?: readonly string[] | undefined;
  /** A whole frame number searched for: upper case, without spaces or hyphens ("DA63T123456"). */
  frameNumber?: string | undefined;
}

export type SortKey =
  | "relevance"
  | "newest"
  | "price"
  | "price_desc"
  | "delivered"
  | "year"
  | "year_desc"
  | "mileage"
  | "deal"
  | "price_drop"
  | "days_on_market"
  | "distance";

/** (make, model) in (...): a bitmap scan of the (make, model) b-tree per pair; `false` for none. */
function pairsSql(pairs: readonly [string, string][]): SQL {
  if (pairs.length === 0) return sql`false`;
  const list = sql.join(
    pairs.map(([make, model]) => sql`(${make}, ${model})`),
    sql`, `,
  );
  return sql`(${l.make}, ${l.model}) in (${list})`;
}

function codesSql(codes: readonly string[]): SQL {
  if (codes.length === 0) return sql`false`;
  return sql`${l.chassisCode} in (${sql.join(
    codes.map((c) => sql`${c}`),
    sql`, `,
  )})`;
}

/** The words with only the typo alternatives the exact make/model/code filters leave possible. */
function narrowWords(f: SearchFilters): WordMatch[] {
  const exactPairs = f.pairs ? new Set(f.pairs.map((p) => p.join("\u0000"))) : null;
  return f.words.map((m) => ({
    word: m.word,
    pairs: exactPairs ? m.pairs.filter((p) => exactPairs.has(p.join("\u0000"))) : m.pairs,
    chassisCodes: f.chassisCodes ? m.chassisCodes.filter((c) => f.chassisCodes?.includes(c)) : m.chassisCodes,
  }));
}

const hasAlternatives = (m: WordMatch) => m.pairs.length > 0 || m.chassisCodes.length > 0;

/** A word matches as a full-text prefix, or by naming a similar make, model or chassis code. */
function wordSql(m: WordMatch): SQL {
  const any: SQL[] = [sql`${l.searchText} @@ to_tsquery('simple', ${`${m.word}:*`})`];
  if (m.pairs.length > 0) any.push(pairsSql(m.pairs));
  if (m.chassisCodes.length > 0) any.push(codesSql(m.chassisCodes));
  return any.length === 1 ? any[0]! : sql`(${sql.join(any, sql` or `)})`;
}

/** The single-value facet filters as listings_facet_tokens_idx tokens ("d:4WD"). */
function facetTokens(f: SearchFilters): string[] {
  const tokens: [string, string | undefined][] = [
    ["d", f.drive],
    ["b", f.bedType],
    ["t", f.transmission],
    ["l", f.location],
    ["s", f.usState],
  ];
  return tokens.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}:${v}`);
}

function checkZips(zips: readonly string[]): void {
  if (!zips.every((z) => /^\d{5}$/.test(z))) throw new Error("unexpected ZIP in a distance search");
}

/**
 * Each ZIP's rank by distance (0 nearest) as a jsonb object, for the filter (`?`) and the sort (`->>`):
 * looking a key up is a binary search. (A text[] with `= any` costs the planner tens of milliseconds
 * per statement for a few thousand ZIPs, estimating each element; array_position reads the array for
 * every row.)
 */
function zipRanks(zips: readonly string[]): SQL {
  checkZips(zips);
  return sql.raw(`'{${zips.map((z, i) => `"${z}":${i}`).join(",")}}'::jsonb`);
}

/** A text[] literal; the values are validated enum members and state codes (letters and digits). */
function textArray(values: string[]): string {
  if (!values.every((v) => /^[a-z]:[A-Za-z0-9_]+$/.test(v)))
    throw new Error(`unexpected facet token in ${values}`);
  return `'{${values.join(",")}}'::text[]`;
}

/** All single-value facet filters as one containment test on listings_facet_tokens_idx; null: none. */
export function facetSql(f: SearchFilters): SQL | null {
  const tokens = facetTokens(f);
  return tokens.length > 0 ? sql`${listingFacetTokens(l)} @> ${sql.raw(textArray(tokens))}` : null;
}

/** The same facet filters as plain column tests: what a row-by-row scan evaluates cheapest. */
function facetEqualities(f: SearchFilters): SQL[] {
  const c: SQL[] = [];
  if (f.drive !== undefined) c.push(sql`${l.drive} = ${f.drive}`);
  if (f.bedType !== undefined) c.push(sql`${l.bedType} = ${f.bedType}`);
  if (f.transmission !== undefined) c.push(sql`${l.transmission} = ${f.transmission}`);
  if (f.usState !== undefined) c.push(sql`${l.usState} = ${f.usState}`);
  if (f.location !== undefined) c.push(sql`${l.location} = ${f.location}`);
  return c;
}

/**
 * The search's WHERE. "index" (the default) writes the facets as the GIN-indexed token test, for
 * statements the planner answers from indexes; "scan" writes them as plain column tests, the same
 * rows, for a sample or an index walk that tests every row it reads: building the token array costs
 * more per row than the comparisons.
 */
export function whereSql(
  f: SearchFilters,
  delivered: DeliveredParams,
  mode: "index" | "scan" = "index",
): SQL {
  const c: SQL[] = [sql`${l.status} = 'active'`];
  // The text and name tests cost the most per row: a scan tries the plain comparisons first.
  const names = [...narrowWords(f).map(wordSql)];
  if (f.pairs) names.push(pairsSql(f.pairs));
  if (f.chassisCodes) names.push(codesSql(f.chassisCodes));
  if (mode === "index") c.push(...names);
  if (mode === "scan") c.push(...facetEqualities(f));
  else {
    const facets = facetSql(f);
    if (facets) c.push(facets);
  }
  if (f.yearMin !== undefined) c.push(sql`${l.year} >= ${f.yearMin}`);
  if (f.yearMax !== undefined) c.push(sql`${l.year} <= ${f.yearMax}`);
  if (f.mileageMaxKm !== undefined) c.push(sql`${l.mileageKm} <= ${f.mileageMaxKm}`);
  if (f.priceMinCents !== undefined || f.priceMaxCents !== undefined) {
    const price = priceFilterTarget(delivered);
    if (f.priceMinCents !== undefined) c.push(sql`${price.expr} >= ${f.priceMinCents - price.shift}`);
    if (f.priceMaxCents !== undefined) c.push(sql`${price.expr} <= ${f.priceMaxCents - price.shift}`);
  }
  if (f.changedSince)
    c.push(
      sql`(${l.createdAt} > ${f.changedSince}::timestamptz or ${l.priceChangedAt} > ${f.changedSince}::timestamptz)`,
    );
  if (f.priceDropped) c.push(sql`${l.priceDropPercent} is not null`);
  if (f.listedFrom) c.push(sql`${l.createdAt} >= ${f.listedFrom}::date`);
  // Until the end of that day: a listing made on it has been on the market that many days.
  if (f.listedUntil) c.push(sql`${l.createdAt} < (${f.listedUntil}::date + 1)`);
  if (f.eligibleOn) c.push(sql`(${l.location} = 'us' or ${l.eligibleFrom} <= ${f.eligibleOn}::date)`);
  if (f.nearZips) c.push(f.nearZips.length > 0 ? sql`${zipRanks(f.nearZips)} ? ${l.zip}` : sql`false`);
  if (f.frameNumber) c.push(sql`upper(translate(${l.frameNumber}, ' -', '')) = ${f.frameNumber}`);
  if (mode === "scan") c.push(...names);
  return sql.join(c, sql` and `);
}

/**
 * The relevance sort's first key: does the listing match every word as text (not only by a typo
 * alternative)? Null when no word has alternatives: every match is then a text match, and relevance
 * is simply newest first.
 */
export function relevanceTextSql(f: SearchFilters): SQL | null {
  const words = narrowWords(f);
  if (!words.some(hasAlternatives)) return null;
  const all = words.map((w) => `${w.word}:*`).join(" & ");
  return sql`(${l.searchText} @@ to_tsquery('simple', ${all}))`;
}

export interface SortKeySql {
  expr: SQL;
  /** Nullable keys sort their nulls last; others keep PostgreSQL's default so the indexes match. */
  order: "asc" | "desc" | "asc nulls last" | "desc nulls last";
}
const asc = (expr: SQL): SortKeySql => ({ expr, order: "asc nulls last" });
const desc = (expr: SQL): SortKeySql => ({ expr, order: "desc nulls last" });
const newest: SortKeySql = { expr: sql`${l.createdAt}`, order: "desc" };
const cheapest = asc(sql`${l.landedUsdCents}`);
/** Newest first, and cheapest landed price first: the orders search-page.ts walks for other sorts. */
export const NEWEST_KEYS: readonly SortKeySql[] = [newest];
export const LANDED_KEYS: readonly SortKeySql[] = [cheapest];

/** Sort keys, most significant first (nulls last); the id, descending, always breaks ties. */
export function sortKeys(sort: SortKey, f: SearchFilters, delivered: DeliveredParams): SortKeySql[] {
  switch (sort) {
    case "relevance": {
      // Listings matching every word as text come before typo (trigram) matches; newest first within.
      const text = relevanceTextSql(f);
      return text ? [{ expr: text, order: "desc" }, newest] : [newest];
    }
    case "newest":
      return [newest];
    case "price":
      return [cheapest];
    case "price_desc":
      return [desc(sql`${l.landedUsdCents}`)];
    case "delivered":
      // Without a percentage tax, delivered is landed plus the same fees for every listing: same order.
      return [hasTax(delivered) ? asc(deliveredCentsSql(delivered)) : cheapest];
    case "year":
      return [asc(sql`${l.year}`)];
    case "year_desc":
      return [desc(sql`${l.year}`)];
    case "mileage":
      return [asc(sql`${l.mileageKm}`)];
    case "price_drop":
      return [desc(sql`${l.priceDropPercent}`), newest];
    case "days_on_market":
      // Longest on the market first: the listings whose sellers may be ready to talk.
      return [{ expr: sql`${l.createdAt}`, order: "asc" }];
    case "distance":
      // The ZIPs come nearest first, so a listing's place among them is its distance rank.
      return [asc(sql`(${zipRanks(f.nearZips ?? [])} ->> ${l.zip})::int`), newest];
    case "deal":
      // great, good, fair, high, then unrated; within a rating the furthest under its fair price first.
      return [{ expr: dealRank(l), order: "asc" }, asc(dealGap(l))];
  }
}

/**
 * Narrow filters: find the rows once (materialized) and both group and sort them. Broad ones: let each
 * half plan on its own, so the page comes off the (status, created_at) index instead of a 90%-of-the-
 * table copy.
 */
export function isSelective(f: SearchFilters): boolean {
  return f.words.length > 0 || Boolean(f.pairs) || Boolean(f.chassisCodes) || Boolean(f.usState);
}
