// Comments on guides and questions on listings: post, reply (one level), edit within the window,
// delete one's own, report, and the admins' hide and restore (shared moderation in ./moderation.ts).
// The rules are domain/community; the pages render the Markdown at display time.
import { z } from "zod";
import { type Database, withTransaction } from "../db/client.js";
import {
  countListedTops,
  findComment,
  guideCommentCounts,
  insertComment,
  markCommentDeleted,
  type SubjectRef,
  setCommentBody,
  setCommentHidden,
  threadPage,
} from "../db/repos/comments.repo.js";
import { findListing } from "../db/repos/listings.repo.js";
import type { Comment } from "../db/schema/community.js";
import {
  COMMENT_BODY_MAX,
  type CommentActor,
  canDelete,
  canEdit,
  canPost,
  canReply,
  canReport,
  isVisibleTo,
  lastPage,
  reportKindOf,
  THREAD_PAGE_SIZE,
} from "../domain/community/comments.js";
import { buildThread } from "../domain/community/thread.js";
import type { PublicUser } from "./accounts.js";
import { AppError } from "./app-error.js";
import { multiline, parseInput } from "./inputs.schema.js";
import { fileReport, moderate, refuse, requireAdmin } from "./moderation.js";

const body = multiline(
  z
    .string({ error: "write something first" })
    .trim()
    .min(1, "write something first")
    .max(COMMENT_BODY_MAX, `at most ${COMMENT_BODY_MAX} characters`),
);

export const commentInputSchema = z.object({
  body,
  /** Set on a reply: the top-level comment it answers. */
  parentId: z
    .union([z.literal(""), z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)])
    .optional()
    .transform((v) => (v === "" || v === undefined ? null : v)),
});

export const commentEditSchema = z.object({ body });

export const pageQuerySchema = z.coerce
  .number({ error: "page: expected a page number" })
  .int("page: expected a page number")
  .min(1, "page: expected a page number")
  .max(100_000, "page: expected a page number");

export function actorOf(user: PublicUser | null): CommentActor | null {
  return user ? { id: user.id, banned: user.banned, admin: user.role === "admin" } : null;
}

/** The page a thread lives on. */
export function threadPath(subject: SubjectRef): string {
  return subject.kind === "guide" ? `/guides/${subject.key}` : `/trucks/${subject.key}`;
}

export const subjectOf = (c: Comment): SubjectRef => ({ kind: c.subjectKind, key: c.subjectKey });

/** Questions go to a listing that exists. */
async function requireListing(database: Database, key: string): Promise<void> {
  if (!(await findListing(database.db, Number(key)))) throw new AppError("not_found", `no listing ${key}`);
}

/**
 * Posts a comment or a reply. The caller has checked that a guide subject exists; a listing is looked
 * up here. Returns the comment and the thread's last page (where a new top-level comment lands).
 */
export async function postComment(
  database: Database,
  user: PublicUser | null,
  subject: SubjectRef,
  raw: unknown,
) {
  const actor = actorOf(user);
  refuse(canPost(actor, subject.kind), user);
  const input = parseInput(commentInputSchema, raw);
  if (subject.kind === "listing") await requireListing(database, subject.key);
  return withTransaction(database, async (tx) => {
    if (input.parentId !== null) {
      const parent = await findComment(tx, input.parentId);
      if (!parent || !isVisibleTo(parent, actor))
        throw new AppError("not_found", `no comment ${input.parentId}`, "parentId");
      refuse(canReply(parent, subject, actor), user);
    }
    const comment = await insertComment(tx, {
      subjectKind: subject.kind,
      subjectKey: subject.key,
      parentId: input.parentId,
      authorId: user!.id,
      body: input.body,
    });
    const page = lastPage(await countListedTops(tx, subject, actor!.admin));
    return { comment, page };
  });
}

/** Loads a comment the actor may see (a hidden one is "not found" to everyone but admins). */
async function visibleComment(database: Database, actor: CommentActor | null, id: number) {
  const comment = await findComment(database.db, id);
  if (!comment || !isVisibleTo(comment, actor)) throw new AppError("not_found", `no comment ${id}`);
  return comment;
}

export async function editComment(
  database: Database,
  user: PublicUser | null,
  id: number,
  raw: unknown,
  now = new Date(),
) {
  const actor = actorOf(user);
  const comment = await visibleComment(database, actor, id);
  refuse(canEdit(comment, actor, now), user);
  const input = parseInput(commentEditSchema, raw);
  await setCommentBody(database.db, id, input.body);
  return comment;
}

export async function deleteComment(database: Database, user: PublicUser | null, id: number) {
  const actor = actorOf(user);
  const comment = await visibleComment(database, actor, id);
  refuse(canDelete(comment, actor), user);
  await markCommentDeleted(database.db, id);
  return comment;
}

export async function reportComment(database: Database, user: PublicUser | null, id: number, raw: unknown) {
  const actor = actorOf(user);
  const comment = await visibleComment(database, actor, id);
  refuse(canReport(comment, actor), user);
  await fileReport(database.db, user!, { kind: reportKindOf(comment.subjectKind), id }, raw);
  return comment;
}

/** Admins only: hides (or restores) a comment and its replies for everyone else; logged. */
export async function moderateComment(
  database: Database,
  user: PublicUser | null,
  id: number,
  action: "hide" | "restore",
) {
  requireAdmin(user);
  // Reports and audit entries name it a question or a comment, so its kind is looked up first.
  const found = await findComment(database.db, id);
  if (!found) throw new AppError("not_found", `no comment ${id}`);
  return moderate(database, user, { kind: reportKindOf(found.subjectKind), id }, action, {
    find: (tx) => findComment(tx, id),
    setHidden: (tx, hidden) => setCommentHidden(tx, id, hidden),
  });
}

/** One page of a thread as this viewer sees it, with the paging around it. */
export async function loadThread(
  database: Database,
  subject: SubjectRef,
  user: PublicUser | null,
  o: { page?: number; sellerId?: number | null; now?: Date } = {},
) {
  const actor = actorOf(user);
  const includeHidden = actor?.admin === true;
  const total = await countListedTops(database.db, subject, includeHidden);
  const pages = lastPage(total);
  const page = Math.min(o.page ?? 1, pages);
  const { tops, replies } = await threadPage(database.db, subject, {
    includeHidden,
    page,
    pageSize: THREAD_PAGE_SIZE,
  });
  const entries = buildThread(tops, replies, {
    actor,
    now: o.now ?? new Date(),
    sellerId: o.sellerId ?? null,
  });
  return {
    subject,
    path: threadPath(subject),
    entries,
    page,
    pages,
    total,
    /** Whether the viewer may post here (else the form says why). */
    mayPost: canPost(actor, subject.kind),
  };
}
export type Thread = Awaited<ReturnType<typeof loadThread>>;

export function commentCountsByGuide(database: Database) {
  return guideCommentCounts(database.db);
}
