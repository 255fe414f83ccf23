// A page of a thread as one viewer sees it: top-level comments oldest first, each with its replies
// (one level) oldest first. Hidden comments exist for admins only (marked); a deleted top-level comment
// stays as a placeholder while it has replies to keep readable, and goes when it has none; a deleted
// reply goes. The repository's pagination query applies the same rules (comments.repo.ts).
import {
  type CommentActor,
  type CommentFacts,
  canDelete,
  canEdit,
  canReply,
  canReport,
  isSellerAnswer,
  isVisibleTo,
} from "./comments.js";

export interface ThreadEntry<C extends CommentFacts> {
  comment: C;
  /** "deleted": the body is not shown, only a "comment deleted" placeholder. */
  state: "shown" | "deleted";
  /** Hidden by a moderator: in the thread only because the viewer is an admin. */
  hidden: boolean;
  /** On a listing, posted by its seller. */
  seller: boolean;
  mayEdit: boolean;
  mayDelete: boolean;
  mayReport: boolean;
  mayReply: boolean;
  replies: ThreadEntry<C>[];
}

export interface ThreadContext {
  actor: CommentActor | null;
  now: Date;
  /** The listing's seller, for "Seller" marks; null on guides. */
  sellerId: number | null;
}

const byAge = (a: CommentFacts, b: CommentFacts) =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;

function entry<C extends CommentFacts>(c: C, ctx: ThreadContext, replies: ThreadEntry<C>[]): ThreadEntry<C> {
  const { actor, now } = ctx;
  const subject = { kind: c.subjectKind, key: c.subjectKey };
  return {
    comment: c,
    state: c.deletedAt === null ? "shown" : "deleted",
    hidden: c.hiddenAt !== null,
    seller: isSellerAnswer(c, ctx.sellerId),
    mayEdit: canEdit(c, actor, now).ok,
    mayDelete: canDelete(c, actor).ok,
    // Admins act on a comment directly; reporting is for everyone else.
    mayReport: !actor?.admin && canReport(c, actor).ok,
    mayReply: c.parentId === null && canReply(c, subject, actor).ok,
    replies,
  };
}

/** Whether a top-level comment takes a place in the thread for this viewer (and so counts for paging). */
export function isListed(
  top: CommentFacts,
  replies: readonly CommentFacts[],
  actor: CommentActor | null,
): boolean {
  if (!isVisibleTo(top, actor)) return false;
  if (top.deletedAt === null) return true;
  return replies.some((r) => r.parentId === top.id && r.deletedAt === null && isVisibleTo(r, actor));
}

/**
 * Builds the page from the top-level comments of the page and their replies (other rows are ignored:
 * a reply whose parent is not among `tops` is not shown).
 */
export function buildThread<C extends CommentFacts>(
  tops: readonly C[],
  replies: readonly C[],
  ctx: ThreadContext,
): ThreadEntry<C>[] {
  const shownReplies = replies
    .filter((r) => r.parentId !== null && r.deletedAt === null && isVisibleTo(r, ctx.actor))
    .sort(byAge);
  return tops
    .filter((t) => t.parentId === null && isListed(t, shownReplies, ctx.actor))
    .sort(byAge)
    .map((t) =>
      entry(
        t,
        ctx,
        shownReplies.filter((r) => r.parentId === t.id).map((r) => entry(r, ctx, [])),
      ),
    );
}
