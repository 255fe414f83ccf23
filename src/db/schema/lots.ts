// Importers' evaluated auction-lot batches, kept per user. A batch and all its rows are written in one
// transaction, so a crash mid-save leaves no half-saved batch; the same file with the same options is
// one batch (re-uploading it opens the one already evaluated).
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { users } from "./users.js";

export const lotBatches = pgTable(
  "lot_batches",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint("user_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    /** SHA-256 hex of the uploaded bytes. */
    fileSha256: text("file_sha256").notNull(),
    /** The evaluation options (state, arrival, rate, costs) as given. */
    options: jsonb("options").$type<Record<string, string>>().notNull(),
    /** A canonical string of `options`: with the file hash, what makes two uploads the same batch. */
    optionsKey: text("options_key").notNull(),
    rowCount: integer("row_count").notNull(),
    errorCount: integer("error_count").notNull(),
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("lot_batches_same_upload_key").on(t.userId, t.fileSha256, t.optionsKey),
    index("lot_batches_user_id_idx").on(t.userId, t.createdAt),
  ],
);

export const lotResults = pgTable(
  "lot_results",
  {
    batchId: bigint("batch_id", { mode: "number" })
      .notNull()
      .references(() => lotBatches.id, { onDelete: "cascade" }),
    /** The row's line number in the file (1 is the header). */
    line: integer("line").notNull(),
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.line] })],
);

export type LotBatchRow = typeof lotBatches.$inferSelect;
