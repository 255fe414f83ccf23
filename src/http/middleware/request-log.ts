// One structured log line per request, with an id that is also sent back (X-Request-Id) so a user's
// report can be matched to the log. An incoming id is kept when it looks like one (from a proxy).
import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";

export type LogLine = (entry: Record<string, unknown>) => void;

const ID = /^[\w.-]{8,128}$/;

/**
 * The path as logged: the token of a password-reset link (live for an hour) or of an email-confirmation
 * link (three days) is a secret, so it never is.
 */
export function loggedPath(path: string): string {
  return path.replace(/^\/(reset|confirm)\/[^/]+/, "/$1/[token]");
}

export function requestLog(log: LogLine | undefined): MiddlewareHandler {
  return async (c, next) => {
    const incoming = c.req.header("x-request-id");
    const id = incoming && ID.test(incoming) ? incoming : randomUUID();
    const started = performance.now();
    c.header("X-Request-Id", id);
    try {
      await next();
    } finally {
      log?.({
        t: new Date().toISOString(),
        id,
        method: c.req.method,
        path: loggedPath(c.req.path),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}
