// Listing search in SQL. A question costs a few round trips:
//  1. (with free text or a make / model / chassis filter) search-terms.ts: the stored values they name;
//  2. on a big table, a sample: does the search match more than SEARCH_TUNING.exactLimit listings?
//  3. narrow: one statement that returns both the page of results and every facet count with the total
//     (GROUPING SETS over the same filtered rows, found once). Broad, on a big table: the page off the
//     sort's index (search-page.ts), the total and facets estimated from a sample of the table.
// The filters and sort keys are in search-filters.ts, the delivered price in search-delivered.ts.
import { type SQL, sql } from "drizzle-orm";
import type { BedType, Drive, Transmission } from "../../domain/listings/types.js";
import { type Db, queryRows } from "../client.js";
import { listings as l } from "../schema/listings.js";
import type { DeliveredParams } from "./search-delivered.js";
import { isSelective, relevanceTextSql, type SearchFilters, sortKeys, whereSql } from "./search-filters.js";
import { ITEM_JSON, keyOrderSql, type PageRequest, searchPageRows, sortKeySelect } from "./search-page.js";

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
  zip: string | null;
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
  /** True when total and facets are estimated from a sample (a broad search on a big table). */
  estimated: boolean;
}

export type { PageRequest } from "./search-page.js";

/**
 * When counts are estimated: on a table of at least `minTableRows` listings, a search first counts its
 * matches on a sample of about `sampleRows` of them (TABLESAMPLE SYSTEM: whole pages, the same ones each
 * time). If that puts it above `exactLimit` matches, the sample's total and facets, scaled up, are the
 * answer; otherwise every match is counted. The page of items is exact either way. Counting every match
 * costs microseconds per row on the embedded database (docs/scaling.md): 40,000 matches took about
 * 100 ms, the sample under 10.
 */
export interface SearchTuning {
  exactLimit: number;
  sampleRows: number;
  minTableRows: number;
  /** A page's index walk reads at most this many times the rows its share of matches needs (search-page.ts). */
  walkFactor: number;
}

export const SEARCH_TUNING: SearchTuning = {
  exactLimit: 1000,
  // 7,500 rows: totals a few per cent off at the median (9% at p90), in 4-5 ms; 10,000 cost 1 ms more
  // for 1 point better (npm run bench -- search prints both figures).
  sampleRows: 7500,
  minTableRows: 20_000,
  // Walks that may read eight times what the share of matches needs, before taking the set whole: at
  // three, anti-correlated searches ("cheapest first" among the newer trucks) gave up too early.
  walkFactor: 8,
};

/** An estimate to two significant digits (38,000, 1,200; under 100 as it is): no false precision. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/**
 * The page of results and the facet counts over every current filter (zero counts never appear). A
 * narrow search is answered in one statement: the matching rows are found once, then grouped and
 * sorted. A broad one on a big table takes its page off the sort's index (search-page.ts) and its
 * counts from a sample, and says they are `estimated`.
 */
export async function searchListingsPage(
  db: Db,
  filters: SearchFilters,
  delivered: DeliveredParams,
  page: PageRequest,
  tuning: SearchTuning = SEARCH_TUNING,
): Promise<SearchPage> {
  const where = whereSql(filters, delivered);
  // The planner's own row count for the table (kept by ANALYZE and VACUUM): only its size matters here.
  const [size] = await queryRows<{ rows: number }>(
    db,
    sql`select reltuples::float8 as rows from pg_class where oid = 'listings'::regclass`,
  );
  const tableRows = Number(size?.rows ?? 0);
  // reltuples is -1 before the first ANALYZE: size unknown, count exactly.
  if (tableRows <= 0 || tableRows < tuning.minTableRows)
    return exactPage(db, filters, where, delivered, page);
  const percent = Math.min(100, (100 * tuning.sampleRows) / tableRows);
  // Relevance with typo alternatives also wants to know how many match the words as text (search-page.ts).
  const text = page.sort === "relevance" ? relevanceTextSql(filters) : null;
  const scanWhere = whereSql(filters, delivered, "scan");
  const sampled = await queryRows<ResultRow & { text: number | null }>(
    db,
    sql`select 'facet' as kind, grouping(${FACET_LIST}) as g, count(*)::int as n,
        make, model, drive, bed, transmission, location, state, y5::text as y5, deal, null::json as item,
        ${text ? sql`count(*) filter (where text_match)::int` : sql`null::int`} as text
      from (${facetSource(sql`${l} tablesample system (${sql.raw(percent.toFixed(4))}) repeatable (7)`, scanWhere, text ? sql`${text} as text_match` : undefined)}) m
      group by ${GROUPING_SETS}`,
  );
  const sample = collect(sampled);
  const scale = (n: number) => (n * 100) / percent;
  if (scale(sample.total) <= tuning.exactLimit) return exactPage(db, filters, where, delivered, page);
  const facets = Object.fromEntries(
    FACETS.map((f) => [
      f,
      sample.facets[f].map((v) => ({ value: v.value, count: roundEstimate(scale(v.count)) })),
    ]),
  ) as FacetCounts;
  const all = (1 << FACET_COLUMNS.length) - 1;
  const textMatches = sampled.find((r) => Number(r.g) === all)?.text;
  const rows = await searchPageRows(db, filters, where, delivered, page, {
    matches: scale(sample.total),
    tableRows,
    walkFactor: tuning.walkFactor,
    scanWhere,
    text,
    textMatches: textMatches === null || textMatches === undefined ? null : scale(Number(textMatches)),
  });
  return { rows, total: roundEstimate(scale(sample.total)), facets, estimated: true };
}

// Three grouping sets (and the total) rather than one per facet: each set costs a hash probe per row,
// and these combinations stay small (a few hundred groups); collect() sums each facet out of them.
const GROUPING_SETS = sql.raw(
  "grouping sets ((), (make, model), (drive, bed, transmission, location, deal), (state, y5))",
);

/** The filtered rows' facet columns (and `extra` ones), from `source`: the table, or a sample of it. */
function facetSource(source: SQL, where: SQL, extra?: SQL): SQL {
  return sql`select ${l.id} as id, ${l.make} as make, ${l.model} as model, ${l.drive} as drive, ${l.bedType} as bed,
      ${l.transmission} as transmission, ${l.location} as location, ${l.usState}::text as state,
      ${l.year} - ${l.year} % 5 as y5, ${l.dealRating} as deal${extra ? sql`, ${extra}` : sql``}
    from ${source} where ${where}`;
}

/** Every match counted, and the page sorted from the same rows, in one statement. */
async function exactPage(
  db: Db,
  filters: SearchFilters,
  where: SQL,
  delivered: DeliveredParams,
  page: PageRequest,
): Promise<SearchPage> {
  const keys = sortKeys(page.sort, filters, delivered);
  const keyOrder = keyOrderSql(keys);
  const rows = await queryRows<ResultRow>(
    db,
    sql`with m as ${sql.raw(isSelective(filters) ? "materialized" : "not materialized")} (
        ${facetSource(sql`${l}`, where, sortKeySelect(keys))}
      ), p as (
        select id, row_number() over (order by ${keyOrder})::int as ord
        from (select * from m order by ${keyOrder} limit ${page.limit} offset ${page.offset}) s
      )
      select 'facet' as kind, grouping(${FACET_LIST}) as g, count(*)::int as n,
        make, model, drive, bed, transmission, location, state, y5::text as y5, deal, null::json as item
      from m group by ${GROUPING_SETS}
      union all
      select 'item', null, p.ord, null, null, null, null, null, null, null, null, null, ${ITEM_JSON}
      from p join ${l} l on l.id = p.id`,
  );
  return { ...collect(rows), estimated: false };
}

/** The grouped columns, in the order of FACETS: the year facet groups on its five-year bucket, y5. */
type FacetColumn = Exclude<FacetName, "year"> | "y5";
const FACET_COLUMNS: readonly FacetColumn[] = FACETS.map((f) => (f === "year" ? "y5" : f));
const FACET_LIST = sql.raw(FACET_COLUMNS.join(", "));

type ResultRow = { kind: string; g: number | null; n: number; item: SearchRow | null } & Record<
  FacetColumn,
  string | null
>;

function collect(rows: ResultRow[]): Omit<SearchPage, "estimated"> {
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

/** The ZIPs of active US listings, each once: what a distance search measures (a few thousand at most). */
export async function activeListingZips(db: Db): Promise<string[]> {
  const rows = await queryRows<{ zip: string }>(
    db,
    sql`select distinct ${l.zip} as zip from ${l}
        where ${l.status} = 'active' and ${l.location} = 'us' and ${l.zip} is not null`,
  );
  return rows.map((r) => r.zip);
}
