// Saved searches and their alerts. Checking a search finds the listings created or repriced since its
// last check, records one delivery per (search, listing, reason) — the unique key is what prevents a
// second alert after a restart or on a second worker — and queues the mail in the same transaction.
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, type Db, queryRows, withTransaction } from "../db/client.js";
import { ALERT_FREQUENCIES, alertDeliveries, type SavedSearch, savedSearches } from "../db/schema/alerts.js";
import { mailJobs } from "../db/schema/ops.js";
import { users } from "../db/schema/users.js";
import type { IsoDate } from "../domain/units/dates.js";
import type { Facts } from "../facts/schemas.js";
import { composeAlertMail } from "../present/alert-mail.js";
import type { PublicUser } from "./accounts.js";
import { AppError } from "./app-error.js";
import { parseInput } from "./inputs.schema.js";
import { searchListings } from "./search.js";
import { DEFAULT_WITHIN_MILES, searchQuerySchema } from "./search.schema.js";
import { sign, siteSecret, verify } from "./secret.js";
import { placeZipOrRefuse } from "./zip-place.js";

export const MAX_SAVED_SEARCHES = 25;
const DAY_MS = 86_400_000;
/**
 * Each check looks back this far before the previous one: a listing saved while a check ran (its
 * transaction committing after the check's read) is still found next time. Deliveries are unique, so
 * the overlap never sends an alert twice.
 */
const OVERLAP_MS = 5 * 60_000;

export const saveSearchSchema = z.object({
  /** The /trucks query string ("q=acty&drive=4WD"). */
  query: z.string().max(2000),
  name: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).max(80).optional()),
  frequency: z.enum(ALERT_FREQUENCIES).default("instant"),
});

/**
 * The search's parameters without paging and sorting (which do not change what matches), checked as a
 * search checks them when it runs, a ZIP's place included: a search that could never run is refused
 * here, not found failing by the alert job.
 */
function normalizeQuery(facts: Facts, qs: string): Record<string, string> {
  const params = Object.fromEntries(
    [...new URLSearchParams(qs)].filter(
      ([k, v]) => v !== "" && !["page", "pageSize", "sort", "viewerState"].includes(k),
    ),
  );
  const q = parseInput(searchQuerySchema, params);
  if (q.near) placeZipOrRefuse(facts, q.near, "near");
  return params;
}

function describeQuery(q: Record<string, string>): string {
  const parts = Object.entries(q).flatMap(([k, v]) =>
    k === "q"
      ? [v]
      : k === "near"
        ? [`within ${q.withinMiles ?? DEFAULT_WITHIN_MILES} mi of ${v}`]
        : k === "withinMiles"
          ? []
          : [`${k} ${v}`],
  );
  return parts.length ? parts.join(" · ").slice(0, 80) : "All trucks";
}

export async function saveSearch(database: Database, facts: Facts, user: PublicUser | null, raw: unknown) {
  if (!user) throw new AppError("unauthenticated", "log in to save searches and get alerts");
  const input = parseInput(saveSearchSchema, raw);
  const query = normalizeQuery(facts, input.query);
  return withTransaction(database, async (tx) => {
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(savedSearches)
      .where(eq(savedSearches.userId, user.id));
    if ((count?.n ?? 0) >= MAX_SAVED_SEARCHES)
      throw new AppError(
        "invalid_input",
        `you can keep at most ${MAX_SAVED_SEARCHES} saved searches; delete one first`,
      );
    const [row] = await tx
      .insert(savedSearches)
      .values({
        userId: user.id,
        name: input.name ?? describeQuery(query),
        query,
        frequency: input.frequency,
      })
      .returning();
    return row!;
  });
}

export async function savedSearchesOf(database: Database, user: PublicUser | null) {
  if (!user) throw new AppError("unauthenticated", "log in to see your saved searches");
  return database.db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, user.id))
    .orderBy(desc(savedSearches.createdAt));
}

export async function deleteSavedSearch(database: Database, user: PublicUser | null, id: number) {
  if (!user) throw new AppError("unauthenticated", "log in to manage your saved searches");
  const deleted = await database.db
    .delete(savedSearches)
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, user.id)))
    .returning({ id: savedSearches.id });
  if (!deleted.length) throw new AppError("not_found", `no saved search ${id} of yours`);
}

export async function setAlertFrequency(
  database: Database,
  user: PublicUser | null,
  id: number,
  raw: unknown,
) {
  if (!user) throw new AppError("unauthenticated", "log in to manage your saved searches");
  const { frequency } = parseInput(z.object({ frequency: z.enum(ALERT_FREQUENCIES) }), raw);
  const updated = await database.db
    .update(savedSearches)
    .set({ frequency })
    .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, user.id)))
    .returning({ id: savedSearches.id });
  if (!updated.length) throw new AppError("not_found", `no saved search ${id} of yours`);
}

export async function unsubscribeUrl(db: Db, baseUrl: string, id: number): Promise<string> {
  const sig = sign(await siteSecret(db), `unsubscribe:${id}`);
  return `${baseUrl}/alerts/unsubscribe?id=${id}&sig=${sig}`;
}

/** One click from an email: a valid signature deletes the saved search (no log-in needed). */
export async function unsubscribe(database: Database, raw: unknown): Promise<{ name: string } | null> {
  const { id, sig } = parseInput(
    z.object({
      id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
      sig: z.string().max(100),
    }),
    raw,
  );
  if (!verify(await siteSecret(database.db), `unsubscribe:${id}`, sig))
    throw new AppError("forbidden", "this unsubscribe link is not valid (it may have been altered)");
  const [deleted] = await database.db
    .delete(savedSearches)
    .where(eq(savedSearches.id, id))
    .returning({ name: savedSearches.name });
  return deleted ?? null;
}

export interface AlertContext {
  facts: Facts;
  today: IsoDate;
  jpyPerUsd: number;
  baseUrl: string;
  now?: Date;
}

const money = (i: { location: string; priceUsd: number | null; priceJpy: number | null }) =>
  i.location === "us"
    ? `$${(i.priceUsd ?? 0).toLocaleString("en-US")}`
    : `¥${(i.priceJpy ?? 0).toLocaleString("en-US")}`;

/** A match's price in the mail, and how far it is when the search is near a ZIP. */
export function matchLabel(i: {
  location: string;
  priceUsd: number | null;
  priceJpy: number | null;
  distanceMi: number | null;
}): string {
  return i.distanceMi === null ? money(i) : `${money(i)} · ≈ ${i.distanceMi.toLocaleString("en-US")} mi away`;
}

async function checkOne(database: Database, search: SavedSearch, ctx: AlertContext, now: Date) {
  return withTransaction(database, async (tx) => {
    // Another worker may hold it: skip rather than wait, it will be checked there.
    const locked = await queryRows<{ id: number }>(
      tx,
      sql`select id from saved_searches where id = ${search.id} for update skip locked`,
    );
    if (!locked.length) return 0;
    const found = await searchListings(
      tx,
      ctx.facts,
      { ...search.query, sort: "newest", pageSize: 100 },
      {
        today: ctx.today,
        jpyPerUsd: ctx.jpyPerUsd,
        changedSince: search.checkedAt,
      },
    );
    const reasons = found.items.map((i) => ({
      listingId: i.id,
      // A listing whose price never changed is new to the search; otherwise it alerts once per price.
      reason: i.priceChangedAt ? `price:${i.location === "us" ? i.priceUsd : i.priceJpy}` : "new",
    }));
    const fresh = reasons.length
      ? await tx
          .insert(alertDeliveries)
          .values(reasons.map((r) => ({ savedSearchId: search.id, ...r })))
          .onConflictDoNothing()
          .returning()
      : [];
    let queued = 0;
    const dueDigest =
      search.frequency === "daily" &&
      (!search.lastDigestAt || now.getTime() - search.lastDigestAt.getTime() >= DAY_MS);
    const pending =
      search.frequency === "instant"
        ? fresh
        : dueDigest
          ? await tx
              .select()
              .from(alertDeliveries)
              .where(and(eq(alertDeliveries.savedSearchId, search.id), isNull(alertDeliveries.mailJobId)))
          : [];
    if (pending.length) {
      const [owner] = await tx.select({ email: users.email }).from(users).where(eq(users.id, search.userId));
      const byId = new Map(found.items.map((i) => [i.id, i]));
      const reasonOf = new Map(pending.map((p) => [p.listingId, p.reason]));
      // Listings of an older pending delivery may not be in this check's results: fetch their titles.
      const missing = pending.filter((p) => !byId.has(p.listingId)).map((p) => p.listingId);
      const extra = missing.length
        ? await queryRows<{
            id: number;
            title: string;
            location: string;
            price_usd_cents: number | null;
            price_jpy: number | null;
          }>(
            tx,
            sql`select id, title, location, price_usd_cents, price_jpy from listings where id in (${sql.join(
              missing.map((m) => sql`${m}`),
              sql`, `,
            )})`,
          )
        : [];
      const matches = [
        ...pending
          .filter((p) => byId.has(p.listingId))
          .map((p) => {
            const i = byId.get(p.listingId)!;
            return { id: i.id, title: i.title, priceLabel: matchLabel(i), reason: p.reason };
          }),
        ...extra.map((e) => ({
          id: Number(e.id),
          title: e.title,
          priceLabel: money({
            location: e.location,
            priceUsd: e.price_usd_cents === null ? null : Number(e.price_usd_cents) / 100,
            priceJpy: e.price_jpy === null ? null : Number(e.price_jpy),
          }),
          reason: reasonOf.get(Number(e.id)) ?? "new",
        })),
      ];
      const mail = composeAlertMail({
        searchName: search.name,
        frequency: search.frequency,
        matches,
        baseUrl: ctx.baseUrl,
        searchUrl: `${ctx.baseUrl}/trucks?${new URLSearchParams(search.query)}`,
        unsubscribeUrl: await unsubscribeUrl(tx, ctx.baseUrl, search.id),
      });
      const [job] = await tx
        .insert(mailJobs)
        .values({ kind: search.frequency === "daily" ? "digest" : "alert", to: owner!.email, ...mail })
        .returning({ id: mailJobs.id });
      await tx
        .update(alertDeliveries)
        .set({ mailJobId: job!.id })
        .where(
          and(
            eq(alertDeliveries.savedSearchId, search.id),
            isNull(alertDeliveries.mailJobId),
            sql`${alertDeliveries.id} in (${sql.join(
              pending.map((p) => sql`${p.id}`),
              sql`, `,
            )})`,
          ),
        );
      queued = 1;
    }
    await tx
      .update(savedSearches)
      .set({
        // Never before the search was saved: a truck listed earlier is not new to it.
        checkedAt: new Date(Math.max(now.getTime() - OVERLAP_MS, search.createdAt.getTime())),
        ...(dueDigest && pending.length ? { lastDigestAt: now } : {}),
      })
      .where(eq(savedSearches.id, search.id));
    return queued;
  });
}

/**
 * Checks every saved search of a confirmed address once; returns how many were checked and how many
 * mails were queued. The searches of an unconfirmed address are not checked at all: their last check
 * stays where it was, so what matched meanwhile is sent once the address is confirmed, and they never
 * take the places of the searches that can be mailed.
 */
export async function checkSavedSearches(database: Database, ctx: AlertContext) {
  const now = ctx.now ?? new Date();
  const searches = (
    await database.db
      .select({ search: savedSearches })
      .from(savedSearches)
      .innerJoin(users, eq(users.id, savedSearches.userId))
      .where(isNotNull(users.emailConfirmedAt))
      .orderBy(savedSearches.checkedAt)
      .limit(1000)
  ).map((r) => r.search);
  let queued = 0;
  // A search that cannot run (saved before a rule it breaks, or a ZIP no longer placed) is skipped and
  // reported, its transaction rolled back: it must not stop every other user's alerts.
  const skipped: { id: number; reason: string }[] = [];
  for (const s of searches) {
    try {
      queued += await checkOne(database, s, ctx, now);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      skipped.push({ id: s.id, reason: e.message });
    }
  }
  return { checked: searches.length, queued, skipped };
}
