// Saved searches and the alerts sent for them. A delivery row per (search, listing, price) is what
// keeps an alert from being sent twice, across restarts and across several workers.
import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { checkOneOf } from "./checks.js";
import { listings } from "./listings.js";
import { mailJobs } from "./ops.js";
import { users } from "./users.js";

export const ALERT_FREQUENCIES = ["instant", "daily"] as const;

export const savedSearches = pgTable(
  "saved_searches",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The /trucks query string's parameters, validated by the search schema when saved. */
    query: jsonb("query").$type<Record<string, string>>().notNull(),
    frequency: text("frequency", { enum: ALERT_FREQUENCIES }).notNull().default("instant"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Listings created or repriced after this moment are the next check's candidates. */
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
    lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
  },
  (t) => [
    index("saved_searches_user_id_idx").on(t.userId),
    index("saved_searches_checked_at_idx").on(t.checkedAt),
    checkOneOf("saved_searches_frequency_check", t.frequency, ALERT_FREQUENCIES),
  ],
);

export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    savedSearchId: bigint("saved_search_id", { mode: "number" })
      .notNull()
      .references(() => savedSearches.id, { onDelete: "cascade" }),
    listingId: bigint("listing_id", { mode: "number" })
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    /** "new" or "price:<amount>": a listing alerts once when new and once per price it is repriced to. */
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The mail that carried it; null while a daily digest is pending. */
    mailJobId: bigint("mail_job_id", { mode: "number" }).references(() => mailJobs.id, {
      onDelete: "set null",
    }),
  },
  (t) => [
    unique("alert_deliveries_once_key").on(t.savedSearchId, t.listingId, t.reason),
    index("alert_deliveries_pending_idx").on(t.savedSearchId).where(sql`${t.mailJobId} is null`),
  ],
);

export type SavedSearch = typeof savedSearches.$inferSelect;
