// The routes an app answers, read from Hono's own route table (`app.routes`), so a test that must cover
// "every route" cannot fall behind the code: a new route appears here the moment it is registered.
import type { Hono } from "hono";
import { isRateLimiter } from "../src/http/middleware/rate-limit.js";

export const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

export interface RouteEntry {
  method: string;
  /** The path pattern without its regular expressions: "/trucks/:id{[0-9]+}/edit" is "/trucks/:id/edit". */
  path: string;
  /** "POST /trucks/:id/edit" */
  key: string;
}

/** Removes each `{…}` constraint after a parameter, counting braces (":code{[A-Za-z]{2}}" has two). */
export function plainPath(pattern: string): string {
  let out = "";
  let depth = 0;
  for (const ch of pattern) {
    if (ch === "{") depth++;
    else if (ch === "}") depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

// Any Hono app, whatever its environment type.
type AnyHono = Hono<any, any, any>;

/**
 * The handlers (not middleware) for state-changing methods, one per method and path. Middleware is what
 * `app.use` registers (method ALL with a wildcard) and the rate limiters `app.on` puts on POST paths.
 */
export function mutatingRoutes(app: AnyHono): RouteEntry[] {
  const seen = new Map<string, RouteEntry>();
  for (const r of app.routes) {
    if (isRateLimiter(r.handler)) continue;
    const method = r.method.toUpperCase();
    const isAll = method === "ALL";
    if (isAll && r.path.endsWith("*")) continue;
    if (!isAll && !(MUTATING_METHODS as readonly string[]).includes(method)) continue;
    const path = plainPath(r.path);
    const key = `${method} ${path}`;
    if (!seen.has(key)) seen.set(key, { method, path, key });
  }
  return [...seen.values()];
}
