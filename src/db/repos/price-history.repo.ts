// Asking prices of one model family for its price-trend charts: the US listings' dollar prices with what
// the deal model needs to price a typical truck, and how many Japan listings (priced in yen, so not on
// the same chart) there are. A listing belongs to the family by its decoded chassis code, or, without
// one, by the make and one of the family's model names as the seller gave them (in any letter case).
import { and, desc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Drive } from "../../domain/listings/types.js";
import type { Db } from "../client.js";
import { listings as l } from "../schema/listings.js";

export interface FamilyMatch {
  chassisCodes: readonly string[];
  make: string;
  models: readonly string[];
}

export interface PriceHistoryRow {
  year: number | null;
  /** YYYY-MM of the listing's creation, in UTC. */
  month: string;
  priceUsdCents: number;
  make: string;
  model: string;
  generationLabel: string | null;
  mileageKm: number | null;
  drive: Drive | null;
}

/** Active and sold listings: the prices the deal model is fitted on (withdrawn ones never sold). */
const PRICED = ["active", "sold"] as const;
/** A family has at most a few thousand listings; past this only the newest are charted. */
export const PRICE_HISTORY_LIMIT = 10_000;

function familySql(f: FamilyMatch): SQL {
  const byName = and(
    isNull(l.chassisCode),
    sql`lower(${l.make}) = ${f.make.toLowerCase()}`,
    f.models.length
      ? inArray(
          sql`lower(${l.model})`,
          f.models.map((m) => m.toLowerCase()),
        )
      : sql`false`,
  );
  return (f.chassisCodes.length ? or(inArray(l.chassisCode, [...f.chassisCodes]), byName) : byName)!;
}

export async function familyPriceHistory(
  db: Db,
  family: FamilyMatch,
  limit = PRICE_HISTORY_LIMIT,
): Promise<{ us: PriceHistoryRow[]; jpCount: number }> {
  const where = and(inArray(l.status, [...PRICED]), familySql(family));
  const rows = await db
    .select({
      year: l.year,
      month: sql<string>`to_char(${l.createdAt} at time zone 'UTC', 'YYYY-MM')`,
      priceUsdCents: l.priceUsdCents,
      make: l.make,
      model: l.model,
      generationLabel: l.generationLabel,
      mileageKm: l.mileageKm,
      drive: l.drive,
    })
    .from(l)
    .where(and(eq(l.location, "us"), where))
    .orderBy(desc(l.createdAt), desc(l.id))
    .limit(limit);
  const [jp] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(l)
    .where(and(eq(l.location, "jp"), where));
  return {
    // The location check constraint guarantees a dollar price on every US row.
    us: rows.map((r) => ({ ...r, priceUsdCents: Number(r.priceUsdCents) })),
    jpCount: Number(jp?.n ?? 0),
  };
}
