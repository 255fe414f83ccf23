// Rate limits: fixed windows counted in the database (shared by every instance). Each policy names
// what it counts (the client address, or the signed-in user) and answers 429 with Retry-After.
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { Database } from "../../db/client.js";
import { fixedWindow, hit, sweep } from "../../db/repos/rate-limits.repo.js";
import { waitText } from "../../domain/units/dates.js";
import { AppError } from "../../services/app-error.js";
import type { AppEnv } from "../context.js";

export interface RatePolicy {
  name: string;
  limit: number;
  windowSeconds: number;
  /** "ip": per client address; "user": per signed-in user (falls back to the address). */
  per: "ip" | "user";
}

/** The limits, before the operator's scale (KEIYARD_RATE_LIMIT_SCALE). */
export const POLICIES = {
  signup: { name: "signup", limit: 10, windowSeconds: 3600, per: "ip" },
  login: { name: "login", limit: 20, windowSeconds: 900, per: "ip" },
  passwordReset: { name: "password-reset", limit: 5, windowSeconds: 3600, per: "ip" },
  // Each press mails a link, maybe to someone who never made the account: a few an hour and a day
  // are plenty for a lost or late mail.
  confirmEmail: { name: "confirm-email", limit: 3, windowSeconds: 3600, per: "user" },
  confirmEmailDaily: { name: "confirm-email-day", limit: 6, windowSeconds: 86_400, per: "user" },
  posts: { name: "posts", limit: 20, windowSeconds: 600, per: "user" },
  // Many accounts behind one address (a spam run, or a shared network: generous for the latter).
  postsByAddress: { name: "posts-ip", limit: 60, windowSeconds: 600, per: "ip" },
  uploads: { name: "uploads", limit: 60, windowSeconds: 3600, per: "user" },
  api: { name: "api", limit: 600, windowSeconds: 60, per: "ip" },
} as const satisfies Record<string, RatePolicy>;

export interface RateLimitOptions {
  database: Database;
  /** Multiplies every limit; 0 turns limiting off. */
  scale: number;
  trustProxy: boolean;
  now?: () => Date;
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // Requests made in-process (tests, app.request) have no socket.
    return "local";
  }
}

let hits = 0;

// The limiters are registered on the same methods and paths as the routes they guard (app.on("POST", …)),
// so `app.routes` lists them too; this tells them apart from handlers (the authorization matrix test).
const limiters = new WeakSet<object>();

export function isRateLimiter(handler: unknown): boolean {
  return typeof handler === "function" && limiters.has(handler);
}

export function rateLimit(policy: RatePolicy, o: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const limit = Math.floor(policy.limit * o.scale);
  const limiter: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (o.scale === 0) return next();
    const user = policy.per === "user" ? c.get("user") : null;
    const who = user ? `u:${user.id}` : `ip:${clientAddress(c, o.trustProxy)}`;
    const now = (o.now ?? (() => new Date()))();
    const { start, retryAfterSeconds } = fixedWindow(now, policy.windowSeconds);
    const count = await hit(o.database.db, `${policy.name}:${who}`, start);
    // Now and then, drop windows that ended a day ago: the table stays small without a cron job.
    if (++hits % 500 === 0) await sweep(o.database.db, new Date(now.getTime() - 86_400_000)).catch(() => {});
    if (count > limit)
      throw new AppError(
        "rate_limited",
        `too many requests (${policy.name}): try again in ${waitText(retryAfterSeconds)}`,
        undefined,
        { retryAfterSeconds },
      );
    return next();
  };
  limiters.add(limiter);
  return limiter;
}
