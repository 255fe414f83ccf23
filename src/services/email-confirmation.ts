// Confirming that an account's email address belongs to its owner: a link mailed to the address, which
// works once, for three days, stored only as its SHA-256 (like reset links). Alert mail goes only to
// confirmed addresses (src/services/alerts.ts): without this, anyone could sign up with someone else's
// address and have alerts sent to it.
//
// Opening the link shows a button; only pressing it (a POST) confirms. Mail scanners that fetch every
// link in a message would otherwise confirm an address nobody read the mail at.
import { eq, sql } from "drizzle-orm";
import { type Database, type Db, queryRows, withTransaction } from "../db/client.js";
import { emailConfirmations, mailJobs } from "../db/schema/ops.js";
import { users } from "../db/schema/users.js";
import type { PublicUser } from "./accounts.js";
import { AppError } from "./app-error.js";
import { accountEmailString, parseInput } from "./inputs.schema.js";
import { claimLink, createLink, liveLink, retireLinks } from "./mailed-links.js";

export const CONFIRMATION_TTL_MS = 3 * 86_400_000;

/**
 * Queues a confirmation link for the account's address (a new one each time; older ones keep working
 * until they expire or one is used). Does nothing for an address that is confirmed already.
 */
export async function sendEmailConfirmation(
  database: Database | Db,
  user: Pick<PublicUser, "id" | "email" | "emailConfirmed">,
  baseUrl: string,
  now = new Date(),
): Promise<boolean> {
  if (user.emailConfirmed) return false;
  await withTransaction(database, async (tx) => {
    const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS);
    const link = `${baseUrl}/confirm/${await createLink(tx, emailConfirmations, user.id, expiresAt)}`;
    await tx.insert(mailJobs).values({
      kind: "confirm_email",
      to: user.email,
      subject: "Confirm your email for keiyard",
      text: `Someone (we hope you) made a keiyard account with this email address.\n\nTo get email alerts for your saved searches, confirm that the address is yours here (the link works once, for three days):\n${link}\n\nIf it was not you, ignore this email: nothing will be sent to this address unless it is confirmed.`,
    });
  });
  return true;
}

/**
 * Mails one link to each unconfirmed account that has saved searches and was never sent one: the
 * accounts made before confirmation existed (sign-up sends one to every new account). Their alerts
 * wait for it. Rows are locked and skipped when locked, so two instances do not both mail one account.
 */
export async function mailFirstConfirmations(
  database: Database,
  baseUrl: string,
  now = new Date(),
  batch = 100,
): Promise<number> {
  return withTransaction(database, async (tx) => {
    const waiting = await queryRows<{ id: number | string; email: string }>(
      tx,
      sql`select u.id, u.email from users u
          where u.email_confirmed_at is null
            and exists (select 1 from saved_searches s where s.user_id = u.id)
            and not exists (select 1 from email_confirmations e where e.user_id = u.id)
          order by u.id limit ${batch} for update of u skip locked`,
    );
    for (const u of waiting)
      await sendEmailConfirmation(
        tx,
        { id: Number(u.id), email: u.email, emailConfirmed: false },
        baseUrl,
        now,
      );
    return waiting.length;
  });
}

/** The address a live link would confirm, or null when the link is unknown, used or expired. */
export async function confirmationTarget(
  database: Database,
  token: string,
  now = new Date(),
): Promise<string | null> {
  const [row] = await database.db
    .select({ email: users.email })
    .from(emailConfirmations)
    .innerJoin(users, eq(users.id, emailConfirmations.userId))
    .where(liveLink(emailConfirmations, token, now))
    .limit(1);
  return row?.email ?? null;
}

/** Uses a link: the account's address is confirmed, and its other links stop working. */
export async function confirmEmail(
  database: Database,
  token: string,
  now = new Date(),
): Promise<{ email: string }> {
  return withTransaction(database, async (tx) => {
    // Two presses of one link cannot both count; the account's other links stop working.
    const userId = await claimLink(tx, emailConfirmations, token, now);
    if (userId === undefined)
      throw new AppError(
        "invalid_input",
        "this confirmation link has expired or was used already: log in and ask for a new one on the alerts page",
      );
    // An address confirmed already (by a link used before this one was made) keeps its first moment.
    const [user] = await tx
      .update(users)
      .set({ emailConfirmedAt: sql`coalesce(${users.emailConfirmedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(users.id, userId))
      .returning({ email: users.email });
    return user!;
  });
}

/**
 * The operator vouches for an account's address (`keiyard admin confirm`), for a site whose mail is
 * not set up yet or a dealer's staff signed up by hand: confirmed as a link would, its live links
 * retired.
 */
export async function confirmEmailOf(database: Database, email: string, now = new Date()) {
  const address = parseInput(accountEmailString, email);
  return withTransaction(database, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, address)).limit(1);
    if (!user) throw new AppError("not_found", `no account uses ${address}`);
    const changed = user.emailConfirmedAt === null;
    if (changed) {
      await tx.update(users).set({ emailConfirmedAt: now }).where(eq(users.id, user.id));
      await retireLinks(tx, emailConfirmations, user.id, now);
    }
    return { id: user.id, email: user.email, displayName: user.displayName, changed };
  });
}
