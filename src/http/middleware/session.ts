// Loads the signed-in user (if any) and the visitor's home state for every request.
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Database } from "../../db/client.js";
import { SESSION_DAYS, userForSession } from "../../services/accounts.js";
import type { AppEnv } from "../context.js";

export const SESSION_COOKIE = "keiyard_session";
export const STATE_COOKIE = "keiyard_state";
/** The ZIP a visitor last searched near: listing pages say how far each truck is from it. */
export const ZIP_COOKIE = "keiyard_zip";
const STATE_CODE = /^[A-Z]{2}$/;

export function sessionMiddleware(database: Database | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE) ?? null;
    const user = token && database ? await userForSession(database.db, token) : null;
    const cookieState = getCookie(c, STATE_COOKIE)?.toUpperCase() ?? null;
    c.set("user", user);
    c.set("sessionToken", user ? token : null);
    c.set(
      "viewerState",
      user?.homeState ?? (cookieState && STATE_CODE.test(cookieState) ? cookieState : null),
    );
    await next();
    // A signed-in page shows that user's things: no shared cache or back-button cache may keep it.
    // Responses that chose their own caching (photos, feeds, share cards) are the same for everyone.
    if (user && !c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "private, no-store");
  };
}

export function setSessionCookie(c: Context, token: string, secure: boolean): void {
  // httpOnly: scripts cannot read it; SameSite=Lax: other sites' forms cannot send it with a POST.
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure,
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}

export function setStateCookie(c: Context, code: string, secure: boolean): void {
  setCookie(c, STATE_COOKIE, code, { sameSite: "Lax", secure, path: "/", maxAge: 365 * 86_400 });
}

export function setZipCookie(c: Context, zip: string, secure: boolean): void {
  setCookie(c, ZIP_COOKIE, zip, { sameSite: "Lax", secure, path: "/", maxAge: 365 * 86_400 });
}

/** The remembered ZIP, when it is one. */
export function zipCookie(c: Context): string | null {
  const zip = getCookie(c, ZIP_COOKIE) ?? null;
  return zip && /^\d{5}$/.test(zip) ? zip : null;
}
