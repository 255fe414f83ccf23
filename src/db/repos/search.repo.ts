// Listing search in SQL. A question costs at most two round trips:
//  1. (with free text or a make / model / chassis filter) search-terms.ts: the stored values they name;
//  2. one statement that returns both the page of results and every facet count with the total
//     (GROUPING SETS over the same filtered rows, found once when the filter is narrow).
// The filters and sort keys are in search-filters.ts, the delivered price in search-delivered.ts.
import { sql } from "drizzle-orm";
import type { BedType, Drive, Transmission } from "../../domain/listings/types.js";
import { type Db, queryRows } from "../client.js";
import { listings as l } from "../schema/listings.js";
import type { DeliveredParams } from "./search-delivered.js";
import { isSelective, type SearchFilters, type SortKey, sortKeys, whereSql } from "./search-filters.js";

export type { DeliveredParams } from "./search-delivered.js";
export type { SearchFilters, SortKey } from "./search-filters.js";

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
  priceDropPercent: number | null;
  priceChangedAt: string | null;
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
  'priceDropPercent', l.price_drop_percent,
  'priceChangedAt', to_char(l.price_changed_at at time zone 'UTC', 'YYYY-MM-DD'),
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
  const keys = sortKeys(page.sort, filters, delivered);
  const keyCols = sql.join(
    keys.map((k, i) => sql`${k.expr} as ${sql.raw(`k${i}`)}`),
    sql`, `,
  );
  const keyOrder = sql.raw([...keys.map((k, i) => `k${i} ${k.order}`), "id desc"].join(", "));
  // Three grouping sets (and the total) rather than one per facet: each set costs a hash probe per row,
  // and these combinations stay small (a few hundred groups); collect() sums each facet out of them.
  const rows = await queryRows<ResultRow>(
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
      select 'facet' as kind, grouping(${sql.raw(FACET_COLUMNS.join(", "))}) as g, count(*)::int as n,
        make, model, drive, bed, transmission, location, state, y5::text as y5, deal, null::json as item
      from m group by grouping sets ((), (make, model), (drive, bed, transmission, location, deal), (state, y5))
      union all
      select 'item', null, p.ord, null, null, null, null, null, null, null, null, null, ${ITEM_JSON}
      from p join ${l} l on l.id = p.id`,
  );
  return collect(rows);
}

/** The grouped columns, in the order of FACETS: the year facet groups on its five-year bucket, y5. */
type FacetColumn = Exclude<FacetName, "year"> | "y5";
const FACET_COLUMNS: readonly FacetColumn[] = FACETS.map((f) => (f === "year" ? "y5" : f));

type ResultRow = { kind: string; g: number | null; n: number; item: SearchRow | null } & Record<
  FacetColumn,
  string | null
>;

function collect(rows: ResultRow[]): SearchPage {
  const counts = FACETS.map(() => new Map<string, number>());
  const items: { ord: number; row: SearchRow }[] = [];
  let total = 0;
  const all = (1 << FACET_COLUMNS.length) - 1;
  for (const r of rows) {
    if (r.kind === "item" && r.item) {
      items.push({ ord: Number(r.n), row: { ...r.item, id: Number(r.item.id) } });
      continue;
    }
    const mask = Number(r.g);
    const n = Number(r.n);
    if (mask === all) total = n;
    // grouping() sets one bit per column rolled up, the first column's being the highest; a column
    // in the row's set counts toward its facet unless its value is null.
    FACET_COLUMNS.forEach((column, i) => {
      const value = r[column];
      if (value === null || (mask & (1 << (FACET_COLUMNS.length - 1 - i))) !== 0) return;
      counts[i]?.set(value, (counts[i]?.get(value) ?? 0) + n);
    });
  }
  const facets = Object.fromEntries(
    FACETS.map((f, i) => [f, [...(counts[i] ?? [])].map(([value, count]) => ({ value, count }))]),
  ) as FacetCounts;
  items.sort((a, b) => a.ord - b.ord);
  return { rows: items.map((i) => i.row), total, facets };
}
