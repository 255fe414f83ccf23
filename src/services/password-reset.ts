// Password reset by email: a single-use token that expires in an hour, stored only as its SHA-256.
// Asking says the same thing whether or not the address has an account; using it signs out every
// session of the account (anyone who had the old password is out).
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { z } from "zod";
import { type Database, withTransaction } from "../db/client.js";
import { findUserByEmail } from "../db/repos/users.repo.js";
import { mailJobs, passwordResets } from "../db/schema/ops.js";
import { sessions, users } from "../db/schema/users.js";
import { hashPassword } from "./accounts.js";
import { AppError } from "./app-error.js";
import { parseInput } from "./inputs.schema.js";

export const RESET_TTL_MS = 60 * 60_000;
export const RESET_SENT_MESSAGE =
  "If an account uses that email, we have sent it a link to choose a new password. The link works once, for one hour.";

const tokenId = (token: string) => createHash("sha256").update(token).digest("hex");

export const resetRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email("email: not an email address").max(254),
});
export const resetPasswordSchema = z.object({
  password: z
    .string()
    .min(10, "password: at least 10 characters")
    .max(200, "password: at most 200 characters"),
});

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
  const token = randomBytes(32).toString("base64url");
  const link = `${baseUrl}/reset/${token}`;
  await withTransaction(database, async (tx) => {
    await tx.insert(passwordResets).values({
      id: tokenId(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    });
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
    .where(
      and(
        eq(passwordResets.id, tokenId(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
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

export async function resetPassword(database: Database, token: string, raw: unknown, now = new Date()) {
  const { password } = parseInput(resetPasswordSchema, raw);
  const passwordHash = await hashPassword(password);
  await withTransaction(database, async (tx) => {
    // Claim the token in the same statement that checks it: two concurrent uses cannot both succeed.
    const claimed = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.id, tokenId(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResets.userId });
    const userId = claimed[0]?.userId;
    if (userId === undefined)
      throw new AppError(
        "invalid_input",
        "this reset link has expired or was used already: ask for a new one",
      );
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    // Older unused links of the account stop working too.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  });
}
