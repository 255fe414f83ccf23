// Deterministic demo market history, so every part of the marketplace is visible on a fresh site:
// earlier asking prices (mostly drops, a few rises) and reviews of sold trucks by demo buyers, some
// answered by the seller. Pure and seeded like demo.ts; the texts say they are demo reviews.
//
// Distributions:
// - price changes: listings on the market 14+ days, 30% of them; one change (70%) or two; a change is
//   a drop of 3–15% (80%) or a rise of 3–8%, on a day between listing and today. The current price is the
//   generated one: history runs backwards from it.
// - reviews: 75% of sold trucks have a buyer account; 85% of those a review; rating 5: 52%, 4: 28%,
//   3: 11%, 2: 5%, 1: 4%; 40% of reviews answered by the seller (70% of reviews of 1–2 stars).
import { pickOne, type Rng, streamOf, weighted } from "../units/random.js";

export interface DemoPriceChange {
  /** Days before today the price was set (the first entry is the listing day). */
  daysAgo: number;
  /** Whole dollars (US) or yen (Japan), as the listing is priced. */
  amount: number;
}

/** The listing's asking prices, oldest first, ending with `current`; a single entry means no change. */
export function demoPriceHistory(
  seed: number,
  listingIndex: number,
  createdDaysAgo: number,
  current: number,
  unit: number,
): DemoPriceChange[] {
  const rng = streamOf(seed ^ listingIndex, 0x50524943);
  if (createdDaysAgo < 14 || rng() >= 0.3) return [{ daysAgo: createdDaysAgo, amount: current }];
  const changes = rng() < 0.7 ? 1 : 2;
  // Days of the changes, strictly between listing and today, in order.
  const days = Array.from({ length: changes }, () => 1 + Math.floor(rng() * (createdDaysAgo - 1)))
    .sort((a, b) => b - a)
    .filter((d, i, all) => all.indexOf(d) === i);
  const round = (v: number) => Math.max(unit, Math.round(v / unit) * unit);
  const out: DemoPriceChange[] = [];
  let price = current;
  // Walk back from today: before each change the price was higher (a drop) or lower (a rise).
  for (let i = days.length - 1; i >= 0; i--) {
    out.unshift({ daysAgo: days[i]!, amount: price });
    const drop = rng() < 0.8;
    const pct = drop ? 0.03 + rng() * 0.12 : -(0.03 + rng() * 0.05);
    let before = round(price / (1 - pct));
    if (before === price) before = price + (drop ? unit : -unit);
    price = before;
  }
  out.unshift({ daysAgo: createdDaysAgo, amount: price });
  return out;
}

export interface DemoReview {
  buyerIndex: number;
  rating: number;
  body: string;
  reply: string | null;
  /** Days after the sale the review was written. */
  daysAfterSale: number;
}

const RATING = weighted({ "5": 52, "4": 28, "3": 11, "2": 5, "1": 4 });

const BODIES: Record<number, readonly string[]> = {
  5: [
    "Truck was exactly as described, frame number matched the paperwork, and the seller walked me through the 4WD and diff lock before I drove off.",
    "Smooth sale. Seller sent extra photos of the frame rails and bed floor when I asked, and the title was ready the day I picked it up.",
    "Honest about the small rust spot on the cab corner, everything else better than the photos. Would buy from them again.",
  ],
  4: [
    "Good truck and a fair price. Pickup took a week longer than planned, but the seller kept me posted.",
    "Runs well and the paperwork was in order. Tires were more worn than the listing suggested.",
  ],
  3: [
    "The truck is fine, but the export certificate translation was missing and I had to chase it.",
    "Okay experience. Mileage was as stated; the bed had more dents than the pictures showed.",
  ],
  2: [
    "Took several weeks to get the title sorted. The truck runs, but the timing belt was overdue, not 'recently done'.",
  ],
  1: ["Frame rust was much worse than described. Would not buy from this seller again."],
};

const REPLIES: Record<"good" | "bad", readonly string[]> = {
  good: [
    "Thanks for the kind words. Enjoy the truck!",
    "Glad it is working hard for you. Send us a photo of it on the farm.",
  ],
  bad: [
    "Sorry about the delay with the paperwork; we have changed how we handle translations so it does not happen again.",
    "We disagree with parts of this, but we have offered to cover the belt service. Please get in touch.",
  ],
};

/** A sold truck's review, or null (no buyer account named, or the buyer did not write one). */
export function demoReview(seed: number, listingIndex: number, buyers: number): DemoReview | null {
  const rng: Rng = streamOf(seed ^ listingIndex, 0x52455649);
  if (buyers <= 0 || rng() >= 0.75 * 0.85) return null;
  const rating = Number(RATING(rng));
  const answered = rng() < (rating <= 2 ? 0.7 : 0.4);
  return {
    buyerIndex: Math.floor(rng() * buyers),
    rating,
    body: `[Demo review] ${pickOne(rng, BODIES[rating]!)}`,
    reply: answered ? pickOne(rng, REPLIES[rating >= 4 ? "good" : "bad"]) : null,
    daysAfterSale: 1 + Math.floor(rng() * 20),
  };
}
