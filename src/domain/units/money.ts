// Money is integer cents (USD) or integer yen. Every conversion rounds half-up exactly, using BigInt
// arithmetic on scaled rates, so 0.5 cent never becomes 0.4999999 through floating point.
export type UsdCents = number & { readonly __brand: "UsdCents" };
export type Jpy = number & { readonly __brand: "Jpy" };

const RATE_SCALE = 1_000_000_000n;

export function usdCents(n: number): UsdCents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`USD cents must be a safe integer, got ${n}`);
  return n as UsdCents;
}

export function jpy(n: number): Jpy {
  if (!Number.isSafeInteger(n)) throw new RangeError(`yen must be a safe integer, got ${n}`);
  return n as Jpy;
}

/** Decimals already scaled: a few rates and amounts of the fact data come back on every calculation. */
const scaledMemo = new Map<number, bigint>();
const SCALED_MEMO_LIMIT = 4096;

/** A decimal (dollars, a rate) to an exact scaled integer: 0.003464 -> 3_464_000 at 1e9. */
function scaled(decimal: number): bigint {
  let v = scaledMemo.get(decimal);
  if (v !== undefined) return v;
  if (!Number.isFinite(decimal)) throw new RangeError(`not a finite number: ${decimal}`);
  // toFixed(9) avoids binary noise such as 0.1 + 0.2; the fact data has at most 6 decimals.
  const [whole, frac = ""] = Math.abs(decimal).toFixed(9).split(".");
  v = BigInt(whole ?? "0") * RATE_SCALE + BigInt(frac.padEnd(9, "0"));
  if (decimal < 0) v = -v;
  if (scaledMemo.size >= SCALED_MEMO_LIMIT) scaledMemo.clear();
  scaledMemo.set(decimal, v);
  return v;
}

/** numerator / denominator rounded half-up (away from zero for halves), both bigint. */
function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}

/** Dollars as a decimal (e.g. 33.58) to cents, half-up. */
export function dollarsToCents(dollars: number): UsdCents {
  return usdCents(Number(divHalfUp(scaled(dollars) * 100n, RATE_SCALE)));
}

/** Cents to dollars as a number with two decimals, for JSON output. */
export function centsToDollars(cents: UsdCents): number {
  return Number((cents / 100).toFixed(2));
}

/** cents x rate (a decimal fraction such as 0.25 or 0.003464), rounded half-up to the cent. */
export function applyRate(cents: UsdCents, rate: number): UsdCents {
  return usdCents(Number(divHalfUp(BigInt(cents) * scaled(rate), RATE_SCALE)));
}

/** Yen to US cents at a JPY-per-USD rate (e.g. 150.25), rounded half-up to the cent. */
export function jpyToUsdCents(amount: Jpy, jpyPerUsd: number): UsdCents {
  if (!(jpyPerUsd > 0)) throw new RangeError(`JPY per USD must be positive, got ${jpyPerUsd}`);
  return usdCents(Number(divHalfUp(BigInt(amount) * 100n * RATE_SCALE, scaled(jpyPerUsd))));
}

/** US cents to yen at a JPY-per-USD rate, rounded half-up to the yen. */
export function usdCentsToJpy(cents: UsdCents, jpyPerUsd: number): Jpy {
  return jpy(Number(divHalfUp(BigInt(cents) * scaled(jpyPerUsd), RATE_SCALE * 100n)));
}

export function sumCents(values: readonly UsdCents[]): UsdCents {
  return usdCents(values.reduce((a, b) => a + b, 0));
}

export function minCents(a: UsdCents, b: UsdCents): UsdCents {
  return (a < b ? a : b) as UsdCents;
}

export function maxCents(a: UsdCents, b: UsdCents): UsdCents {
  return (a > b ? a : b) as UsdCents;
}
