// The delivered price a buyer in one state sees on a search result: the listing's state-independent
// landed price plus what that state charges to title and register it (state-fees.json). Search sorts and
// filters on this number in SQL, so the rule is reduced here to a few parameters (rate, minimum, cap,
// fixed fees) that the repository turns into one SQL expression; a test holds the two to the same cents.
// Unknown figures (null in the data) add nothing, and are named in `excludes` so the page can say so.
import type { StateFees } from "../../facts/schemas.js";
import { percentText, usdText } from "../cost/format.js";
import {
  applyRate,
  dollarsToCents,
  jpy,
  jpyToUsdCents,
  maxCents,
  minCents,
  sumCents,
  type UsdCents,
  usdCents,
} from "../units/money.js";
import type { ListingLocation } from "./types.js";

/** What one state adds to a landed price, reduced to the parameters of a formula. */
export interface DeliveredCharges {
  state: string;
  /** Motor vehicle tax as a decimal fraction of the taxable base; null when the data has no rate. */
  rate: number | null;
  /** The state's minimum tax, when it has one (applied before the cap, as in cost/state-charges). */
  minCents: UsdCents | null;
  /** The state's tax cap, when it has one. */
  capCents: UsdCents | null;
  /** Title fee + registration (a number, or the lowest of a range) + other fixed fees, where known. */
  fixedCents: UsdCents;
  /** Plain words for what the delivered price contains and what it leaves out. */
  includes: string[];
  excludes: string[];
}

/** The listing fields the delivered price reads (as stored: cents, whole yen). */
export interface PricedListing {
  location: ListingLocation;
  priceUsdCents: number | null;
  priceJpy: number | null;
  landedUsdCents: number | null;
}

function taxCharge(fees: StateFees, out: DeliveredCharges): void {
  const tax = fees.motorVehicleTax;
  if (tax.rate === null) {
    out.excludes.push("motor vehicle tax (the rate is not in our data)");
    return;
  }
  out.rate = tax.rate;
  const parts = [`${percentText(tax.rate)} of the price`];
  if (tax.minimumUsd !== undefined) {
    out.minCents = dollarsToCents(tax.minimumUsd);
    parts.push(`at least ${usdText(out.minCents)}`);
  }
  if (tax.capUsd !== undefined) {
    out.capCents = dollarsToCents(tax.capUsd);
    parts.push(`at most ${usdText(out.capCents)}`);
  }
  out.includes.push(`motor vehicle tax (${parts.join(", ")})`);
  if (tax.localAddOns === true) out.excludes.push("local taxes (counties and cities add their own)");
  if (tax.localAddOns === null) out.excludes.push("local taxes (whether they apply is not known)");
}

/** The parameters of the delivered price for buyers in the state of `fees`. */
export function deliveredChargesFor(fees: StateFees): DeliveredCharges {
  const out: DeliveredCharges = {
    state: fees.code,
    rate: null,
    minCents: null,
    capCents: null,
    fixedCents: usdCents(0),
    includes: [],
    excludes: [],
  };
  taxCharge(fees, out);
  const fixed: UsdCents[] = [];
  if (fees.titleFeeUsd === null) out.excludes.push("title fee (not in our data)");
  else {
    fixed.push(dollarsToCents(fees.titleFeeUsd));
    out.includes.push(`title fee (${usdText(dollarsToCents(fees.titleFeeUsd))})`);
  }
  const reg = fees.registrationFeeUsd;
  if (reg === null) out.excludes.push("registration (no single figure in our data)");
  else if (typeof reg === "number") {
    fixed.push(dollarsToCents(reg));
    out.includes.push(`registration (${usdText(dollarsToCents(reg))})`);
  } else {
    fixed.push(dollarsToCents(reg.min));
    out.includes.push(
      `registration (the lowest of ${usdText(dollarsToCents(reg.min))}-${usdText(dollarsToCents(reg.max))})`,
    );
  }
  for (const other of fees.otherFees ?? []) {
    fixed.push(dollarsToCents(other.usd));
    out.includes.push(`${other.name} (${usdText(dollarsToCents(other.usd))})`);
  }
  out.fixedCents = sumCents(fixed);
  return out;
}

/** The taxable base: the US asking price, or a Japan listing's yen price at the site's rate. */
export function taxableBaseCents(listing: PricedListing, jpyPerUsd: number): UsdCents {
  if (listing.location === "us") return usdCents(listing.priceUsdCents ?? 0);
  return jpyToUsdCents(jpy(listing.priceJpy ?? 0), jpyPerUsd);
}

/** round(rate x base), raised to the minimum and then held to the cap; 0 when the rate is unknown. */
export function stateTaxCents(charges: DeliveredCharges, base: UsdCents): UsdCents {
  if (charges.rate === null) return usdCents(0);
  let cents = applyRate(base, charges.rate);
  if (charges.minCents !== null) cents = maxCents(cents, charges.minCents);
  if (charges.capCents !== null) cents = minCents(cents, charges.capCents);
  return cents;
}

/**
 * Landed price plus the state's charges; without a state (null charges) the landed price itself. Null
 * when the listing has no landed price (nothing to add to).
 */
export function deliveredUsdCents(
  listing: PricedListing,
  charges: DeliveredCharges | null,
  jpyPerUsd: number,
): UsdCents | null {
  if (listing.landedUsdCents === null) return null;
  const landed = usdCents(listing.landedUsdCents);
  if (!charges) return landed;
  const tax = stateTaxCents(charges, taxableBaseCents(listing, jpyPerUsd));
  return sumCents([landed, tax, charges.fixedCents]);
}
