// Drains the mail queue. Jobs are claimed with FOR UPDATE SKIP LOCKED, so several workers share the
// queue without sending a message twice; a failed send is retried with back-off, at most 8 times.
// Delivery is at least once: a crash after the server accepted a message but before the commit sends
// that one message again on restart (documented in docs/scaling.md).
import { sql } from "drizzle-orm";
import { type Database, queryRows, withTransaction } from "../db/client.js";
import type { Mailer } from "../mail/mailer.js";

export const MAX_ATTEMPTS = 8;

interface Row extends Record<string, unknown> {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  attempts: number;
}

export async function sendPendingMail(database: Database, mailer: Mailer, limit = 20) {
  return withTransaction(database, async (tx) => {
    const jobs = await queryRows<Row>(
      tx,
      sql`select id, "to", subject, text, html, headers, attempts from mail_jobs
          where sent_at is null and not_before <= now() and attempts < ${MAX_ATTEMPTS}
          order by id limit ${limit} for update skip locked`,
    );
    let sent = 0;
    let failed = 0;
    for (const job of jobs) {
      try {
        await mailer.send({
          to: job.to,
          subject: job.subject,
          text: job.text,
          html: job.html,
          headers: job.headers,
        });
        await tx.execute(
          sql`update mail_jobs set sent_at = now(), attempts = attempts + 1 where id = ${job.id}`,
        );
        sent++;
      } catch (e) {
        // Back off 1, 2, 4 … minutes.
        const delay = 2 ** Number(job.attempts);
        await tx.execute(
          sql`update mail_jobs set attempts = attempts + 1, last_error = ${String(e).slice(0, 500)},
              not_before = now() + make_interval(mins => ${delay}) where id = ${job.id}`,
        );
        failed++;
      }
    }
    return { sent, failed };
  });
}
