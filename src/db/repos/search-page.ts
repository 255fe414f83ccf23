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
// services/search-estimated.test.ts holds every sort's pages to the ones the exact, one-statement path gives.
import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../client.js";
import { listings as l } from "../schema/listings.js";
import type { SearchRow } from "./search.repo.js";
import { type DeliveredParams, deliveredCentsSql, hasTax } from "./search-delivered.js";
import {
  LANDED_KEYS,
  NEWEST_KEYS,
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
  'photo', (select ph.storage_key from listing_photos ph where ph.listing_id = l.id and ph.position = 0),
  'zip', l.zip)`);

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

/**
 * The page by a plain ORDER BY ... LIMIT, the planner's own choice of index or sort (`sortedIds`); or,
 * for a small set, found whole by whatever bitmaps its filters have and then sorted (`smallSetIds`,
 * materialized so the planner cannot choose to walk the sort's index past most of the table instead).
 */
async function pageOf(
  materialize: boolean,
  db: Db,
  where: SQL,
  keys: readonly SortKeySql[],
  limit: number,
  offset: number,
): Promise<number[]> {
  if (limit <= 0) return [];
  const select = sql`select ${l.id} as id, ${sortKeySelect(keys)} from ${l} where ${where}`;
  const order = sql`order by ${keyOrderSql(keys)} limit ${limit} offset ${offset}`;
  const rows = await queryRows<{ id: number }>(
    db,
    materialize ? sql`with m as materialized (${select}) select id from m ${order}` : sql`${select} ${order}`,
  );
  return rows.map((r) => Number(r.id));
}

type PageOf = (
  db: Db,
  where: SQL,
  keys: readonly SortKeySql[],
  limit: number,
  offset: number,
) => Promise<number[]>;
const sortedIds: PageOf = (...args) => pageOf(false, ...args);
const smallSetIds: PageOf = (...args) => pageOf(true, ...args);

/** The most active listings a walk reads before the page is taken from the whole set instead. */
const WALK_ROWS = 16_000;

/**
 * The page by walking the sort's index over active listings, reading at most a budget of rows: a few
 * times (walkFactor) what the expected share of matches needs. The walk stops as soon as it has the
 * page, so the budget only costs when matches bunch at the far end of the order (a chassis code sorted
 * newest year first); then, or when the share is too small for any budget, the set is found whole.
 * Exact either way: the rows a walk reads are a prefix of the order, so its matches are the first ones.
 * The walk is over the scope (active listings, in the location asked for: the one filter that leads an
 * index) and tests the rest of the search on each row it reads.
 */
async function walkIds(
  db: Db,
  where: SQL,
  keys: readonly SortKeySql[],
  limit: number,
  offset: number,
  expected: WalkHints,
): Promise<number[]> {
  if (limit <= 0) return [];
  const need = offset + limit;
  const budget = walkBudget(need, expected);
  if (budget === null) return smallSetIds(db, where, keys, limit, offset);
  const order = keyOrderSql(keys);
  // Not materialized: the outer LIMIT stops the index scan at the page's last match.
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select id from (
        select ${l.id} as id, ${sortKeySelect(keys)}, (${expected.scanWhere}) as m from ${l}
        where ${expected.scope} order by ${order} limit ${budget}
      ) s where m order by ${order} limit ${need}`,
  );
  if (rows.length === need) return rows.slice(offset).map((r) => Number(r.id));
  return fallbackIds(db, where, keys, limit, offset, expected);
}

/** The rows a walk may read for `need` matches, or null when the set is better found whole. */
function walkBudget(need: number, expected: WalkHints): number | null {
  const budget = Math.ceil((expected.walkFactor * need * expected.tableRows) / Math.max(1, expected.matches));
  return budget > WALK_ROWS ? null : Math.max(budget, need);
}

/**
 * After a walk came up short (too few matches in its budget, or the scope ran out): a big set is still
 * best read in order by the planner (the scope repeated as plain tests, so the location can lead an
 * index), a small one found whole. A scope that ran out is small, and found whole exactly the same.
 */
function fallbackIds(
  db: Db,
  where: SQL,
  keys: readonly SortKeySql[],
  limit: number,
  offset: number,
  expected: WalkHints,
): Promise<number[]> {
  if (expected.matches > WALK_ROWS)
    return sortedIds(db, sql`${where} and ${expected.scope}`, keys, limit, offset);
  return smallSetIds(db, where, keys, limit, offset);
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

/**
 * Delivered order with a tax, by the landed-price bound described at the top of this file: a walk of
 * the landed-price index (stopping at the k-th match) gives the first k matches by landed price and
 * their delivered prices, hence the bound; then every listing up to the bound is read off the same
 * index (only that range, whatever else the search says) and the matches among them sorted by delivered
 * price. Without k priced matches in the walk's budget, the set is sorted whole.
 */
async function deliveredIds(
  db: Db,
  where: SQL,
  delivered: DeliveredParams,
  keys: readonly SortKeySql[],
  limit: number,
  offset: number,
  hints: WalkHints,
): Promise<number[]> {
  const k = offset + limit;
  const budget = walkBudget(k, hints);
  if (budget === null) return smallSetIds(db, where, keys, limit, offset);
  const order = keyOrderSql(LANDED_KEYS);
  const first = await queryRows<{ id: number; d: string | null }>(
    db,
    // The walk's rows are named as the table, so the delivered price's SQL (written over its columns)
    // reads them: it is worked out for the matches only, not for every row the walk reads.
    sql`select id, (${deliveredCentsSql(delivered)})::text as d from (
        select ${l.id} as id, ${sortKeySelect(LANDED_KEYS)}, (${hints.scanWhere}) as m, ${l.location},
          ${l.priceUsdCents}, ${l.priceJpy}, ${l.landedUsdCents}
        from ${l} where ${hints.scope} order by ${order} limit ${budget}
      ) listings where m order by ${order} limit ${k}`,
  );
  // Fewer than k priced matches: a bunched or small set, sorted whole.
  if (first.length < k || first.some((r) => r.d === null))
    return fallbackIds(db, where, keys, limit, offset, hints);
  const bound = Math.max(...first.map((r) => Number(r.d))) - (delivered.charges?.fixedCents ?? 0);
  const below = await queryRows<{ id: number }>(
    db,
    sql`with s as materialized (
        select ${l.id} as id, case when ${hints.scanWhere} then ${deliveredCentsSql(delivered)} end as d
        from ${l} where ${hints.scope} and ${l.landedUsdCents} <= ${bound}
      )
      select id from s where d is not null order by d asc, id desc limit ${limit} offset ${offset}`,
  );
  return below.map((r) => Number(r.id));
}

/** Relevance with typo alternatives: text matches first, then the rest, each newest first. */
async function relevanceIds(
  db: Db,
  where: SQL,
  text: SQL,
  limit: number,
  offset: number,
  hints: WalkHints,
): Promise<number[]> {
  const textMatches = hints.textMatches ?? hints.matches;
  const first = await walkIds(db, sql`${where} and ${text}`, NEWEST_KEYS, offset + limit, 0, {
    ...hints,
    scanWhere: sql`${hints.scanWhere} and ${text}`,
    matches: textMatches,
  });
  const page = first.slice(offset);
  if (first.length === offset + limit) return page;
  // The text matches ran out inside (or before) this page: the typo matches fill the rest.
  const rest = await walkIds(
    db,
    sql`${where} and not ${text}`,
    NEWEST_KEYS,
    limit - page.length,
    Math.max(0, offset - first.length),
    { ...hints, scanWhere: sql`${hints.scanWhere} and not ${text}`, matches: hints.matches - textMatches },
  );
  return [...page, ...rest];
}

/** The page hints with the walk's scope: what every match satisfies and an index can lead with. */
type WalkHints = PageHints & { scope: SQL };

/** What the search's sample says about the set (search.repo.ts), to choose how to read the page. */
export interface PageHints {
  /** Estimated listings matching the search, and listings in the table (the planner's count). */
  matches: number;
  tableRows: number;
  /** How many times the rows the expected share of matches needs a walk may read (SearchTuning). */
  walkFactor: number;
  /** The search's WHERE in whereSql's "scan" form (the same rows), as the sample and walks test it row by row. */
  scanWhere: SQL;
  /** Relevance with typo alternatives: the whole-word text test and its estimated matches; else null. */
  text: SQL | null;
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
  pageHints: PageHints,
): Promise<SearchRow[]> {
  const keys = sortKeys(page.sort, filters, delivered);
  const scope = filters.location
    ? sql`${l.status} = 'active' and ${l.location} = ${filters.location}`
    : sql`${l.status} = 'active'`;
  const hints = { ...pageHints, scope };
  const text = pageHints.text;
  const ids = text
    ? await relevanceIds(db, where, text, page.limit, page.offset, hints)
    : page.sort === "delivered" && hasTax(delivered)
      ? await deliveredIds(db, where, delivered, keys, page.limit, page.offset, hints)
      : await walkIds(db, where, keys, page.limit, page.offset, hints);
  return rowsByIds(db, ids);
}
