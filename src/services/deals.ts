// Deal ratings: a fair-price model is fitted on the current asking prices of active listings and the
// prices of sold ones, then every active listing is rated against it. Trucks in the US and trucks in
// Japan get a model each: a Japan price (landed, before freight and US-side costs) is not comparable
// with a US asking price, and one model would rate every Japan truck a bargain. Refitting is a
// batch step (after seeding, on a timer); a new or edited listing is rated with the latest model.
import { and, asc, gt, inArray, sql } from "drizzle-orm";
import type { Database, Db } from "../db/client.js";
import { listings } from "../db/schema/listings.js";
import { fitDealModel } from "../domain/pricing/fit.js";
import { rateDeal } from "../domain/pricing/rate.js";
import type { Comparable, DealModel } from "../domain/pricing/types.js";

type Location = "us" | "jp";
/** `updated`: the row's updated_at as the database writes it (text keeps its microseconds). */
type Row = Comparable & { id: number; status: string; location: Location; updated: string };

/**
 * Statements of a refresh read or write at most this many listings each, and the event loop gets a turn
 * between two: on the embedded database a statement runs on the app's thread, and the whole refresh of
 * 20,000 listings in one go held every request for 0.75-1.2 s every ten minutes (measured; its longest
 * hold is now 60-90 ms).
 */
const CHUNK_ROWS = 2000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function loadComparables(db: Db, chunkRows = CHUNK_ROWS): Promise<Row[]> {
  const rows: Row[] = [];
  // A page at a time in id order (the primary key): a statement per page, a turn of the loop between.
  for (let after = 0; ; ) {
    const page = await db
      .select({
        id: listings.id,
        status: listings.status,
        location: listings.location,
        make: listings.make,
        model: listings.model,
        generation: listings.generationLabel,
        year: listings.year,
        mileageKm: listings.mileageKm,
        drive: listings.drive,
        bedType: listings.bedType,
        priceCents: listings.landedUsdCents,
        updated: sql<string>`${listings.updatedAt}::text`,
      })
      .from(listings)
      .where(and(inArray(listings.status, ["active", "sold"]), gt(listings.id, after)))
      .orderBy(asc(listings.id))
      .limit(chunkRows);
    for (const r of page) if (r.priceCents !== null && r.priceCents > 0) rows.push(r as Row);
    if (page.length < chunkRows) return rows;
    after = page[page.length - 1]!.id;
    await nextTurn();
  }
}

const current: Record<Location, DealModel | null> = { us: null, jp: null };

/** The US model and what it rests on: how many listings, and how many of those were demo data. */
export interface UsDealFit {
  model: DealModel | null;
  listings: number;
  demoListings: number;
}

async function usFit(db: Db, model: DealModel | null, rows: number): Promise<UsDealFit> {
  const [demo] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(listings)
    .where(
      sql`${listings.isDemo} and ${listings.location} = 'us' and ${listings.status} in ('active', 'sold')`,
    );
  return { model, listings: rows, demoListings: Math.min(demo?.n ?? 0, rows) };
}

/** The US fair-price model fitted now on the database's prices (read only), and how many rows were demo data. */
export async function fitUsDealModel(db: Db): Promise<UsDealFit> {
  const rows = (await loadComparables(db)).filter((r) => r.location === "us");
  return usFit(db, rows.length ? fitDealModel(rows) : null, rows.length);
}

export function currentDealModel(location: Location = "us"): DealModel | null {
  return current[location];
}

export function ratingColumns(model: DealModel | null, truck: Comparable) {
  if (!model || truck.priceCents <= 0) return { fairPriceCents: null, dealRating: null, comparables: null };
  const r = rateDeal(model, { ...truck, priceCents: Math.round(truck.priceCents) });
  return r.kind === "rated"
    ? {
        fairPriceCents: r.fair.fairCents as number,
        dealRating: r.rating as string,
        comparables: r.fair.comparables,
      }
    : { fairPriceCents: null, dealRating: null, comparables: r.comparables };
}

/** A refresh's work before it writes: the models fitted, and the rating of every active listing. */
export interface RatingPlan {
  fittedOn: number;
  usRows: number;
  ratings: { id: number; updated: string; fair: number | null; rating: string | null; n: number | null }[];
}

function chunkSize(chunkRows: number): number {
  if (!Number.isInteger(chunkRows) || chunkRows < 1)
    throw new RangeError(`chunkRows must be a whole number of at least 1, not ${chunkRows}`);
  return chunkRows;
}

/** Reads every listing with a price and refits both models (now the current ones); writes nothing. */
export async function planDealRatings(
  database: Database,
  { chunkRows = CHUNK_ROWS }: { chunkRows?: number } = {},
): Promise<RatingPlan> {
  const rows = await loadComparables(database.db, chunkSize(chunkRows));
  let fittedOn = 0;
  for (const location of ["us", "jp"] as const) {
    const own = rows.filter((r) => r.location === location);
    current[location] = own.length ? fitDealModel(own) : null;
    fittedOn += current[location]?.fittedOn ?? 0;
  }
  // The fit and the ratings are a few tens of milliseconds each at 20,000 listings: not in one turn.
  await nextTurn();
  const ratings = rows
    .filter((r) => r.status === "active")
    .map((r) => {
      const c = ratingColumns(current[r.location], r);
      return { id: r.id, updated: r.updated, fair: c.fairPriceCents, rating: c.dealRating, n: c.comparables };
    });
  return { fittedOn, usRows: rows.filter((r) => r.location === "us").length, ratings };
}

/**
 * Writes a plan's ratings, a chunk per statement with a turn of the loop before each. A listing edited
 * (or sold, withdrawn) since the plan read it is left as it is: its edit rated it with the latest model
 * already, and the plan's rating was made from its old values. The refresh yields between statements,
 * so requests do run in between; updated_at, compared to the microsecond, tells.
 */
export async function writeDealRatings(
  database: Database,
  plan: RatingPlan,
  { chunkRows = CHUNK_ROWS }: { chunkRows?: number } = {},
): Promise<void> {
  const size = chunkSize(chunkRows);
  for (let i = 0; i < plan.ratings.length; i += size) {
    await nextTurn();
    const values = sql.join(
      plan.ratings
        .slice(i, i + size)
        .map(
          (c) =>
            sql`(${c.id}::bigint, ${c.updated}::timestamptz, ${c.fair}::bigint, ${c.rating}::text, ${c.n}::int)`,
        ),
      sql`, `,
    );
    await database.db.execute(sql`
      update listings as l set fair_price_cents = v.fair, deal_rating = v.rating, comparables = v.n
      from (values ${values}) as v(id, updated, fair, rating, n)
      where l.id = v.id and l.updated_at = v.updated and l.status = 'active'
        and (l.fair_price_cents, l.deal_rating, l.comparables) is distinct from (v.fair, v.rating, v.n)`);
  }
}

/**
 * Refit on all current prices and rewrite every active listing's rating (in chunks, one statement each).
 * `us` is the US model as fitUsDealModel would give it now, for the deal-model snapshot.
 */
export async function refreshDealRatings(
  database: Database,
  options: { chunkRows?: number } = {},
): Promise<{ fittedOn: number; rated: number; us: UsDealFit }> {
  const plan = await planDealRatings(database, options);
  await writeDealRatings(database, plan, options);
  return {
    fittedOn: plan.fittedOn,
    rated: plan.ratings.filter((r) => r.rating !== null).length,
    us: await usFit(database.db, current.us, plan.usRows),
  };
}
