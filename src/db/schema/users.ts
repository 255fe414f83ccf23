// The account aggregate: a user and the login sessions that belong to them.
import { sql } from "drizzle-orm";
import { bigint, char, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { checkOneOf } from "./checks.js";

export const USER_ROLES = ["buyer", "seller", "admin"] as const;
export const SELLER_KINDS = ["private", "dealer"] as const;

export const users = pgTable(
  "users",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: USER_ROLES }).notNull().default("buyer"),
    sellerKind: text("seller_kind", { enum: SELLER_KINDS }),
    dealerName: text("dealer_name"),
    homeState: char("home_state", { length: 2 }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * When the owner proved the address is theirs (a link mailed to it, src/services/email-confirmation.ts).
     * Alert mail goes only to confirmed addresses: anyone could sign up with someone else's.
     */
    emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }),
    /** Set by an admin: a banned account keeps its history but may not post or review. */
    bannedAt: timestamp("banned_at", { withTimezone: true }),
  },
  (t) => [
    // Emails compare case-insensitively: Bob@x.com and bob@x.com are one account.
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    checkOneOf("users_role_check", t.role, USER_ROLES),
    checkOneOf("users_seller_kind_check", t.sellerKind, SELLER_KINDS),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 hex of the cookie token: a leaked table does not hand out live cookies. */
    id: text("id").primaryKey(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sessions_user_id_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
