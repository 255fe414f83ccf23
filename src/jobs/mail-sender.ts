// Drains the mail queue. Each job is claimed by one short statement (FOR UPDATE SKIP LOCKED, then a
// lease in `locked_until`), sent with no transaction open, and marked sent or failed by another. Several
// workers share the queue without sending a message twice, and a slow or unreachable mail server never
// holds a database transaction: with the embedded database (one connection) that would stop every
// other query of the site for as long as the server takes. A failed send is retried with back-off, at
// most 8 times. Delivery is at least once: a sender that dies after the server accepted a message but
// before marking it sent leaves it to be sent again once its lease ends (docs/scaling.md).
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import type { Mailer } from "../mail/mailer.js";

export const MAX_ATTEMPTS = 8;
/**
 * How long a claimed job is its sender's. Far above the worst case of one message, which the SMTP
 * mailer's timeouts bound (src/mail/mailer.ts: 30 s to connect, 30 s for the greeting, 60 s idle).
 */
export const LEASE_MINUTES = 10;

interface Row extends Record<string, unknown> {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  /** Counting this one. */
  attempts: number;
}

/** The oldest job due and not claimed, now claimed by this sender (its attempt counted), or null. */
async function claim(database: Database): Promise<Row | null> {
  const rows = await queryRows<Row>(
    database.db,
    sql`update mail_jobs
        set locked_until = now() + make_interval(mins => ${LEASE_MINUTES}), attempts = attempts + 1
        where id = (
          select id from mail_jobs
          where sent_at is null and not_before <= now() and attempts < ${MAX_ATTEMPTS}
            and (locked_until is null or locked_until <= now())
          order by id limit 1 for update skip locked)
        returning id, "to", subject, text, html, headers, attempts`,
  );
  return rows[0] ?? null;
}

export async function sendPendingMail(database: Database, mailer: Mailer, limit = 20) {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const job = await claim(database);
    if (!job) break;
    try {
      await mailer.send({
        to: job.to,
        subject: job.subject,
        text: job.text,
        html: job.html,
        headers: job.headers,
      });
    } catch (e) {
      // Back off 1, 2, 4 … minutes after the first, second, third … failed attempt.
      const delay = 2 ** (Number(job.attempts) - 1);
      await database.db.execute(
        sql`update mail_jobs set locked_until = null, last_error = ${String(e).slice(0, 500)},
            not_before = now() + make_interval(mins => ${delay}) where id = ${job.id}`,
      );
      failed++;
      continue;
    }
    await database.db.execute(
      sql`update mail_jobs set sent_at = now(), locked_until = null where id = ${job.id}`,
    );
    sent++;
  }
  return { sent, failed };
}
