// Page rendering helpers shared by the web routes.
import type { Context } from "hono";
import type { Facts } from "../../facts/schemas.js";
import { AppError } from "../../services/app-error.js";
import type { Viewer } from "../../web/layout.js";
import type { AppEnv } from "../context.js";

export function viewerOf(c: Context<AppEnv>, facts: Facts): Viewer {
  return {
    user: c.get("user"),
    state: c.get("viewerState"),
    states: facts.stateRules.map((s) => ({ code: s.code, name: s.name })),
  };
}

export function html(c: Context, page: unknown, status: 200 | 400 | 401 | 403 | 404 | 422 | 429 = 200) {
  return c.html(`<!doctype html>${String(page)}`, status);
}

/**
 * The parsed form body. A body that does not parse as its content type says (a multipart body without its
 * boundary, say) is the client's mistake: 400 with a message, not a 500.
 */
export async function parseForm(c: Context, options: { all?: boolean } = {}) {
  try {
    return await c.req.parseBody(options);
  } catch {
    throw new AppError("invalid_input", "the form could not be read: send it again from the page");
  }
}

/** Form fields as plain strings (the last value of a repeated field wins). */
export async function formFields(c: Context): Promise<Record<string, string>> {
  const body = await parseForm(c);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") out[k] = v;
  return out;
}

/**
 * Only same-site paths may be redirected to after a form, never another origin: "//x" and "/\x" are
 * other hosts to a browser, and control characters could split the header.
 */
export function safeNext(next: string | undefined, fallback: string): string {
  if (!next?.startsWith("/") || next[1] === "/" || next[1] === "\\") return fallback;
  for (const ch of next) if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) return fallback;
  return next;
}

/**
 * The site's address for links in mail. The server always sets `publicUrl` (PUBLIC_URL, else its own
 * address): a request's Host header is the client's choice. Only in-process tests fall back to it.
 */
export function siteUrl(market: { publicUrl?: string | undefined }, requestUrl: string): string {
  return market.publicUrl ?? new URL(requestUrl).origin;
}
