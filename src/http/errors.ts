// The single exit for errors: AppError codes map to HTTP statuses in this one table; anything else is a
// bug and answers 500 without internals.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type ErrorCode } from "../services/app-error.js";

export const STATUS_BY_CODE: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unknown_chassis_code: 404,
  unknown_state: 404,
  unknown_hts: 400,
  not_found: 404,
  invalid_credentials: 401,
  unauthenticated: 401,
  forbidden: 403,
  photo_rejected: 422,
  payload_too_large: 413,
  rate_limited: 429,
};

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

/** Pages answer errors as a short HTML page; the API (and anything asking for JSON) as JSON. */
function wantsHtml(c: Context): boolean {
  return !c.req.path.startsWith("/api/") && (c.req.header("accept") ?? "").includes("text/html");
}

/**
 * Says when to try again if the error is a rate limit, and whether it is: the pages that answer a refused
 * form themselves (log-in, password change) send the header as the error page does.
 */
export function sendRetryAfter(c: Context, err: unknown): boolean {
  if (!(err instanceof AppError && err.code === "rate_limited")) return false;
  c.header("Retry-After", String(err.details?.retryAfterSeconds ?? 60));
  return true;
}

export function errorResponse(c: Context, err: unknown) {
  sendRetryAfter(c, err);
  if (err instanceof AppError && wantsHtml(c)) {
    const status = STATUS_BY_CODE[err.code];
    const login = err.code === "unauthenticated" ? ` <a href="/login">Log in</a>.` : "";
    return c.html(
      `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status} · keiyard</title><main style="max-width:40rem;margin:2rem auto;font-family:system-ui"><h1>${status === 404 ? "Not found" : "That did not work"}</h1><p>${escapeHtml(/[.!?]$/.test(err.message) ? err.message : `${err.message}.`)}${login}</p><p><a href="/">Home</a> · <a href="/trucks">Trucks</a></p></main>`,
      status,
    );
  }
  if (err instanceof AppError) return c.json(err.toJSON(), STATUS_BY_CODE[err.code]);
  // Hono's own refusals (CSRF origin check, body limits) carry their status.
  if (err instanceof HTTPException)
    return c.json(
      {
        error: {
          code: err.status === 403 ? "forbidden" : "invalid_input",
          message:
            err.message || (err.status === 403 ? "this form was sent from another site" : "bad request"),
        },
      },
      err.status as ContentfulStatusCode,
    );
  console.error(err);
  return c.json({ error: { code: "internal", message: "Something went wrong on our side." } }, 500);
}
