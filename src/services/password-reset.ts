// Password reset by email: a single-use token that expires in an hour, stored only as its SHA-256.
// Asking says the same thing whether or not the address has an account; using it signs out every
// session of the account (anyone who had the old password is out) and mails a notice of the change.
import { z } from "zod";
import { type Database, withTransaction } from "../db/client.js";
import { findUserByEmail, findUserById } from "../db/repos/users.repo.js";
import { mailJobs, passwordResets } from "../db/schema/ops.js";
import { hashPassword } from "./accounts.js";
import { AppError } from "./app-error.js";
import { parseInput } from "./inputs.schema.js";
import { claimLink, createLink, liveLink } from "./mailed-links.js";
import { newPassword } from "./password.schema.js";
import { replacePassword } from "./password-change.js";

export const RESET_TTL_MS = 60 * 60_000;
export const RESET_SENT_MESSAGE =
  "If an account uses that email, we have sent it a link to choose a new password. The link works once, for one hour.";

export const resetRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email("not an email address").max(254),
});
export const resetPasswordSchema = z.object({ password: newPassword });

/** Queues the email when the account exists; answers nothing that tells whether it does. */
export async function requestPasswordReset(
  database: Database,
  raw: unknown,
  baseUrl: string,
  now = new Date(),
) {
  const { email } = parseInput(resetRequestSchema, raw);
  const user = await findUserByEmail(database.db, email);
  if (!user) return;
  await withTransaction(database, async (tx) => {
    const token = await createLink(tx, passwordResets, user.id, new Date(now.getTime() + RESET_TTL_MS));
    const link = `${baseUrl}/reset/${token}`;
    await tx.insert(mailJobs).values({
      kind: "password_reset",
      to: user.email,
      subject: "Choose a new keiyard password",
      text: `Someone (we hope you) asked to reset the password of your keiyard account.\n\nChoose a new password here (the link works once, for one hour):\n${link}\n\nIf it was not you, ignore this email: your password stays as it is.`,
    });
  });
}

async function liveReset(database: Database, token: string, now: Date) {
  const [row] = await database.db
    .select()
    .from(passwordResets)
    .where(liveLink(passwordResets, token, now))
    .limit(1);
  return row;
}

export async function isResetTokenLive(
  database: Database,
  token: string,
  now = new Date(),
): Promise<boolean> {
  return (await liveReset(database, token, now)) !== undefined;
}

export async function resetPassword(
  database: Database,
  token: string,
  raw: unknown,
  baseUrl: string,
  now = new Date(),
) {
  const { password } = parseInput(resetPasswordSchema, raw);
  const passwordHash = await hashPassword(password);
  await withTransaction(database, async (tx) => {
    // Older unused links of the account stop working too.
    const userId = await claimLink(tx, passwordResets, token, now);
    const user = userId === undefined ? undefined : await findUserById(tx, userId);
    if (!user)
      throw new AppError(
        "invalid_input",
        "this reset link has expired or was used already: ask for a new one",
      );
    // Every session is signed out: the one asking holds a link, not a session.
    await replacePassword(tx, user, passwordHash, null, { by: "reset", baseUrl, now });
  });
}
