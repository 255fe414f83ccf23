// The job runner: checks saved searches and drains the mail queue, on a timer in each app instance
// (safe with several: see services/alerts.ts and jobs/mail-sender.ts); `runJobsOnce` runs one pass.
import type { Database } from "../db/client.js";
import type { IsoDate } from "../domain/units/dates.js";
import type { Facts } from "../facts/schemas.js";
import type { Mailer } from "../mail/mailer.js";
import { checkSavedSearches } from "../services/alerts.js";
import { mailFirstConfirmations } from "../services/email-confirmation.js";
import { sendPendingMail } from "./mail-sender.js";

export interface JobDeps {
  database: Database;
  facts: Facts;
  mailer: Mailer;
  today: () => IsoDate;
  jpyPerUsd: number;
  baseUrl: string;
}

export async function runJobsOnce(d: JobDeps) {
  const confirmations = await mailFirstConfirmations(d.database, d.baseUrl);
  const alerts = await checkSavedSearches(d.database, {
    facts: d.facts,
    today: d.today(),
    jpyPerUsd: d.jpyPerUsd,
    baseUrl: d.baseUrl,
  });
  let sent = 0;
  let failed = 0;
  // Drain in batches until the queue is empty or a batch sends nothing.
  for (;;) {
    const r = await sendPendingMail(d.database, d.mailer);
    sent += r.sent;
    failed += r.failed;
    if (r.sent === 0) break;
  }
  return { ...alerts, confirmations, sent, failed };
}

/** Runs the jobs every `intervalMs` (never two runs at once in this process); returns stop(). */
export function startJobRunner(d: JobDeps, intervalMs: number, log: (line: string) => void) {
  let running: Promise<unknown> | null = null;
  // A skipped search is skipped again on every run until its owner changes it: said once per process.
  const told = new Set<number>();
  const tick = () => {
    if (running) return;
    running = runJobsOnce(d)
      .then((r) => {
        if (r.queued || r.sent || r.failed)
          log(`jobs: ${r.queued} alerts queued, ${r.sent} mails sent, ${r.failed} failed`);
        for (const s of r.skipped)
          if (!told.has(s.id)) {
            told.add(s.id);
            log(`jobs: saved search ${s.id} skipped: ${s.reason}`);
          }
      })
      .catch((e) => log(`jobs failed: ${e}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
