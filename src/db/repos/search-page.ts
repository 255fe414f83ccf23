// One page of search results for a broad search, read in the sort's order off the index that serves it
// (one per sort, schema/listings.ts): 24 rows of a search matching 40,000 cost a short index walk, not a
// sort of every match. Two sorts are not a plain index order and get an exact two-step plan:
//  - delivered with a percentage tax: delivered = landed + tax + fees, with the tax never negative, so a
//    listing can only be among the first k by delivered if its landed price is at most the largest
//    delivered price of the first k by landed, minus the fees. That bound turns the sort into a short
//    range of the landed-price index.
//  - relevance with typo alternatives: the whole-word text matches come first, newest first, then the
//    rest, newest first: two walks of the newest index, the second only when the first runs out (the
//    first one found whole by the full-text index when the sample says the text matches are few).
//    search_text is never null (a generated to_tsvector of non-null text), so "not" is the complement.
// search.repo.test.ts holds every sort's page to the page the one-statement exact search gives.
import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../client.js";
import { listings as l } from "../schema/listings.js";
import type { SearchRow } from "./search.repo.js";
import { type DeliveredParams, deliveredCentsSql, hasTax } from "./search-delivered.js";
import {
  relevanceTextSql,
  type SearchFilters,
  type SortKey,
  type SortKeySql,
  sortKeys,
} from "./search-filters.js";

export const ITEM_JSON =
  sql.raw(`json_build_object('id', l.id, 'title', l.title, 'make', l.make, 'model', l.model,
  'chassisCode', l.chassis_code, 'generationLabel', l.generation_label, 'year', l.year, 'drive', l.drive, 'transmission', l.transmission,
  'bedType', l.bed_type, 'mileageKm', l.mileage_km, 'location', l.location, 'usState', l.us_state,
  'jpPort', l.jp_port, 'priceUsdCents', l.price_usd_cents, 'priceJpy', l.price_jpy,
  'landedUsdCents', l.landed_usd_cents, 'eligibleFrom', l.eligible_from, 'dealRating', l.deal_rating,
  'fairPriceCents', l.fair_price_cents, 'isDemo', l.is_demo,
  'createdAt', to_char(l.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'priceDropPercent', l.price_drop_percent,
  'priceChangedAt', to_char(l.price_changed_at at time zone 'UTC', 'YYYY-MM-DD'),
  'photo', (select ph.storage_key from listing_photos ph where ph.listing_id = l.id and ph.position = 0))`);

/** ORDER BY for the k0..kn columns sortKeySelect() names, with the id (descending) breaking ties. */
export function keyOrderSql(keys: readonly SortKeySql[]): SQL {
  return sql.raw([...keys.map((k, i) => `k${i} ${k.order}`), "id desc"].join(", "));
}

/** The sort keys as select-list columns k0..kn, so ORDER BY names them and still matches the index. */
export function sortKeySelect(keys: readonly SortKeySql[]): SQL {
  return sql.join(
    keys.map((k, i) => sql`${k.expr} as ${sql.raw(`k${i}`)}`),
    sql`, `,
  );
}

async function orderedIds(
  db: Db,
  where: SQL,
  keys: readonly SortKeySql[],
  limit: number,
  offset: number,
): Promise<number[]> {
  if (limit <= 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select ${l.id} as id, ${sortKeySelect(keys)} from ${l} where ${where}
      order by ${keyOrderSql(keys)} limit ${limit} offset ${offset}`,
  );
  return rows.map((r) => Number(r.id));
}

/** The result items of these listings, in the order given. */
async function rowsByIds(db: Db, ids: readonly number[]): Promise<SearchRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ item: SearchRow }>(
    db,
    sql`select ${ITEM_JSON} as item from ${l} l where l.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const byId = new Map(rows.map((r) => [Number(r.item.id), { ...r.item, id: Number(r.item.id) }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Delivered order with a tax: the landed-price bound described at the top of this file. */
async function deliveredIds(
  db: Db,
  where: SQL,
  delivered: DeliveredParams,
  keys: readonly SortKeySql[],
  limit: number,
  offset: number,
): Promise<number[]> {
  const k = offset + limit;
  const firstByLanded = await queryRows<{ d: string | null }>(
    db,
    sql`select (${deliveredCentsSql(delivered)})::text as d, ${l.landedUsdCents} as k0 from ${l} where ${where}
      order by k0 asc nulls last, id desc limit ${k}`,
  );
  // Fewer than k priced matches: the set is small (or mostly unpriced), so the plain sort is cheap.
  if (firstByLanded.length < k || firstByLanded.some((r) => r.d === null))
    return orderedIds(db, where, keys, limit, offset);
  const largest = Math.max(...firstByLanded.map((r) => Number(r.d)));
  const bound = largest - (delivered.charges?.fixedCents ?? 0);
  return orderedIds(db, sql`${where} and ${l.landedUsdCents} <= ${bound}`, keys, limit, offset);
}

/**
 * The first `limit` ids of a small set in the keys' order: the set is found whole (by whatever bitmaps
 * its filters have) and sorted, where a walk down the sort's index would pass most of the table
 * before finding a few rows.
 */
async function smallSetIds(
  db: Db,
  where: SQL,
  keys: readonly SortKeySql[],
  limit: number,
  offset: number,
): Promise<number[]> {
  if (limit <= 0) return [];
  const rows = await queryRows<{ id: number }>(
    db,
    sql`with m as materialized (select ${l.id} as id, ${sortKeySelect(keys)} from ${l} where ${where})
      select id from m order by ${keyOrderSql(keys)} limit ${limit} offset ${offset}`,
  );
  return rows.map((r) => Number(r.id));
}

/** Relevance with typo alternatives: text matches first, then the rest, each newest first. */
async function relevanceIds(
  db: Db,
  where: SQL,
  text: SQL,
  limit: number,
  offset: number,
  hints: PageHints,
): Promise<number[]> {
  const newest = sortKeys("newest", { words: [] }, { charges: null, jpyPerUsd: 1 });
  const fewTextMatches = hints.textMatches !== null && hints.textMatches <= hints.exactLimit;
  const first = await (fewTextMatches ? smallSetIds : orderedIds)(
    db,
    sql`${where} and ${text}`,
    newest,
    offset + limit,
    0,
  );
  const page = first.slice(offset);
  if (first.length === offset + limit) return page;
  // The text matches ran out inside (or before) this page: the typo matches fill the rest.
  const rest = await orderedIds(
    db,
    sql`${where} and not ${text}`,
    newest,
    limit - page.length,
    Math.max(0, offset - first.length),
  );
  return [...page, ...rest];
}

/** What the search's sample says about the set (search.repo.ts), to choose how to read the page. */
export interface PageHints {
  exactLimit: number;
  /** Estimated listings matching every word as text (relevance with typo alternatives); else null. */
  textMatches: number | null;
}

export interface PageRequest {
  sort: SortKey;
  limit: number;
  offset: number;
}

/** The page of results in the sort's order, each sort by its index (see the top of this file). */
export async function searchPageRows(
  db: Db,
  filters: SearchFilters,
  where: SQL,
  delivered: DeliveredParams,
  page: PageRequest,
  hints: PageHints,
): Promise<SearchRow[]> {
  const keys = sortKeys(page.sort, filters, delivered);
  const text = page.sort === "relevance" ? relevanceTextSql(filters) : null;
  const ids = text
    ? await relevanceIds(db, where, text, page.limit, page.offset, hints)
    : page.sort === "delivered" && hasTax(delivered)
      ? await deliveredIds(db, where, delivered, keys, page.limit, page.offset)
      : await orderedIds(db, where, keys, page.limit, page.offset);
  return rowsByIds(db, ids);
}
