// Operational state shared by every app instance, so instances stay stateless: rate-limit counters,
// password-reset and email-confirmation tokens, site settings (the signing secret), and the mail queue
// the job runner drains.
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./users.js";

/** Fixed-window counters: one row per (limit key, window start); old windows are swept. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index("rate_limits_window_start_idx").on(t.windowStart),
  ],
);

/**
 * Single-use links mailed to a user (a password reset, an email confirmation): one shape, one table
 * each. The id is the SHA-256 hex of the mailed token, like sessions: a leaked table hands out nothing
 * usable. A link is live while unused and unexpired (src/services/mailed-links.ts).
 */
function mailedLinks<const Name extends string>(name: Name) {
  return pgTable(
    name,
    {
      id: text("id").primaryKey(),
      userId: bigint("user_id", { mode: "number" })
        .notNull()
        .references(() => users.id, { onDelete: "cascade" }),
      createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
      expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
      usedAt: timestamp("used_at", { withTimezone: true }),
    },
    (t) => [index(`${name}_user_id_idx`).on(t.userId)],
  );
}

export const passwordResets = mailedLinks("password_resets");
export const emailConfirmations = mailedLinks("email_confirmations");
export type MailedLinkTable = typeof passwordResets | typeof emailConfirmations;

export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const MAIL_KINDS = ["alert", "digest", "password_reset", "confirm_email", "password_changed"] as const;

/** Mail to send: written in the same transaction as what caused it, sent by the job runner. */
export const mailJobs = pgTable(
  "mail_jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind", { enum: MAIL_KINDS }).notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Not retried before this time (back-off after a failure). */
    notBefore: timestamp("not_before", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Claimed by a sender until this time: it sends outside any transaction, and a sender that died
     * mid-send leaves the job to another once this has passed (src/jobs/mail-sender.ts).
     */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  (t) => [index("mail_jobs_pending_idx").on(t.notBefore).where(sql`${t.sentAt} is null`)],
);

export type MailJob = typeof mailJobs.$inferSelect;
