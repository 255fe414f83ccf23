// Listing search in SQL. A question costs at most two round trips:
//  1. (only with free text) which distinct makes, models and chassis codes each word is trigram-similar
//     to: a loose index scan of the few distinct values, so similarity() runs per distinct value, never
//     per row;
//  2. one statement that filters once (a materialized CTE) and returns both the page of results and every
//     facet count with the total (GROUPING SETS over the same rows).
// The delivered price SQL is in search-delivered.sql.ts, the rule itself in domain/listings/delivered.ts.
import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../client.js";
import { listings as l } from "../schema/listings.js";
import { type DeliveredParams, deliveredCentsSql, priceFilterTarget } from "./search-delivered.sql.js";

export { type DeliveredParams, deliveredCentsSql } from "./search-delivered.sql.js";

/** One word of the free text and the distinct values it is typo-similar to. */
export interface WordMatch {
  /** Lower-case letters and digits only (services/search.schema.ts searchWords). */
  word: string;
  /** [make, model] pairs whose make or model is similar to the word. */
  pairs: [string, string][];
  chassisCodes: string[];
}

export interface SearchFilters {
  words: readonly WordMatch[];
  make?: string | undefined;
  model?: string | undefined;
  chassisCode?: string | undefined;
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
  | "deal";

/**
 * For each word, the distinct (make, model) pairs and chassis codes it is similar to: `%` (pg_trgm
 * similarity) on make, model and chassis code, and also `<%` (word similarity) on the model, because
 * catalog model names have several words ("Carry Truck / Super Carry") that dilute plain similarity.
 */
export async function matchWords(db: Db, words: readonly string[]): Promise<WordMatch[]> {
  if (words.length === 0) return [];
  const list = sql.join(
    words.map((w, i) => sql`(${w}::text, ${i}::int)`),
    sql`, `,
  );
  const rows = await queryRows<{ i: number; a: string; b: string | null }>(
    db,
    sql`with recursive pairs as (
        (select make, model from ${l} order by make, model limit 1)
        union all
        select n.make, n.model from pairs p cross join lateral (select make, model from ${l}
          where (make, model) > (p.make, p.model) order by make, model limit 1) n
      ), codes as (
        (select chassis_code as code from ${l} where chassis_code is not null order by chassis_code limit 1)
        union all
        select n.chassis_code from codes c cross join lateral (select chassis_code from ${l}
          where chassis_code > c.code order by chassis_code limit 1) n
      ), w(word, i) as (values ${list})
      select w.i, p.make as a, p.model as b from w join pairs p
        on lower(p.make) % w.word or lower(p.model) % w.word or w.word <% lower(p.model)
      union all
      select w.i, c.code, null from w join codes c on lower(c.code) % w.word`,
  );
  const out: WordMatch[] = words.map((word) => ({ word, pairs: [], chassisCodes: [] }));
  for (const r of rows) {
    const match = out[Number(r.i)];
    if (!match) continue;
    if (r.b === null) match.chassisCodes.push(r.a);
    else match.pairs.push([r.a, r.b]);
  }
  return out;
}

function wordSql(m: WordMatch): SQL {
  const any: SQL[] = [sql`${l.searchText} @@ to_tsquery('simple', ${`${m.word}:*`})`];
  if (m.pairs.length > 0)
    any.push(
      sql`(${l.make}, ${l.model}) in (${sql.join(
        m.pairs.map(([make, model]) => sql`(${make}, ${model})`),
        sql`, `,
      )})`,
    );
  if (m.chassisCodes.length > 0)
    any.push(
      sql`${l.chassisCode} in (${sql.join(
        m.chassisCodes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  return sql`(${sql.join(any, sql` or `)})`;
}

export function whereSql(f: SearchFilters, delivered: DeliveredParams): SQL {
  const c: SQL[] = [sql`${l.status} = 'active'`, ...f.words.map(wordSql)];
  if (f.make) c.push(sql`lower(${l.make}) = ${f.make.toLowerCase()}`);
  if (f.model) c.push(sql`lower(${l.model}) = ${f.model.toLowerCase()}`);
  if (f.chassisCode) c.push(sql`lower(${l.chassisCode}) = ${f.chassisCode.toLowerCase()}`);
  if (f.drive) c.push(sql`${l.drive} = ${f.drive}`);
  if (f.bedType) c.push(sql`${l.bedType} = ${f.bedType}`);
  if (f.transmission) c.push(sql`${l.transmission} = ${f.transmission}`);
  if (f.location) c.push(sql`${l.location} = ${f.location}`);
  if (f.usState) c.push(sql`${l.usState} = ${f.usState}`);
  if (f.yearMin !== undefined) c.push(sql`${l.year} >= ${f.yearMin}`);
  if (f.yearMax !== undefined) c.push(sql`${l.year} <= ${f.yearMax}`);
  if (f.mileageMaxKm !== undefined) c.push(sql`${l.mileageKm} <= ${f.mileageMaxKm}`);
  if (f.priceMinCents !== undefined || f.priceMaxCents !== undefined) {
    const price = priceFilterTarget(delivered);
    if (f.priceMinCents !== undefined) c.push(sql`${price.expr} >= ${f.priceMinCents - price.shift}`);
    if (f.priceMaxCents !== undefined) c.push(sql`${price.expr} <= ${f.priceMaxCents - price.shift}`);
  }
  if (f.eligibleOn) c.push(sql`(${l.location} = 'us' or ${l.eligibleFrom} <= ${f.eligibleOn}::date)`);
  return sql.join(c, sql` and `);
}

/** Sort keys, most significant first; the id (descending) always breaks ties last. */
function sortKeys(sort: SortKey, words: readonly WordMatch[], delivered: DeliveredParams): SQL[] {
  switch (sort) {
    case "relevance": {
      if (words.length === 0) return [sql`${l.createdAt} desc`];
      // Listings matching every word as text come before typo (trigram) matches; newest first within.
      const all = words.map((w) => `${w.word}:*`).join(" & ");
      return [sql`(${l.searchText} @@ to_tsquery('simple', ${all})) desc`, sql`${l.createdAt} desc`];
    }
    case "newest":
      return [sql`${l.createdAt} desc`];
    case "price":
      return [sql`${l.landedUsdCents} asc nulls last`];
    case "price_desc":
      return [sql`${l.landedUsdCents} desc nulls last`];
    case "delivered":
      return [sql`${deliveredCentsSql(delivered)} asc nulls last`];
    case "year":
      return [sql`${l.year} asc nulls last`];
    case "year_desc":
      return [sql`${l.year} desc nulls last`];
    case "mileage":
      return [sql`${l.mileageKm} asc nulls last`];
    case "deal":
      // great, good, fair, high, then unrated; within a rating the furthest under its fair price first.
      return [
        sql`(case ${l.dealRating} when 'great' then 0 when 'good' then 1 when 'fair' then 2 when 'high' then 3 else 4 end) asc`,
        sql`(${l.landedUsdCents} - ${l.fairPriceCents}) asc nulls last`,
      ];
  }
}

/** A listing in a page of results, as the item JSON built in SQL carries it. */
export interface SearchRow {
  id: number;
  title: string;
  make: string;
  model: string;
  chassisCode: string | null;
  generationLabel: string | null;
  year: number | null;
  drive: string | null;
  bedType: string;
  mileageKm: number | null;
  location: "us" | "jp";
  usState: string | null;
  jpPort: string | null;
  priceUsdCents: number | null;
  priceJpy: number | null;
  landedUsdCents: number | null;
  eligibleFrom: string | null;
  dealRating: string | null;
  fairPriceCents: number | null;
  isDemo: boolean;
  createdAt: string;
  photo: string | null;
}

export const FACETS = [
  "make",
  "model",
  "drive",
  "bed",
  "transmission",
  "location",
  "state",
  "year",
  "deal",
] as const;
export type FacetName = (typeof FACETS)[number];
export type FacetCounts = Record<FacetName, { value: string; count: number }[]>;

export interface SearchPage {
  rows: SearchRow[];
  total: number;
  /** Year facet values are the first year of a five-year bucket ("1990"). */
  facets: FacetCounts;
}

export interface PageRequest {
  sort: SortKey;
  limit: number;
  offset: number;
}

const ITEM_JSON = sql.raw(`json_build_object('id', l.id, 'title', l.title, 'make', l.make, 'model', l.model,
  'chassisCode', l.chassis_code, 'generationLabel', l.generation_label, 'year', l.year, 'drive', l.drive,
  'bedType', l.bed_type, 'mileageKm', l.mileage_km, 'location', l.location, 'usState', l.us_state,
  'jpPort', l.jp_port, 'priceUsdCents', l.price_usd_cents, 'priceJpy', l.price_jpy,
  'landedUsdCents', l.landed_usd_cents, 'eligibleFrom', l.eligible_from, 'dealRating', l.deal_rating,
  'fairPriceCents', l.fair_price_cents, 'isDemo', l.is_demo,
  'createdAt', to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'photo', (select ph.storage_key from listing_photos ph where ph.listing_id = l.id and ph.position = 0))`);

/**
 * The page of results and the facet counts over every current filter (zero counts never appear), in
 * one statement: the matching rows are found once, then grouped and sorted.
 */
export async function searchListingsPage(
  db: Db,
  filters: SearchFilters,
  delivered: DeliveredParams,
  page: PageRequest,
): Promise<SearchPage> {
  const keys = sortKeys(page.sort, filters.words, delivered);
  const keyCols = sql.join(
    keys.map((k, i) => sql`${sqlExpr(k)} as ${sql.raw(`k${i}`)}`),
    sql`, `,
  );
  const keyOrder = sql.raw([...keys.map((k, i) => `k${i} ${direction(k)}`), "id desc"].join(", "));
  // Each grouping set leaves one column non-null (or none: the total), so coalesce() gives the value and
  // grouping() tells which facet it is.
  const rows = await queryRows<{
    kind: string;
    facet: number | null;
    value: string | null;
    n: number;
    item: SearchRow | null;
  }>(
    db,
    sql`with m as materialized (
        select ${l.id} as id, ${l.make} as make, ${l.model} as model, ${l.drive} as drive, ${l.bedType} as bed,
          ${l.transmission} as transmission, ${l.location} as location, ${l.usState}::text as state,
          ${l.year} - ${l.year} % 5 as y5, ${l.dealRating} as deal, ${keyCols}
        from ${l} where ${whereSql(filters, delivered)}
      ), p as (
        select id, row_number() over (order by ${keyOrder})::int as ord
        from (select * from m order by ${keyOrder} limit ${page.limit} offset ${page.offset}) s
      )
      select 'facet' as kind, grouping(make, model, drive, bed, transmission, location, state, y5, deal) as facet,
        coalesce(make, model, drive, bed, transmission, location, state, y5::text, deal) as value,
        count(*)::int as n, null::json as item
      from m group by grouping sets ((), (make), (model), (drive), (bed), (transmission), (location), (state), (y5), (deal))
      union all
      select 'item', null, null, p.ord, ${ITEM_JSON} from p join ${l} l on l.id = p.id`,
  );
  return collect(rows);
}

/** "x desc" -> direction words; sortKeys writes every key as "<expr> asc|desc [nulls last]". */
function direction(key: SQL): string {
  return /(asc|desc)( nulls last)?$/.exec(sqlTail(key))?.[0] ?? "asc";
}
