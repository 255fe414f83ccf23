// Single-use links mailed to a user (password reset, email confirmation): a 256-bit random token in the
// link, only its SHA-256 in the database, live while unused and unexpired, claimed in the statement that
// checks it so that two uses cannot both succeed.
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, type SQL } from "drizzle-orm";
import type { Db } from "../db/client.js";
import type { MailedLinkTable } from "../db/schema/ops.js";
import { tokenId } from "./accounts.js";

/** Stores a new link for the user; returns the token to put in the mail (never stored). */
export async function createLink(
  db: Db,
  table: MailedLinkTable,
  userId: number,
  expiresAt: Date,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(table).values({ id: tokenId(token), userId, expiresAt });
  return token;
}

/** The condition that a token's link is live at `now`. */
export function liveLink(table: MailedLinkTable, token: string, now: Date): SQL {
  return and(eq(table.id, tokenId(token)), isNull(table.usedAt), gt(table.expiresAt, now))!;
}

/**
 * Uses a live link and retires the user's other live links of the same kind; returns the user, or
 * undefined when the link is unknown, used or expired (then nothing changes).
 */
export async function claimLink(
  tx: Db,
  table: MailedLinkTable,
  token: string,
  now: Date,
): Promise<number | undefined> {
  const [claimed] = await tx
    .update(table)
    .set({ usedAt: now })
    .where(liveLink(table, token, now))
    .returning({ userId: table.userId });
  if (!claimed) return undefined;
  await retireLinks(tx, table, claimed.userId, now);
  return claimed.userId;
}

/** Ends the user's live links of one kind (what one of them was for is done). */
export async function retireLinks(tx: Db, table: MailedLinkTable, userId: number, now: Date): Promise<void> {
  await tx
    .update(table)
    .set({ usedAt: now })
    .where(and(eq(table.userId, userId), isNull(table.usedAt)));
}
