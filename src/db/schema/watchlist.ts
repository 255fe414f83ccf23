// A user's watched trucks, with what the listing looked like when they last looked at /saved, so the
// page can say what changed since.
import { bigint, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { checkOneOf } from "./checks.js";
import { LISTING_STATUSES, listings } from "./listings.js";
import { users } from "./users.js";

export const watches = pgTable(
  "watches",
  {
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    listingId: bigint("listing_id", { mode: "number" })
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    seenPriceUsdCents: bigint("seen_price_usd_cents", { mode: "number" }),
    seenPriceJpy: bigint("seen_price_jpy", { mode: "number" }),
    seenStatus: text("seen_status", { enum: LISTING_STATUSES }).notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.listingId] }),
    index("watches_listing_id_idx").on(t.listingId),
    checkOneOf("watches_seen_status_check", t.seenStatus, LISTING_STATUSES),
  ],
);

export type Watch = typeof watches.$inferSelect;
