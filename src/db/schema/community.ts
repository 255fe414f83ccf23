// What people say about each other and the moderation around it: seller reviews, reports of any
// posted text, and the admins' audit log. Comments and questions (the guides and listing threads)
// will use the same reports and audit log, keyed by subject kind.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { checkOneOf } from "./checks.js";
import { listings } from "./listings.js";
import { users } from "./users.js";

export const SUBJECT_KINDS = ["review", "comment", "question"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const reviews = pgTable(
  "reviews",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    // A deleted listing keeps its reviews (a seller cannot erase a bad one by deleting the sale).
    listingId: bigint("listing_id", { mode: "number" }).references(() => listings.id, {
      onDelete: "set null",
    }),
    /** The listing's title when reviewed, shown when the listing is gone. */
    listingTitle: text("listing_title").notNull(),
    sellerId: bigint("seller_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    buyerId: bigint("buyer_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    reply: text("reply"),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
  },
  (t) => [
    // One review per sale.
    unique("reviews_listing_id_key").on(t.listingId),
    index("reviews_seller_id_idx").on(t.sellerId, t.createdAt),
    index("reviews_buyer_id_idx").on(t.buyerId),
    check("reviews_rating_range", sql`${t.rating} between 1 and 5`),
  ],
);

export const reports = pgTable(
  "reports",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    subjectId: bigint("subject_id", { mode: "number" }).notNull(),
    reporterId: bigint("reporter_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    // Reporting twice is one report.
    unique("reports_subject_reporter_key").on(t.subjectKind, t.subjectId, t.reporterId),
    index("reports_open_idx").on(t.resolvedAt, t.createdAt),
    checkOneOf("reports_subject_kind_check", t.subjectKind, SUBJECT_KINDS),
  ],
);

export const AUDIT_ACTIONS = ["hide", "restore", "ban", "unban", "resolve_report"] as const;

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: bigint("actor_id", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    subjectKind: text("subject_kind").notNull(),
    subjectId: bigint("subject_id", { mode: "number" }).notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), checkOneOf("audit_log_action_check", t.action, AUDIT_ACTIONS)],
);

export type Review = typeof reviews.$inferSelect;
export type Report = typeof reports.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

export const COMMENT_SUBJECTS = ["guide", "listing"] as const;

/** Comments on guides and questions on listings; one level of replies (parent is a top-level comment). */
export const comments = pgTable(
  "comments",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    subjectKind: text("subject_kind", { enum: COMMENT_SUBJECTS }).notNull(),
    /** The guide's slug, or the listing's id as text. */
    subjectKey: text("subject_key").notNull(),
    parentId: bigint("parent_id", { mode: "number" }).references((): AnyPgColumn => comments.id, {
      onDelete: "cascade",
    }),
    authorId: bigint("author_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The author's Markdown (the small safe subset), rendered at display time. */
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
  },
  (t) => [
    index("comments_subject_idx").on(t.subjectKind, t.subjectKey, t.createdAt),
    index("comments_author_id_idx").on(t.authorId, t.createdAt),
    index("comments_parent_id_idx").on(t.parentId),
    checkOneOf("comments_subject_kind_check", t.subjectKind, COMMENT_SUBJECTS),
  ],
);

export type Comment = typeof comments.$inferSelect;
