// The deal rating: where the price falls in the estimate's range.
//
//   Great deal  below the range (cheaper than ~90 % of what trucks like this one fetch)
//   Good deal   in the range, at least half a spread under the estimate (price <= fair x exp(-0.5 s))
//   Fair price  the rest of the range
//   High price  above the range (dearer than ~90 %)
//
// Cut points scale with the group's spread rather than being fixed percentages: 10 % under the
// estimate is remarkable for a tightly priced late-model Carry and ordinary for a 30-year-old oddity.
// The floor on the spread (5 %) keeps a tiny discount from being called great. The comparisons are
// made on the displayed, rounded cents, so a price shown under the range's low end is always "great",
// and a lower price is never rated worse than a higher one for the same truck.
import { usdCents } from "../units/money.js";
import { estimateFairPrice, roundToDollar } from "./estimate.js";
import type { Comparable, DealModel, DealRating, Rating, RatingLabel } from "./types.js";

export const GOOD_Z = 0.5;

export const RATING_LABELS: Record<Rating, RatingLabel> = {
  great: "Great deal",
  good: "Good deal",
  fair: "Fair price",
  high: "High price",
};

export function rateDeal(model: DealModel, truck: Comparable): DealRating {
  const priceCents = usdCents(truck.priceCents);
  if (!(priceCents > 0)) throw new RangeError(`price must be positive cents, got ${truck.priceCents}`);
  const fair = estimateFairPrice(model, truck);
  if (fair.kind === "not_enough_data") return fair;
  const goodMaxCents = roundToDollar(fair.fairCents * Math.exp(-GOOD_Z * fair.spread));
  const rating: Rating =
    priceCents < fair.lowCents
      ? "great"
      : priceCents <= goodMaxCents
        ? "good"
        : priceCents <= fair.highCents
          ? "fair"
          : "high";
  return {
    kind: "rated",
    rating,
    label: RATING_LABELS[rating],
    fair,
    priceCents,
    deltaPct: Math.round((priceCents / fair.fairCents - 1) * 1000) / 10,
  };
}
