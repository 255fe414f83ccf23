// The market side of a listing page: its price history and days on market, the sale's review, and
// the seller's rating summary. Read-only; the rules live in domain/listings and domain/reputation.
import type { Db } from "../db/client.js";
import { pricesFor } from "../db/repos/listings.repo.js";
import { reviewForListing, visibleRatingsOfSeller } from "../db/repos/reviews.repo.js";
import { findUserById } from "../db/repos/users.repo.js";
import type { Listing } from "../db/schema/listings.js";
import { daysOnMarket, lastMove, type PricePoint, priceSteps } from "../domain/listings/price-history.js";
import { canReview, summarizeRatings } from "../domain/reputation/reviews.js";
import type { IsoDate } from "../domain/units/dates.js";
import type { PublicUser } from "./accounts.js";

const dayOf = (d: Date) => d.toISOString().slice(0, 10) as IsoDate;

export async function listingMarket(db: Db, l: Listing, today: IsoDate, viewer: PublicUser | null) {
  const [prices, review, sellerRatings] = await Promise.all([
    pricesFor(db, l.id),
    reviewForListing(db, l.id),
    visibleRatingsOfSeller(db, l.sellerId),
  ]);
  // Whole dollars for US listings, yen for Japan ones; a listing moved between the two keeps the current kind.
  const points: PricePoint[] = prices
    .map((p) => ({
      on: dayOf(p.at),
      amount: l.location === "us" ? (p.priceUsdCents ?? 0) / 100 : (p.priceJpy ?? 0),
    }))
    .filter((p) => p.amount > 0);
  const ended = l.status === "active" ? null : dayOf(l.soldAt ?? l.updatedAt);
  const until = ended ?? today;
  const reviewer = review ? await findUserById(db, review.buyerId) : undefined;
  const actor = viewer ? { id: viewer.id, banned: viewer.banned } : null;
  return {
    currency: l.location === "us" ? ("USD" as const) : ("JPY" as const),
    history: points,
    chart: points.length ? priceSteps(points, until) : null,
    move: lastMove(points),
    daysOnMarket: daysOnMarket(dayOf(l.createdAt), ended, today),
    ended,
    review: review && (review.hiddenAt === null || viewer?.role === "admin") ? review : null,
    reviewerName: reviewer?.displayName ?? null,
    /** Whether the viewer may review this sale now (shows the form). */
    mayReview: canReview(l, actor, review !== undefined).ok,
    sellerRating: summarizeRatings(sellerRatings),
  };
}
export type ListingMarket = Awaited<ReturnType<typeof listingMarket>>;
