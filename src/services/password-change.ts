// Changing a password, by a reset link or from the account page: the new hash, every other session
// signed out (whoever knew the old password is out), the per-account log-in failures forgotten, and a
// notice mailed to the owner, all in one transaction. The notice is how an owner learns that someone
// else got in (ASVS 2.2.3): it says when and how, and links to a reset.
import { verify } from "@node-rs/argon2";
import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { type Database, type Db, withTransaction } from "../db/client.js";
import { findUserById } from "../db/repos/users.repo.js";
import { mailJobs } from "../db/schema/ops.js";
import { sessions, users } from "../db/schema/users.js";
import { hashPassword, type PublicUser, tokenId } from "./accounts.js";
import { AppError } from "./app-error.js";
import { parseInput } from "./inputs.schema.js";
import { clearFailures, type FailureLimit, recordFailure, refuseWhenLocked } from "./login-failures.js";
import { newPassword } from "./password.schema.js";

export const changePasswordSchema = z.object({
  current: z.string().max(200, "at most 200 characters"),
  password: newPassword,
});

export type PasswordChangedBy = "reset" | "account";

/** The notice's text: when, how, and what to do if it was not the owner. */
export function passwordChangedText(
  email: string,
  by: PasswordChangedBy,
  baseUrl: string,
  now: Date,
): string {
  const when = `${now.toISOString().slice(0, 16).replace("T", " at ")} UTC`;
  const how =
    by === "reset"
      ? "with a reset link mailed to this address"
      : "from the account page, with the old password";
  return `The password of your keiyard account (${email}) was changed on ${when}, ${how}. Every other session of the account was signed out.\n\nIf that was you, there is nothing to do.\n\nIf it was not you, choose a new password at once: ask for a reset link here (it is mailed to this address), then check who else can read this mailbox:\n${baseUrl}/reset`;
}

/**
 * Stores the new hash and does what goes with it; `keepSession` is the session that made the change
 * (kept signed in), null to sign out every session.
 */
export async function replacePassword(
  tx: Db,
  user: { id: number; email: string },
  passwordHash: string,
  keepSession: string | null,
  notice: { by: PasswordChangedBy; baseUrl: string; now: Date },
): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
  await tx
    .delete(sessions)
    .where(
      keepSession === null
        ? eq(sessions.userId, user.id)
        : and(eq(sessions.userId, user.id), ne(sessions.id, tokenId(keepSession))),
    );
  await clearFailures(tx, user.email);
  await tx.insert(mailJobs).values({
    kind: "password_changed",
    to: user.email,
    subject: "Your keiyard password was changed",
    text: passwordChangedText(user.email, notice.by, notice.baseUrl, notice.now),
  });
}

/**
 * From the account page: the current password proves it is the owner at the keyboard (not someone at
 * an unlocked screen). Wrong current passwords count against the account like wrong log-ins.
 */
export async function changePassword(
  database: Database,
  viewer: PublicUser,
  sessionToken: string,
  raw: unknown,
  baseUrl: string,
  failures: FailureLimit | null,
  now = new Date(),
): Promise<void> {
  const input = parseInput(changePasswordSchema, raw);
  if (failures) await refuseWhenLocked(database.db, viewer.email, failures, now);
  const user = await findUserById(database.db, viewer.id);
  if (!user) throw new AppError("unauthenticated", "log in to change your password");
  if (!(await verify(user.passwordHash, input.current).catch(() => false))) {
    if (failures) await recordFailure(database.db, user.email, failures, now);
    throw new AppError("invalid_input", "current password: that is not your current password", "current");
  }
  if (input.current === input.password)
    throw new AppError("invalid_input", "password: the new password is the one you have now", "password");
  const passwordHash = await hashPassword(input.password);
  await withTransaction(database, (tx) =>
    replacePassword(tx, user, passwordHash, sessionToken, { by: "account", baseUrl, now }),
  );
}
