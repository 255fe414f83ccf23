// Lot batches on the web: a signed-in seller uploads an auction-lot CSV, it is evaluated with the same
// stream as `keiyard lots`, and the batch is saved with all its rows in one transaction (a crash while
// saving leaves nothing). The same file with the same options is recognised and opens the saved batch.
import { createHash } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database, Db } from "../db/client.js";
import { queryRows, withTransaction } from "../db/client.js";
import { type LotBatchRow, lotBatches, lotResults } from "../db/schema/lots.js";
import type { LotSummary } from "../domain/lots/summary.js";
import type { LotResult } from "../domain/lots/types.js";
import type { IsoDate } from "../domain/units/dates.js";
import type { Facts } from "../facts/schemas.js";
import type { PublicUser } from "./accounts.js";
import { AppError } from "./app-error.js";
import { currentDealModel } from "./deals.js";
import { parseInput } from "./inputs.schema.js";
import { evaluateLotStream, type LotProgress, lotCostsFrom } from "./lots.js";
import { lotsInputSchema } from "./lots.schema.js";
import { detectEncoding, ENCODING_HEAD_BYTES, READ_AS_SHIFT_JIS, shiftJisToUtf8 } from "./text-encoding.js";

/** What the web takes; bigger files are for `keiyard lots`, which streams any size. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_ROWS = 50_000;
const CHUNK = 64 * 1024;
const INSERT_ROWS = 1000;
/**
 * The evaluation hands the event loop back at least this often: it runs in the server's one thread, and
 * 50,000 lots take a second or so, during which no other request of the site would be answered.
 */
const YIELD_MS = 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function requireImporter(user: PublicUser | null): PublicUser {
  if (!user) throw new AppError("unauthenticated", "log in as a seller to evaluate auction lots");
  if (user.role === "buyer") throw new AppError("forbidden", "the importer tools are for seller accounts");
  if (user.banned) throw new AppError("forbidden", "this account has been banned");
  return user;
}

/** The options as a canonical string: the same options in any order are the same batch. */
function optionsKeyOf(options: Record<string, string>): string {
  return new URLSearchParams(Object.entries(options).sort(([a], [b]) => a.localeCompare(b))).toString();
}

export interface UploadContext {
  facts: Facts;
  /** The site's rate, used when the form gives none. */
  jpyPerUsd: number;
  onProgress?: (p: LotProgress) => void | Promise<void>;
}

export interface UploadOutcome {
  batch: LotBatchRow;
  /** True when this file with these options had been evaluated before. */
  existing: boolean;
}

/** Saves a batch and all its rows in one transaction; exported so a test can make it fail halfway. */
export async function saveBatch(
  database: Database,
  row: typeof lotBatches.$inferInsert,
  results: readonly LotResult[],
): Promise<LotBatchRow> {
  return withTransaction(database, async (tx) => {
    const [batch] = await tx.insert(lotBatches).values(row).returning();
    // Each slice of rows goes as one JSON array, unpacked by the database: one parameter instead of
    // three a row, which the embedded database binds and parses noticeably faster.
    for (let i = 0; i < results.length; i += INSERT_ROWS)
      await tx.execute(
        sql`insert into ${lotResults} (batch_id, line, result)
            select ${batch!.id}, (e->>'line')::int, e
            from jsonb_array_elements(${JSON.stringify(results.slice(i, i + INSERT_ROWS))}::jsonb) as e`,
      );
    return batch!;
  });
}

export async function evaluateUpload(
  database: Database,
  user: PublicUser | null,
  file: { name: string; bytes: Uint8Array },
  raw: Record<string, unknown>,
  ctx: UploadContext,
): Promise<UploadOutcome> {
  const owner = requireImporter(user);
  const q = parseInput(lotsInputSchema, raw);
  if (!ctx.facts.stateFees.some((s) => s.code === q.to))
    throw new AppError("invalid_input", `to: "${q.to}" is not a US state or DC code`, "to");
  if (file.bytes.byteLength === 0) throw new AppError("invalid_input", "choose a CSV file of lots", "file");
  if (file.bytes.byteLength > MAX_UPLOAD_BYTES)
    throw new AppError(
      "payload_too_large",
      `the file is over ${MAX_UPLOAD_BYTES / 2 ** 20} MB: use keiyard lots`,
    );
  const options = Object.fromEntries(
    Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  const fileSha256 = createHash("sha256").update(file.bytes).digest("hex");
  const optionsKey = optionsKeyOf(options);
  const [seen] = await database.db
    .select()
    .from(lotBatches)
    .where(
      and(
        eq(lotBatches.userId, owner.id),
        eq(lotBatches.fileSha256, fileSha256),
        eq(lotBatches.optionsKey, optionsKey),
      ),
    )
    .limit(1);
  if (seen) return { batch: seen, existing: true };

  // A Shift_JIS export (the usual one from Japan) is read converted; the hash above is of the bytes sent.
  const shiftJis = detectEncoding(file.bytes.subarray(0, ENCODING_HEAD_BYTES)) === "shift_jis";
  const bytes = shiftJis ? shiftJisToUtf8(file.bytes) : file.bytes;
  const chunks = function* () {
    for (let at = 0; at < bytes.byteLength; at += CHUNK) yield bytes.subarray(at, at + CHUNK);
  };
  const results: LotResult[] = [];
  let summary: LotSummary | null = null;
  let turn = performance.now();
  for await (const event of evaluateLotStream(chunks(), {
    facts: ctx.facts,
    arrival: q.arrival as IsoDate,
    state: q.to,
    jpyPerUsd: q.fx ?? ctx.jpyPerUsd,
    costs: lotCostsFrom(q),
    dealModel: currentDealModel("us"),
    priceUnit: Number(q.priceUnit),
    totalBytes: bytes.byteLength,
  })) {
    if (event.kind === "results") {
      results.push(...event.results);
      if (results.length > MAX_UPLOAD_ROWS)
        throw new AppError(
          "invalid_input",
          `more than ${MAX_UPLOAD_ROWS} lots: split the file, or use keiyard lots`,
        );
      await ctx.onProgress?.(event.progress);
      if (performance.now() - turn >= YIELD_MS) {
        await nextTurn();
        turn = performance.now();
      }
    } else if (event.kind === "done") summary = event.summary;
  }
  if (!summary) throw new AppError("invalid_input", "the file has no lots");
  if (shiftJis) summary.warnings.unshift(READ_AS_SHIFT_JIS);
  const batch = await saveBatch(
    database,
    {
      userId: owner.id,
      fileName: file.name.slice(0, 200) || "lots.csv",
      fileSha256,
      options,
      optionsKey,
      rowCount: summary.rows,
      errorCount: summary.errorRows,
      summary: summary as unknown as Record<string, unknown>,
    },
    results,
  );
  return { batch, existing: false };
}

export async function batchesOf(database: Database, user: PublicUser | null) {
  const owner = requireImporter(user);
  return database.db
    .select()
    .from(lotBatches)
    .where(eq(lotBatches.userId, owner.id))
    .orderBy(desc(lotBatches.createdAt), desc(lotBatches.id))
    .limit(100);
}

/** A batch its owner (or an admin) may open. */
export async function batchFor(
  database: Database,
  user: PublicUser | null,
  id: number,
): Promise<LotBatchRow> {
  const viewer = requireImporter(user);
  const [batch] = await database.db.select().from(lotBatches).where(eq(lotBatches.id, id)).limit(1);
  if (!batch || (batch.userId !== viewer.id && viewer.role !== "admin"))
    throw new AppError("not_found", `no lot batch ${id} of yours`);
  return batch;
}

/** Deletes a batch and its rows (cascade) for its owner or an admin. */
export async function deleteBatch(database: Database, user: PublicUser | null, id: number): Promise<void> {
  const batch = await batchFor(database, user, id);
  await database.db.delete(lotBatches).where(eq(lotBatches.id, batch.id));
}

export const RESULT_SORTS = ["line", "margin", "landed", "fair", "price"] as const;
export const RESULT_FILTERS = ["all", "importable", "not_importable", "needs_evidence", "errors"] as const;
export const RESULTS_PAGE = 100;

const SORT_SQL: Record<(typeof RESULT_SORTS)[number], string> = {
  line: "line asc",
  margin:
    "coalesce((result->'margin'->>'cents')::bigint, (result->'margin'->>'lowCents')::bigint) desc nulls last, line",
  landed: "(result->>'landedCents')::bigint asc nulls last, line",
  fair: "coalesce((result->'fair'->>'fairCents')::bigint, (result->'fair'->>'lowCents')::bigint) desc nulls last, line",
  price: "(result->'price'->>'jpy')::bigint asc nulls last, line",
};

function filterSql(filter: (typeof RESULT_FILTERS)[number]) {
  if (filter === "all") return sql`true`;
  if (filter === "errors") return sql`result->>'status' = 'error'`;
  return sql`result->'eligibility'->>'verdict' = ${filter}`;
}

/** A page of a batch's results, sorted and filtered in SQL, with the count the filter leaves. */
export async function batchResults(
  db: Db,
  batchId: number,
  o: { sort: (typeof RESULT_SORTS)[number]; filter: (typeof RESULT_FILTERS)[number]; page: number },
) {
  const where = sql`batch_id = ${batchId} and ${filterSql(o.filter)}`;
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from lot_results where ${where}`,
  );
  const rows = await queryRows<{ result: LotResult }>(
    db,
    sql`select result from lot_results where ${where} order by ${sql.raw(SORT_SQL[o.sort])}
        limit ${RESULTS_PAGE} offset ${(o.page - 1) * RESULTS_PAGE}`,
  );
  return { total: Number(count?.n ?? 0), results: rows.map((r) => r.result) };
}

/** Every result of a batch in file order, a thousand at a time (for the CSV download). */
export async function* allBatchResults(db: Db, batchId: number): AsyncGenerator<LotResult[]> {
  let after = 0;
  for (;;) {
    const rows = await queryRows<{ line: number; result: LotResult }>(
      db,
      sql`select line, result from lot_results where batch_id = ${batchId} and line > ${after}
          order by line limit ${INSERT_ROWS}`,
    );
    if (rows.length === 0) return;
    yield rows.map((r) => r.result);
    after = Number(rows.at(-1)!.line);
  }
}
