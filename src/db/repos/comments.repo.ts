// Comments on guides and questions on listings. Queries only: who may do what is domain/community.
// The page query lists the same top-level comments as domain/community/thread.ts `isListed` (a hidden
// one for admins only; a deleted one only while it has a reply the viewer sees), so pages stay full.
import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client.js";
import { type Comment, comments } from "../schema/community.js";
import { users } from "../schema/users.js";

export type CommentRow = Comment & { authorName: string };

export interface SubjectRef {
  kind: Comment["subjectKind"];
  key: string;
}

const withAuthor = { comment: comments, authorName: users.displayName };
const flatten = (rows: { comment: Comment; authorName: string }[]): CommentRow[] =>
  rows.map((r) => ({ ...r.comment, authorName: r.authorName }));

export async function insertComment(db: Db, row: typeof comments.$inferInsert): Promise<Comment> {
  const [created] = await db.insert(comments).values(row).returning();
  if (!created) throw new Error("insert returned no row");
  return created;
}

export async function findComment(db: Db, id: number): Promise<Comment | undefined> {
  const [row] = await db.select().from(comments).where(eq(comments.id, id)).limit(1);
  return row;
}

export async function setCommentBody(db: Db, id: number, body: string): Promise<void> {
  await db.update(comments).set({ body, editedAt: new Date() }).where(eq(comments.id, id));
}

export async function markCommentDeleted(db: Db, id: number): Promise<void> {
  await db.update(comments).set({ deletedAt: new Date() }).where(eq(comments.id, id));
}

export async function setCommentHidden(db: Db, id: number, hidden: boolean): Promise<void> {
  await db
    .update(comments)
    .set({ hiddenAt: hidden ? new Date() : null })
    .where(eq(comments.id, id));
}

function listedTops(subject: SubjectRef, includeHidden: boolean): SQL {
  const replyVisible = includeHidden ? sql`` : sql` and r.hidden_at is null`;
  return and(
    eq(comments.subjectKind, subject.kind),
    eq(comments.subjectKey, subject.key),
    isNull(comments.parentId),
    includeHidden ? undefined : isNull(comments.hiddenAt),
    or(
      isNull(comments.deletedAt),
      sql`exists (select 1 from ${comments} r where r.parent_id = ${comments.id} and r.deleted_at is null${replyVisible})`,
    ),
  )!;
}

/** How many top-level comments the thread lists for this viewer. */
export async function countListedTops(db: Db, subject: SubjectRef, includeHidden: boolean): Promise<number> {
  const [row] = await db.select({ n: count() }).from(comments).where(listedTops(subject, includeHidden));
  return Number(row?.n ?? 0);
}

/** One page of top-level comments, oldest first, and every reply to them (the domain filters those). */
export async function threadPage(
  db: Db,
  subject: SubjectRef,
  o: { includeHidden: boolean; page: number; pageSize: number },
): Promise<{ tops: CommentRow[]; replies: CommentRow[] }> {
  const tops = flatten(
    await db
      .select(withAuthor)
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(listedTops(subject, o.includeHidden))
      .orderBy(asc(comments.createdAt), asc(comments.id))
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize),
  );
  if (tops.length === 0) return { tops, replies: [] };
  const replies = flatten(
    await db
      .select(withAuthor)
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(
        inArray(
          comments.parentId,
          tops.map((t) => t.id),
        ),
      )
      .orderBy(asc(comments.createdAt), asc(comments.id)),
  );
  return { tops, replies };
}

/** Comments by id with their authors' names (the admins' report queue). */
export async function commentsByIds(db: Db, ids: readonly number[]): Promise<CommentRow[]> {
  if (ids.length === 0) return [];
  return flatten(
    await db
      .select(withAuthor)
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(inArray(comments.id, [...ids])),
  );
}

/**
 * Visible comments per guide slug for the guide list: neither deleted nor hidden, and not a reply under
 * a hidden comment (which readers cannot see either).
 */
export async function guideCommentCounts(db: Db): Promise<Map<string, number>> {
  const parent = alias(comments, "parent");
  const rows = await db
    .select({ slug: comments.subjectKey, n: count() })
    .from(comments)
    .leftJoin(parent, eq(parent.id, comments.parentId))
    .where(
      and(
        eq(comments.subjectKind, "guide"),
        isNull(comments.deletedAt),
        isNull(comments.hiddenAt),
        isNull(parent.hiddenAt),
      ),
    )
    .groupBy(comments.subjectKey);
  return new Map(rows.map((r) => [r.slug, Number(r.n)]));
}
