// Seller reputation: a buyer reviews a completed sale once, the seller answers once, anyone signed in
// may report a review, admins hide and restore (with an audit entry). The rules are domain/reputation.
import { z } from "zod";
import { type Database, withTransaction } from "../db/client.js";
import { findListing, listingsBySeller } from "../db/repos/listings.repo.js";
import {
  findReview,
  insertReview,
  reviewForListing,
  reviewsOfSeller,
  sellerListingStats,
  setReviewHidden,
  setReviewReply,
} from "../db/repos/reviews.repo.js";
import { findUserById } from "../db/repos/users.repo.js";
import {
  canReply,
  canReview,
  decodedShare,
  REPLY_BODY_MAX,
  REVIEW_BODY_MAX,
  summarizeRatings,
} from "../domain/reputation/reviews.js";
import type { PublicUser } from "./accounts.js";
import { AppError } from "./app-error.js";
import { multiline, parseInput } from "./inputs.schema.js";
import { fileReport, moderate, refuse } from "./moderation.js";

export const reviewInputSchema = z.object({
  rating: z.coerce
    .number({ error: "choose 1 to 5 stars" })
    .int("choose 1 to 5 stars")
    .min(1, "choose 1 to 5 stars")
    .max(5, "choose 1 to 5 stars"),
  body: multiline(
    z
      .string()
      .trim()
      .min(10, "say a little about the sale (10 characters or more)")
      .max(REVIEW_BODY_MAX, `at most ${REVIEW_BODY_MAX} characters`),
  ),
});

export const replyInputSchema = z.object({
  reply: multiline(
    z.string().trim().min(2, "write an answer").max(REPLY_BODY_MAX, `at most ${REPLY_BODY_MAX} characters`),
  ),
});

const actorOf = (u: PublicUser | null) => (u ? { id: u.id, banned: u.banned } : null);

export async function leaveReview(
  database: Database,
  user: PublicUser | null,
  listingId: number,
  raw: unknown,
) {
  const input = parseInput(reviewInputSchema, raw);
  return withTransaction(database, async (tx) => {
    const listing = await findListing(tx, listingId);
    if (!listing) throw new AppError("not_found", `no listing ${listingId}`);
    const existing = await reviewForListing(tx, listingId);
    refuse(canReview(listing, actorOf(user), existing !== undefined), user);
    return insertReview(tx, {
      listingId,
      listingTitle: listing.title,
      sellerId: listing.sellerId,
      buyerId: user!.id,
      rating: input.rating,
      body: input.body,
    });
  });
}

export async function replyToReview(
  database: Database,
  user: PublicUser | null,
  reviewId: number,
  raw: unknown,
) {
  const { reply } = parseInput(replyInputSchema, raw);
  return withTransaction(database, async (tx) => {
    const review = await findReview(tx, reviewId);
    if (!review) throw new AppError("not_found", `no review ${reviewId}`);
    refuse(canReply(review, actorOf(user)), user);
    await setReviewReply(tx, reviewId, reply);
    return review;
  });
}

export async function reportReview(
  database: Database,
  user: PublicUser | null,
  reviewId: number,
  raw: unknown,
) {
  if (!user) throw new AppError("unauthenticated", "log in to report a review");
  const review = await findReview(database.db, reviewId);
  if (!review) throw new AppError("not_found", `no review ${reviewId}`);
  await fileReport(database.db, user, { kind: "review", id: reviewId }, raw);
  return review;
}

/** Admins only: hides (or restores) a review for everyone else, resolves its reports, and logs it. */
export function moderateReview(
  database: Database,
  user: PublicUser | null,
  reviewId: number,
  action: "hide" | "restore",
) {
  return moderate(database, user, { kind: "review", id: reviewId }, action, {
    find: (tx) => findReview(tx, reviewId),
    setHidden: (tx, hidden) => setReviewHidden(tx, reviewId, hidden),
  });
}

/** Everything the seller page shows. Hidden reviews count for nobody and are listed for admins only. */
export async function sellerProfile(database: Database, sellerId: number, viewer: PublicUser | null) {
  const seller = await findUserById(database.db, sellerId);
  if (!seller || seller.role === "buyer") throw new AppError("not_found", `no seller ${sellerId}`);
  const isAdmin = viewer?.role === "admin";
  const [stats, reviewRows, listings] = await Promise.all([
    sellerListingStats(database.db, sellerId),
    reviewsOfSeller(database.db, sellerId, isAdmin),
    listingsBySeller(database.db, sellerId),
  ]);
  const visible = reviewRows.filter((r) => r.review.hiddenAt === null);
  return {
    seller: {
      id: seller.id,
      displayName: seller.displayName,
      sellerKind: seller.sellerKind,
      dealerName: seller.dealerName,
      homeState: seller.homeState,
      memberSince: seller.createdAt,
      banned: seller.bannedAt !== null,
    },
    stats,
    decodedShare: decodedShare(stats.decoded, stats.total),
    ratings: summarizeRatings(visible.map((r) => r.review.rating)),
    reviews: reviewRows,
    activeListings: listings.filter((l) => l.status === "active"),
  };
}
