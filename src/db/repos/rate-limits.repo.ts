// Fixed-window rate-limit counters in the database, so every app instance sees the same counts.
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../client.js";

/** The fixed window `now` falls in, and the whole seconds until it ends (at least 1: a Retry-After). */
export function fixedWindow(now: Date, windowSeconds: number): { start: Date; retryAfterSeconds: number } {
  const ms = windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / ms) * ms);
  return { start, retryAfterSeconds: Math.max(1, Math.ceil((start.getTime() + ms - now.getTime()) / 1000)) };
}

/** Counts one hit in the window and returns the window's count including it. */
export async function hit(db: Db, key: string, windowStart: Date): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`insert into rate_limits (key, window_start, count) values (${key}, ${windowStart.toISOString()}, 1)
        on conflict (key, window_start) do update set count = rate_limits.count + 1 returning count`,
  );
  return Number(rows[0]?.count ?? 1);
}

/** Deletes windows that ended before `before`. */
export async function sweep(db: Db, before: Date): Promise<void> {
  await db.execute(sql`delete from rate_limits where window_start < ${before.toISOString()}`);
}

/** The window's count so far, without counting a hit. */
export async function countIn(db: Db, key: string, windowStart: Date): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    db,
    sql`select count from rate_limits where key = ${key} and window_start = ${windowStart.toISOString()}`,
  );
  return Number(rows[0]?.count ?? 0);
}

/** Forgets every window of a key. */
export async function clearKey(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}
