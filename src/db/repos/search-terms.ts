// What the words of a search and its make / model / chassis-code filters name among the values stored
// in listings. There are few distinct makes and models (a loose index scan walks them in a dozen or two
// index descents) and chassis codes only ever come from the catalog (domain/listings/derive.ts stores a
// code only when the frame number decodes), so pg_trgm similarity runs once per distinct value, never
// per row, and the search itself then filters on exact values that the b-tree indexes answer.
import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../client.js";
import { listings as l } from "../schema/listings.js";

/** One word of the free text and the stored values it is typo-similar to. */
export interface WordMatch {
  /** Lower-case letters and digits only (services/search.schema.ts searchWords). */
  word: string;
  /** [make, model] pairs whose make or model is similar to the word (and not already a text match). */
  pairs: [string, string][];
  /** Chassis codes similar to the word (and not already a text match). */
  chassisCodes: string[];
}

export interface ResolvedTerms {
  words: WordMatch[];
  /** The stored [make, model] pairs the make and model filters name (any letter case); null: no filter. */
  pairs: [string, string][] | null;
  /** The stored chassis codes the chassis-code filter names (any letter case); null: no filter. */
  chassisCodes: string[] | null;
}

export interface ExactTerms {
  make?: string | undefined;
  model?: string | undefined;
  chassisCode?: string | undefined;
}

export interface TermContext {
  /** Every chassis code a listing can carry: the catalog's. */
  chassisCodes: readonly string[];
}

const EXACT_PAIRS = -1;
const EXACT_CODES = -2;

const DISTINCT_PAIRS = sql`pairs as (
    (select make, model from ${l} order by make, model limit 1)
    union all
    select n.make, n.model from pairs p cross join lateral (select make, model from ${l}
      where (make, model) > (p.make, p.model) order by make, model limit 1) n
  )`;
/** The catalog's codes as a VALUES list; the facts schema allows only A-Z and 0-9 in a code. */
function codesCte(codes: readonly string[]): SQL {
  const safe = codes.filter((c) => /^[A-Z0-9]+$/.test(c));
  if (safe.length === 0) return sql`codes(code) as (select null::text where false)`;
  return sql`codes(code) as (values ${sql.raw(safe.map((c) => `('${c}')`).join(", "))})`;
}

/**
 * For each word, the distinct (make, model) pairs and chassis codes it is similar to: `%` (pg_trgm
 * similarity) on make, model and chassis code, and also `<%` (word similarity) on the model, because
 * catalog model names have several words ("Carry Truck / Super Carry") that dilute plain similarity.
 * With the exact filters resolved in the same query: one round trip, and none when there is nothing to do.
 */
export async function resolveTerms(
  db: Db,
  words: readonly string[],
  exact: ExactTerms,
  ctx: TermContext,
): Promise<ResolvedTerms> {
  const out: ResolvedTerms = {
    words: words.map((word) => ({ word, pairs: [], chassisCodes: [] })),
    pairs: exact.make || exact.model ? [] : null,
    chassisCodes: exact.chassisCode ? [] : null,
  };
  const needsPairs = words.length > 0 || out.pairs !== null;
  const needsCodes = words.length > 0 || out.chassisCodes !== null;
  if (!needsPairs && !needsCodes) return out;

  const ctes: SQL[] = [];
  const parts: SQL[] = [];
  if (needsPairs) ctes.push(DISTINCT_PAIRS);
  if (needsCodes) ctes.push(codesCte(ctx.chassisCodes));
  if (words.length > 0) {
    const list = sql.join(
      words.map((w, i) => sql`(${w}::text, ${i}::int)`),
      sql`, `,
    );
    ctes.push(sql`w(word, i) as (values ${list})`);
    // A value whose own words start with the word is in search_text, so the full-text match already
    // finds its rows: leaving it out keeps the word's condition to the index that answers it best.
    const prefix = sql`to_tsquery('simple', w.word || ':*')`;
    parts.push(sql`select w.i, p.make as a, p.model as b from w join pairs p
      on (lower(p.make) % w.word or lower(p.model) % w.word or w.word <% lower(p.model))
      and not to_tsvector('simple', p.make || ' ' || p.model) @@ ${prefix}`);
    parts.push(sql`select w.i, c.code, null from w join codes c
      on lower(c.code) % w.word and not to_tsvector('simple', c.code) @@ ${prefix}`);
  }
  if (out.pairs !== null) {
    const where: SQL[] = [];
    if (exact.make) where.push(sql`lower(p.make) = ${exact.make.toLowerCase()}`);
    if (exact.model) where.push(sql`lower(p.model) = ${exact.model.toLowerCase()}`);
    parts.push(
      sql`select ${EXACT_PAIRS}::int as i, p.make as a, p.model as b from pairs p where ${sql.join(where, sql` and `)}`,
    );
  }
  if (exact.chassisCode)
    parts.push(
      sql`select ${EXACT_CODES}::int as i, c.code as a, null as b from codes c where lower(c.code) = ${exact.chassisCode.toLowerCase()}`,
    );

  const rows = await queryRows<{ i: number; a: string; b: string | null }>(
    db,
    sql`with recursive ${sql.join(ctes, sql`, `)} ${sql.join(parts, sql` union all `)}`,
  );
  for (const r of rows) {
    const i = Number(r.i);
    if (i === EXACT_PAIRS && r.b !== null) out.pairs?.push([r.a, r.b]);
    else if (i === EXACT_CODES) out.chassisCodes?.push(r.a);
    else if (r.b === null) out.words[i]?.chassisCodes.push(r.a);
    else out.words[i]?.pairs.push([r.a, r.b]);
  }
  return out;
}
