// The rules of seller reviews: a review needs a completed sale to that buyer, one per sale; the seller
// answers once; banned accounts do neither. Plain data in, a verdict with the reason out.
export const REVIEW_BODY_MAX = 2000;
export const REPLY_BODY_MAX = 1000;

export interface SaleFacts {
  status: "active" | "sold" | "withdrawn";
  sellerId: number;
  soldToId: number | null;
}

export interface Actor {
  id: number;
  banned: boolean;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

const no = (reason: string): Verdict => ({ ok: false, reason });

export function canReview(sale: SaleFacts, actor: Actor | null, alreadyReviewed: boolean): Verdict {
  if (!actor) return no("log in to review this seller");
  if (actor.banned) return no("this account may not post reviews");
  if (sale.status !== "sold" || sale.soldToId === null)
    return no("a review needs a completed sale: the seller marks the truck sold to your account");
  if (sale.soldToId !== actor.id) return no("only the buyer this truck was sold to may review the sale");
  if (sale.sellerId === actor.id) return no("sellers cannot review themselves");
  if (alreadyReviewed) return no("this sale has been reviewed already (one review per sale)");
  return { ok: true };
}

export function canReply(review: { sellerId: number; reply: string | null }, actor: Actor | null): Verdict {
  if (!actor) return no("log in to answer this review");
  if (actor.banned) return no("this account may not post");
  if (review.sellerId !== actor.id) return no("only the reviewed seller may answer a review");
  if (review.reply !== null) return no("this review has been answered already (one answer per review)");
  return { ok: true };
}

export interface RatingSummary {
  count: number;
  /** Mean of the visible ratings to one decimal; null with no ratings. */
  average: number | null;
  /** How many reviews gave 1..5 stars (index 0 is one star). */
  histogram: [number, number, number, number, number];
}

export function summarizeRatings(ratings: readonly number[]): RatingSummary {
  const histogram: RatingSummary["histogram"] = [0, 0, 0, 0, 0];
  for (const r of ratings) {
    if (!Number.isInteger(r) || r < 1 || r > 5) throw new RangeError(`rating out of range: ${r}`);
    histogram[r - 1]! += 1;
  }
  const count = ratings.length;
  const average = count ? Math.round((ratings.reduce((a, b) => a + b, 0) / count) * 10) / 10 : null;
  return { count, average, histogram };
}

/** The share (0–100, whole percent) of a seller's listings whose frame number decodes; null with none. */
export function decodedShare(decoded: number, total: number): number | null {
  return total > 0 ? Math.round((decoded / total) * 100) : null;
}
