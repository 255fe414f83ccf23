// The delivered price (landed + the viewer state's charges) as SQL: the pure rule of
// domain/listings/delivered.ts written over its parameters, so search can filter and sort on it.
// search.repo.test.ts holds this expression and the pure function to the same cents.
import { type SQL, sql } from "drizzle-orm";
import type { DeliveredCharges } from "../../domain/listings/delivered.js";
import { listings as l } from "../schema/listings.js";

/** The viewer's state charges (null: no state, delivered = landed) and the site's yen rate. */
export interface DeliveredParams {
  charges: DeliveredCharges | null;
  jpyPerUsd: number;
}

/** A non-negative decimal as exact numeric text with 9 places, as domain/units/money.ts scales rates. */
function numericLiteral(n: number): SQL {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`expected a non-negative number, got ${n}`);
  return sql.raw(`${n.toFixed(9)}::numeric`);
}

function centsLiteral(n: number): SQL {
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected whole cents, got ${n}`);
  return sql.raw(String(n));
}

/** The taxable base in cents; Japan: half-up(price_jpy x 100 / jpyPerUsd), exactly, in numeric. */
function taxableBaseSql(jpyPerUsd: number): SQL {
  if (!(jpyPerUsd > 0)) throw new RangeError(`JPY per USD must be positive, got ${jpyPerUsd}`);
  // half-up(n / d) = floor((2n + d) / 2d) for positive n and d, as money.ts's divHalfUp does.
  const d = numericLiteral(jpyPerUsd);
  return sql`(case when ${l.location} = 'us' then ${l.priceUsdCents}::numeric else div(${l.priceJpy}::numeric * 200 + ${d}, 2 * ${d}) end)`;
}

function taxed(charges: DeliveredCharges): boolean {
  return charges.rate !== null && (charges.rate > 0 || charges.minCents !== null);
}

/** Does delivered add a tax that depends on the price? If not, it is landed plus the same fees for all. */
export function hasTax({ charges }: DeliveredParams): boolean {
  return charges !== null && taxed(charges);
}

/** landed + tax + fixed fees in bigint cents: the value deliveredUsdCents() computes for the row. */
export function deliveredCentsSql({ charges, jpyPerUsd }: DeliveredParams): SQL {
  if (!charges) return sql`${l.landedUsdCents}`;
  const fixed = centsLiteral(charges.fixedCents);
  if (!taxed(charges)) return sql`(${l.landedUsdCents} + ${fixed})`;
  // round() on numeric takes halves away from zero: half-up for these positive amounts, exactly.
  let tax = sql`round(${taxableBaseSql(jpyPerUsd)} * ${numericLiteral(charges.rate ?? 0)})`;
  if (charges.minCents !== null) tax = sql`greatest(${tax}, ${centsLiteral(charges.minCents)})`;
  if (charges.capCents !== null) tax = sql`least(${tax}, ${centsLiteral(charges.capCents)})`;
  return sql`(${l.landedUsdCents} + ${tax} + ${fixed})::bigint`;
}

/**
 * What a price bound compares: without a tax, delivered = landed + a constant, so the bound moves by
 * that constant and the landed-price index answers it; otherwise the delivered expression itself.
 */
export function priceFilterTarget(delivered: DeliveredParams): { expr: SQL; shift: number } {
  const { charges } = delivered;
  if (!charges || !taxed(charges)) return { expr: sql`${l.landedUsdCents}`, shift: charges?.fixedCents ?? 0 };
  return { expr: deliveredCentsSql(delivered), shift: 0 };
}
