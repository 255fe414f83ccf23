// Moderation shared by reviews, comments and questions: reports from readers, the admins' hide and
// restore (which resolve the subject's reports), bans, and the audit log of every admin action.
// The rules are domain/community/moderation.ts; reputation.ts and comments.ts call these.
import { z } from "zod";
import { type Database, type Db, withTransaction } from "../db/client.js";
import { commentsByIds } from "../db/repos/comments.repo.js";
import {
  audit,
  findReport,
  findReview,
  insertReport,
  openReports,
  recentAudit,
  resolveReports,
} from "../db/repos/reviews.repo.js";
import { findUserByEmail, findUserById, setUserBanned, setUserRole } from "../db/repos/users.repo.js";
import type { SubjectKind } from "../db/schema/community.js";
import { canPost } from "../domain/community/comments.js";
import { canBan, canModerate } from "../domain/community/moderation.js";
import type { Verdict } from "../domain/reputation/reviews.js";
import type { PublicUser } from "./accounts.js";
import { AppError } from "./app-error.js";
import { accountEmailString, parseInput } from "./inputs.schema.js";

export const reportInputSchema = z.object({
  reason: z.string().trim().min(3, "say what is wrong").max(500, "at most 500 characters"),
});

/** Turns a refusal into the error the faces show: log in when signed out, forbidden otherwise. */
export function refuse(verdict: Verdict, user: PublicUser | null): void {
  if (verdict.ok) return;
  throw new AppError(user ? "forbidden" : "unauthenticated", verdict.reason);
}

const moderatorOf = (u: PublicUser | null) => (u ? { id: u.id, admin: u.role === "admin" } : null);

export function requireAdmin(user: PublicUser | null): asserts user is PublicUser {
  refuse(canModerate(moderatorOf(user)), user);
}

/** Files a report (a second report of the same thing by the same reader is the first one). */
export async function fileReport(
  db: Db,
  user: PublicUser,
  subject: { kind: SubjectKind; id: number },
  raw: unknown,
): Promise<void> {
  // A report is a post too: banned accounts file none.
  refuse(canPost({ id: user.id, banned: user.banned, admin: user.role === "admin" }), user);
  const { reason } = parseInput(reportInputSchema, raw);
  await insertReport(db, { subjectKind: subject.kind, subjectId: subject.id, reporterId: user.id, reason });
}

/**
 * Admins only: hides or restores one posted thing, resolves its open reports and writes the audit entry,
 * in one transaction. `find` loads it (undefined: 404); `setHidden` stores the new state.
 */
export async function moderate<T>(
  database: Database,
  user: PublicUser | null,
  subject: { kind: SubjectKind; id: number },
  action: "hide" | "restore",
  store: { find: (tx: Db) => Promise<T | undefined>; setHidden: (tx: Db, hidden: boolean) => Promise<void> },
): Promise<T> {
  requireAdmin(user);
  return withTransaction(database, async (tx) => {
    const found = await store.find(tx);
    if (found === undefined) throw new AppError("not_found", `no ${subject.kind} ${subject.id}`);
    await store.setHidden(tx, action === "hide");
    const resolved = await resolveReports(tx, subject.kind, subject.id);
    await audit(tx, {
      actorId: user.id,
      action,
      subjectKind: subject.kind,
      subjectId: subject.id,
      data: resolved ? { reportsResolved: resolved } : {},
    });
    return found;
  });
}

/** Admins only: dismisses the open reports of the reported subject without hiding it. */
export async function resolveReport(database: Database, user: PublicUser | null, reportId: number) {
  requireAdmin(user);
  return withTransaction(database, async (tx) => {
    const report = await findReport(tx, reportId);
    if (!report) throw new AppError("not_found", `no report ${reportId}`);
    const resolved = await resolveReports(tx, report.subjectKind, report.subjectId);
    await audit(tx, {
      actorId: user.id,
      action: "resolve_report",
      subjectKind: report.subjectKind,
      subjectId: report.subjectId,
      data: { reportsResolved: resolved },
    });
    return report;
  });
}

export const banInputSchema = z.object({
  user: z
    .string()
    .trim()
    .min(1, "give the account's email or user id")
    .max(254, "give the account's email or user id"),
  reason: z.string().trim().max(500, "at most 500 characters").optional(),
});

/** Admins only: bans (or lifts the ban on) an account named by email or id; a banned account may not post. */
export async function setBan(database: Database, user: PublicUser | null, raw: unknown, ban: boolean) {
  requireAdmin(user);
  const input = parseInput(banInputSchema, raw);
  return withTransaction(database, async (tx) => {
    const target = /^\d+$/.test(input.user)
      ? await findUserById(tx, Number(input.user))
      : await findUserByEmail(tx, input.user);
    if (!target) throw new AppError("not_found", `no account "${input.user}"`, "user");
    refuse(
      canBan({ id: target.id, role: target.role, banned: target.bannedAt !== null }, moderatorOf(user), ban),
      user,
    );
    await setUserBanned(tx, target.id, ban);
    await audit(tx, {
      actorId: user.id,
      action: ban ? "ban" : "unban",
      subjectKind: "user",
      subjectId: target.id,
      data: { displayName: target.displayName, ...(input.reason ? { reason: input.reason } : {}) },
    });
    return target;
  });
}

/**
 * The operator's way in (`keiyard admin grant|revoke <email>`): makes an account an admin, or takes the
 * role back (a seller again if it has a seller kind, else a buyer). Not in the audit log: the operator
 * acts on the database, not as a user.
 */
export async function setAdminRole(database: Database, email: string, admin: boolean) {
  const input = parseInput(accountEmailString, email);
  const user = await findUserByEmail(database.db, input);
  if (!user) throw new AppError("not_found", `no account uses ${input}`);
  const role = admin ? "admin" : user.sellerKind ? "seller" : "buyer";
  const changed = user.role !== role && (admin || user.role === "admin");
  if (changed) await setUserRole(database.db, user.id, role);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: changed ? role : user.role,
    changed,
  };
}

/** The admin page: open reports grouped by what they report (with that text), and the recent audit log. */
export async function moderationOverview(database: Database, user: PublicUser | null) {
  requireAdmin(user);
  const db = database.db;
  const [open, log] = await Promise.all([openReports(db), recentAudit(db)]);
  const groups = new Map<string, { kind: SubjectKind; id: number; reports: typeof open }>();
  for (const r of open) {
    const key = `${r.report.subjectKind}:${r.report.subjectId}`;
    const g = groups.get(key) ?? { kind: r.report.subjectKind, id: r.report.subjectId, reports: [] };
    g.reports.push(r);
    groups.set(key, g);
  }
  const commentIds = [...groups.values()].filter((g) => g.kind !== "review").map((g) => g.id);
  const found = new Map((await commentsByIds(db, commentIds)).map((c) => [c.id, c]));
  const queue = await Promise.all(
    [...groups.values()].map(async (g) => {
      if (g.kind === "review") {
        const review = await findReview(db, g.id);
        return { ...g, review: review ?? null, comment: null };
      }
      return { ...g, review: null, comment: found.get(g.id) ?? null };
    }),
  );
  return { queue, audit: log };
}
export type ModerationOverview = Awaited<ReturnType<typeof moderationOverview>>;
