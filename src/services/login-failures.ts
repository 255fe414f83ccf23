// Failed log-ins counted per account, against guessing one account's password from many addresses
// (the per-address limit in src/http/middleware/rate-limit.ts cannot see that). The count is kept for
// any email asked for, whether or not it has an account, so a locked answer tells nothing about which
// addresses exist; the key is the email's SHA-256, so the counter table holds no addresses. Choosing a
// new password (a reset link proves the mailbox) clears it: an attacker can delay the owner's log-in
// for a window, not lock them out.
import { createHash } from "node:crypto";
import type { Db } from "../db/client.js";
import { clearKey, countIn, fixedWindow, hit } from "../db/repos/rate-limits.repo.js";
import { waitText } from "../domain/units/dates.js";
import { AppError } from "./app-error.js";

export interface FailureLimit {
  /** Failed tries allowed per window; the next try is refused before the password is checked. */
  limit: number;
  windowSeconds: number;
}

/** Ten wrong passwords in a quarter of an hour: more than a person mistypes, far too few to guess. */
export const LOGIN_FAILURES_PER_ACCOUNT: FailureLimit = { limit: 10, windowSeconds: 900 };

/** The limit under the operator's scale (KEIYARD_RATE_LIMIT_SCALE); null when limits are off. */
export function scaledLimit(limit: FailureLimit, scale: number): FailureLimit | null {
  return scale === 0 ? null : { ...limit, limit: Math.max(1, Math.floor(limit.limit * scale)) };
}

function keyOf(email: string): string {
  return `login-fail:${createHash("sha256").update(email).digest("hex").slice(0, 32)}`;
}

/** Throws rate_limited (with the wait) when the account has used up its failed tries for now. */
export async function refuseWhenLocked(db: Db, email: string, limit: FailureLimit, now: Date): Promise<void> {
  const { start, retryAfterSeconds } = fixedWindow(now, limit.windowSeconds);
  if ((await countIn(db, keyOf(email), start)) < limit.limit) return;
  throw new AppError(
    "rate_limited",
    `too many wrong passwords for this account: try again in ${waitText(retryAfterSeconds)}, or choose a new password with "Forgot your password?"`,
    undefined,
    { retryAfterSeconds },
  );
}

export async function recordFailure(db: Db, email: string, limit: FailureLimit, now: Date): Promise<void> {
  await hit(db, keyOf(email), fixedWindow(now, limit.windowSeconds).start);
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await clearKey(db, keyOf(email));
}
