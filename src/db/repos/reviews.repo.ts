// Reviews of sellers, reports of posted text and the moderation audit log.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { auditLog, reports, reviews, type SubjectKind } from "../schema/community.js";
import { listings } from "../schema/listings.js";
import { users } from "../schema/users.js";

export async function reviewForListing(db: Db, listingId: number) {
  const [row] = await db.select().from(reviews).where(eq(reviews.listingId, listingId)).limit(1);
  return row;
}

export async function findReview(db: Db, id: number) {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id)).limit(1);
  return row;
}

export async function insertReview(db: Db, row: typeof reviews.$inferInsert) {
  const [created] = await db.insert(reviews).values(row).returning();
  if (!created) throw new Error("insert returned no row");
  return created;
}

export async function setReviewReply(db: Db, id: number, reply: string) {
  await db.update(reviews).set({ reply, repliedAt: new Date() }).where(eq(reviews.id, id));
}

export async function setReviewHidden(db: Db, id: number, hidden: boolean) {
  await db
    .update(reviews)
    .set({ hiddenAt: hidden ? new Date() : null })
    .where(eq(reviews.id, id));
}

/** A seller's reviews, newest first, with the reviewer's name; hidden ones only when asked (admins). */
export async function reviewsOfSeller(db: Db, sellerId: number, includeHidden: boolean) {
  return db
    .select({ review: reviews, buyerName: users.displayName })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.buyerId))
    .where(and(eq(reviews.sellerId, sellerId), includeHidden ? undefined : isNull(reviews.hiddenAt)))
    .orderBy(desc(reviews.createdAt), desc(reviews.id));
}

/** The ratings of a seller's visible reviews, for the rating line on every listing page (no texts). */
export async function visibleRatingsOfSeller(db: Db, sellerId: number): Promise<number[]> {
  const rows = await db
    .select({ rating: reviews.rating })
    .from(reviews)
    .where(and(eq(reviews.sellerId, sellerId), isNull(reviews.hiddenAt)));
  return rows.map((r) => r.rating);
}

/** Counts for the seller page: listings, sold, and those whose frame number decoded to a chassis code. */
export async function sellerListingStats(db: Db, sellerId: number) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      active: sql<number>`count(*) filter (where ${listings.status} = 'active')::int`,
      sold: sql<number>`count(*) filter (where ${listings.status} = 'sold')::int`,
      withFrame: sql<number>`count(*) filter (where ${listings.frameNumber} is not null)::int`,
      decoded: sql<number>`count(*) filter (where ${listings.frameNumber} is not null and ${listings.chassisCode} is not null)::int`,
    })
    .from(listings)
    .where(eq(listings.sellerId, sellerId));
  return row ?? { total: 0, active: 0, sold: 0, withFrame: 0, decoded: 0 };
}

export async function insertReport(
  db: Db,
  row: { subjectKind: SubjectKind; subjectId: number; reporterId: number; reason: string },
) {
  // Reporting the same thing twice keeps the first report.
  await db.insert(reports).values(row).onConflictDoNothing();
}

export async function findReport(db: Db, id: number) {
  const [row] = await db.select().from(reports).where(eq(reports.id, id)).limit(1);
  return row;
}

/** Resolves the open reports of one subject; returns how many there were. */
export async function resolveReports(db: Db, subjectKind: SubjectKind, subjectId: number) {
  const resolved = await db
    .update(reports)
    .set({ resolvedAt: new Date() })
    .where(
      and(eq(reports.subjectKind, subjectKind), eq(reports.subjectId, subjectId), isNull(reports.resolvedAt)),
    )
    .returning({ id: reports.id });
  return resolved.length;
}

/** Open reports, newest first, with the reporter's name. */
export async function openReports(db: Db, limit = 100) {
  return db
    .select({ report: reports, reporterName: users.displayName })
    .from(reports)
    .innerJoin(users, eq(users.id, reports.reporterId))
    .where(isNull(reports.resolvedAt))
    .orderBy(desc(reports.createdAt))
    .limit(limit);
}

export async function audit(
  db: Db,
  entry: {
    actorId: number;
    action: (typeof auditLog.$inferInsert)["action"];
    subjectKind: string;
    subjectId: number;
    data?: Record<string, unknown>;
  },
) {
  await db.insert(auditLog).values({ ...entry, data: entry.data ?? {} });
}

export async function recentAudit(db: Db, limit = 50) {
  return db
    .select({ entry: auditLog, actorName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
}
