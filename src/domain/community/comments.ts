// The rules of comments on guides and questions on listings: who may post, reply, edit and delete,
// and what each viewer sees of a comment. Plain data in, a verdict with the reason out; "now" is an
// argument. The thread's shape (one level of replies, placeholders) is in ./thread.ts.
import type { Verdict } from "../reputation/reviews.js";

export const COMMENT_BODY_MIN = 1;
export const COMMENT_BODY_MAX = 5000;
/** An author may fix a comment this long after posting it; after that it stands as written. */
export const EDIT_WINDOW_MINUTES = 15;
/** Top-level comments per page (their replies come with them). */
export const THREAD_PAGE_SIZE = 20;

export type CommentSubjectKind = "guide" | "listing";

export interface Subject {
  kind: CommentSubjectKind;
  /** The guide's slug, or the listing's id as text. */
  key: string;
}

export interface CommentFacts {
  id: number;
  subjectKind: CommentSubjectKind;
  subjectKey: string;
  parentId: number | null;
  authorId: number;
  createdAt: Date;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

/** Who is acting: null when signed out. */
export interface CommentActor {
  id: number;
  banned: boolean;
  admin: boolean;
}

const no = (reason: string): Verdict => ({ ok: false, reason });
const OK: Verdict = { ok: true };

/** What a thread is called where a verdict names it. */
const noun = (kind: CommentSubjectKind) => (kind === "listing" ? "question" : "comment");

/** Signed in and not banned. */
export function canPost(actor: CommentActor | null, kind: CommentSubjectKind = "guide"): Verdict {
  if (!actor) return no(`log in to post a ${noun(kind)}`);
  if (actor.banned) return no("this account has been banned from posting");
  return OK;
}

/** One level of replies: only to a top-level comment of the same subject that is still up. */
export function canReply(parent: CommentFacts, subject: Subject, actor: CommentActor | null): Verdict {
  const may = canPost(actor, subject.kind);
  if (!may.ok) return may;
  if (parent.subjectKind !== subject.kind || parent.subjectKey !== subject.key)
    return no("that comment belongs to another page");
  if (parent.parentId !== null) return no("replies go to a top-level comment (one level of replies)");
  if (parent.deletedAt !== null) return no("that comment was deleted; it takes no new replies");
  if (parent.hiddenAt !== null) return no("that comment was hidden by a moderator; it takes no new replies");
  return OK;
}

/** Whether `now` is still inside the edit window of a comment posted at `createdAt`. */
export function isWithinEditWindow(createdAt: Date, now: Date): boolean {
  const age = now.getTime() - createdAt.getTime();
  return age >= 0 && age <= EDIT_WINDOW_MINUTES * 60_000;
}

/** The author alone, not banned, within the window, on a comment neither deleted nor hidden. */
export function canEdit(comment: CommentFacts, actor: CommentActor | null, now: Date): Verdict {
  if (!actor) return no("log in to edit your comment");
  if (comment.authorId !== actor.id) return no("only its author may edit a comment");
  if (actor.banned) return no("this account has been banned from posting");
  if (comment.deletedAt !== null) return no("this comment was deleted");
  if (comment.hiddenAt !== null) return no("this comment was hidden by a moderator");
  if (!isWithinEditWindow(comment.createdAt, now))
    return no(`comments can be edited for ${EDIT_WINDOW_MINUTES} minutes after posting`);
  return OK;
}

/**
 * The author deletes their own comment (a banned author too: taking one's words back is always
 * allowed). Admins hide rather than delete, so the audit log keeps what they did.
 */
export function canDelete(comment: CommentFacts, actor: CommentActor | null): Verdict {
  if (!actor) return no("log in to delete your comment");
  if (comment.authorId !== actor.id) return no("only its author may delete a comment");
  if (comment.deletedAt !== null) return no("this comment was deleted already");
  return OK;
}

/** Signed in and not banned (a report is a post too), not the author, and the comment is there to see. */
export function canReport(comment: CommentFacts, actor: CommentActor | null): Verdict {
  if (!actor) return no("log in to report a comment");
  if (actor.banned) return no("this account has been banned from posting");
  if (comment.authorId === actor.id) return no("you cannot report your own comment");
  if (comment.deletedAt !== null) return no("this comment was deleted");
  return OK;
}

/** A hidden comment exists for admins only; for everyone else it is as if it were never posted. */
export function isVisibleTo(comment: Pick<CommentFacts, "hiddenAt">, actor: CommentActor | null): boolean {
  return comment.hiddenAt === null || actor?.admin === true;
}

/** On a listing, the seller's own posts are answers, marked "Seller". */
export function isSellerAnswer(
  comment: Pick<CommentFacts, "subjectKind" | "authorId">,
  sellerId: number | null,
): boolean {
  return comment.subjectKind === "listing" && sellerId !== null && comment.authorId === sellerId;
}

/** The report kind a comment is filed under: questions on listings, comments on guides. */
export function reportKindOf(kind: CommentSubjectKind): "comment" | "question" {
  return kind === "listing" ? "question" : "comment";
}

/** The last page of a thread with `topLevel` listable comments (page 1 when empty). */
export function lastPage(topLevel: number, pageSize = THREAD_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(topLevel / pageSize));
}
