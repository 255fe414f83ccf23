// The mail queue's sender on both engines: a job is claimed by a lease, sent with no transaction open
// (a slow mail server stops nothing else), marked sent once, retried with back-off, and taken over
// when its sender died mid-send.
import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { describeEachEngine, truncateAll } from "../../test/db-harness.js";
import { queryRows } from "../db/client.js";
import { mailJobs } from "../db/schema/index.js";
import type { Mailer, OutgoingMail } from "../mail/mailer.js";
import { LEASE_MINUTES, MAX_ATTEMPTS, sendPendingMail } from "./mail-sender.js";

/** A mailer that records what it sends; `hold` keeps each send waiting until released. */
function testMailer(options: { fail?: (m: OutgoingMail) => boolean; hold?: boolean } = {}) {
  const sent: OutgoingMail[] = [];
  const waiting: (() => void)[] = [];
  let arrived: (() => void) | null = null;
  const mailer: Mailer = {
    description: "test",
    async send(mail) {
      if (options.hold) {
        arrived?.();
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      if (options.fail?.(mail)) throw new Error(`refused ${mail.to}`);
      sent.push(mail);
      return { messageId: `<${sent.length}@test>` };
    },
    close() {},
  };
  return {
    mailer,
    sent,
    /** Resolves once a send is waiting. */
    sending: () =>
      new Promise<void>((resolve) => {
        if (waiting.length > 0) resolve();
        else arrived = resolve;
      }),
    release: () => {
      for (const r of waiting.splice(0)) r();
    },
  };
}

describeEachEngine("mail sender", (getDb, engine) => {
  const queue = (...to: string[]) =>
    getDb()
      .insert(mailJobs)
      .values(to.map((t) => ({ kind: "alert" as const, to: t, subject: `for ${t}`, text: "hello" })));
  const jobs = () => getDb().select().from(mailJobs).orderBy(mailJobs.id);

  beforeEach(() => truncateAll(getDb()));

  it("sends the due jobs in order and marks each sent, once", async () => {
    await queue("a@example.com", "b@example.com");
    const t = testMailer();
    expect(await sendPendingMail(engine.getDatabase(), t.mailer)).toEqual({ sent: 2, failed: 0 });
    expect(t.sent.map((m) => m.to)).toEqual(["a@example.com", "b@example.com"]);
    for (const j of await jobs()) {
      expect(j.sentAt).not.toBeNull();
      expect(j.attempts).toBe(1);
      expect(j.lockedUntil).toBeNull();
    }
    expect(await sendPendingMail(engine.getDatabase(), t.mailer)).toEqual({ sent: 0, failed: 0 });
    expect(t.sent).toHaveLength(2);
  });

  it("keeps no transaction open while the mail server takes its time", async () => {
    await queue("slow@example.com");
    const t = testMailer({ hold: true });
    const sending = sendPendingMail(engine.getDatabase(), t.mailer);
    await t.sending();
    // The send is waiting on the server: the database answers, and the job is leased, not sent.
    const [row] = await queryRows<{ locked: boolean; sent: boolean }>(
      getDb(),
      sql`select locked_until > now() as locked, sent_at is not null as sent from mail_jobs`,
    );
    expect(row).toEqual({ locked: true, sent: false });
    // A second sender meanwhile finds nothing to claim.
    const other = testMailer();
    expect(await sendPendingMail(engine.getDatabase(), other.mailer)).toEqual({ sent: 0, failed: 0 });
    t.release();
    expect(await sending).toEqual({ sent: 1, failed: 0 });
    expect(other.sent).toHaveLength(0);
  });

  it("backs off after a failure, keeps the reason, and gives up after the last attempt", async () => {
    await queue("bad@example.com", "good@example.com");
    const t = testMailer({ fail: (m) => m.to === "bad@example.com" });
    expect(await sendPendingMail(engine.getDatabase(), t.mailer)).toEqual({ sent: 1, failed: 1 });
    const [bad] = await jobs();
    expect(bad).toMatchObject({ attempts: 1, sentAt: null, lockedUntil: null });
    expect(bad!.lastError).toMatch(/refused bad@example.com/);
    const wait = bad!.notBefore.getTime() - Date.now();
    expect(wait).toBeGreaterThan(50_000);
    expect(wait).toBeLessThan(70_000);
    // Not due yet; then due again, failing until the attempts run out.
    expect(await sendPendingMail(engine.getDatabase(), t.mailer)).toEqual({ sent: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS + 1; attempt++) {
      await getDb()
        .update(mailJobs)
        .set({ notBefore: new Date(Date.now() - 1000) })
        .where(eq(mailJobs.id, bad!.id));
      const r = await sendPendingMail(engine.getDatabase(), t.mailer);
      expect(r).toEqual(attempt <= MAX_ATTEMPTS ? { sent: 0, failed: 1 } : { sent: 0, failed: 0 });
    }
    expect((await jobs())[0]!.attempts).toBe(MAX_ATTEMPTS);
  });

  it("takes over a job whose sender died mid-send once its lease has ended", async () => {
    await queue("again@example.com");
    // As a sender leaves it when it dies after claiming: attempt counted, leased, not sent.
    const leased = new Date(Date.now() + LEASE_MINUTES * 60_000);
    await getDb().update(mailJobs).set({ attempts: 1, lockedUntil: leased });
    const t = testMailer();
    expect(await sendPendingMail(engine.getDatabase(), t.mailer)).toEqual({ sent: 0, failed: 0 });
    await getDb()
      .update(mailJobs)
      .set({ lockedUntil: new Date(Date.now() - 1000) });
    expect(await sendPendingMail(engine.getDatabase(), t.mailer)).toEqual({ sent: 1, failed: 0 });
    expect((await jobs())[0]).toMatchObject({ attempts: 2, lockedUntil: null });
    expect(t.sent.map((m) => m.to)).toEqual(["again@example.com"]);
  });
});
