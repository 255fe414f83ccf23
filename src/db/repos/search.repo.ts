// Listing search in SQL. A question costs at most two round trips:
//  1. (with free text or a make / model / chassis filter) search-terms.ts: the stored values they name;
//  2. one statement that returns both the page of results and every facet count with the total
//     (GROUPING SETS over the same filtered rows, found once when the filter is narrow).
// The delivered price SQL is in search-delivered.ts, the rule itself in domain/listings/delivered.ts.
import { type SQL, sql } from "drizzle-orm";
import type { BedType, Drive, Transmission } from "../../domain/listings/types.js";
import { type Db, queryRows } from "../client.js";
import { listings as l } from "../schema/listings.js";
import { type DeliveredParams, deliveredCentsSql, priceFilterTarget } from "./search-delivered.js";
import type { WordMatch } from "./search-terms.js";

export type { DeliveredParams } from "./search-delivered.js";

export interface SearchFilters {
  words: readonly WordMatch[];
  /** Exact stored [make, model] pairs (search-terms.ts resolves the make and model filters); empty: none. */
  pairs?: readonly [string, string][] | null | undefined;
  /** Exact stored chassis codes; empty: none. */
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

/** A word matches as a full-text prefix, or by naming a similar make, model or chassis code. */
function wordSql(m: WordMatch): SQL {
  const any: SQL[] = [sql`${l.searchText} @@ to_tsquery('simple', ${`${m.word}:*`})`];
  if (m.pairs.length > 0) any.push(pairsSql(m.pairs));
  if (m.chassisCodes.length > 0) any.push(codesSql(m.chassisCodes));
  return sql`(${sql.join(any, sql` or `)})`;
}

export function whereSql(f: SearchFilters, delivered: DeliveredParams): SQL {
  const c: SQL[] = [sql`${l.status} = 'active'`, ...f.words.map(wordSql)];
  if (f.pairs) c.push(pairsSql(f.pairs));
  if (f.chassisCodes) c.push(codesSql(f.chassisCodes));
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

interface SortKeySql {
  expr: SQL;
  /** Nullable keys sort their nulls last; others keep PostgreSQL's default so the indexes match. */
  order: "asc" | "desc" | "asc nulls last" | "desc nulls last";
}
const asc = (expr: SQL): SortKeySql => ({ expr, order: "asc nulls last" });
const desc = (expr: SQL): SortKeySql => ({ expr, order: "desc nulls last" });
const newest: SortKeySql = { expr: sql`${l.createdAt}`, order: "desc" };

/** Sort keys, most significant first (nulls last); the id, descending, always breaks ties. */
function sortKeys(sort: SortKey, words: readonly WordMatch[], delivered: DeliveredParams): SortKeySql[] {
  switch (sort) {
    case "relevance": {
      if (words.length === 0) return [newest];
      // Listings matching every word as text come before typo (trigram) matches; newest first within.
      const all = words.map((w) => `${w.word}:*`).join(" & ");
      return [{ expr: sql`(${l.searchText} @@ to_tsquery('simple', ${all}))`, order: "desc" }, newest];
    }
    case "newest":
      return [newest];
    case "price":
      return [asc(sql`${l.landedUsdCents}`)];
    case "price_desc":
      return [desc(sql`${l.landedUsdCents}`)];
    case "delivered":
      return [asc(deliveredCentsSql(delivered))];
    case "year":
      return [asc(sql`${l.year}`)];
    case "year_desc":
      return [desc(sql`${l.year}`)];
    case "mileage":
      return [asc(sql`${l.mileageKm}`)];
    case "deal":
      // great, good, fair, high, then unrated; within a rating the furthest under its fair price first.
      return [
        {
          expr: sql`(case ${l.dealRating} when 'great' then 0 when 'good' then 1 when 'fair' then 2 when 'high' then 3 else 4 end)`,
          order: "asc",
        },
        asc(sql`(${l.landedUsdCents} - ${l.fairPriceCents})`),
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
  drive: Drive | null;
  transmission: Transmission | null;
  bedType: BedType;
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
  'chassisCode', l.chassis_code, 'generationLabel', l.generation_label, 'year', l.year, 'drive', l.drive, 'transmission', l.transmission,
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
    keys.map((k, i) => sql`${k.expr} as ${sql.raw(`k${i}`)}`),
    sql`, `,
  );
  const keyOrder = sql.raw([...keys.map((k, i) => `k${i} ${k.order}`), "id desc"].join(", "));
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
    sql`with m as ${sql.raw(isSelective(filters) ? "materialized" : "not materialized")} (
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

/**
 * Narrow filters: find the rows once (materialized) and both group and sort them. Broad ones: let each
 * half plan on its own, so the page comes off the (status, created_at) index instead of a 90%-of-the-
 * table copy.
 */
function isSelective(f: SearchFilters): boolean {
  return f.words.length > 0 || Boolean(f.pairs) || Boolean(f.chassisCodes) || Boolean(f.usState);
}

type ResultRow = {
  kind: string;
  facet: number | null;
  value: string | null;
  n: number;
  item: SearchRow | null;
};

function collect(rows: ResultRow[]): SearchPage {
  const facets = Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as FacetCounts;
  const items: { ord: number; row: SearchRow }[] = [];
  let total = 0;
  const all = (1 << FACETS.length) - 1;
  for (const r of rows) {
    if (r.kind === "item" && r.item) {
      items.push({ ord: Number(r.n), row: { ...r.item, id: Number(r.item.id) } });
      continue;
    }
    const mask = Number(r.facet);
    if (mask === all) total = Number(r.n);
    // grouping() sets one bit per column rolled up, the first column's being the highest.
    const name = FACETS.find((_, i) => mask === all - (1 << (FACETS.length - 1 - i)));
    if (name && r.value !== null) facets[name].push({ value: r.value, count: Number(r.n) });
  }
  items.sort((a, b) => a.ord - b.ord);
  return { rows: items.map((i) => i.row), total, facets };
}
