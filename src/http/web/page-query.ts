// The query parameters a page reads, without those that links pick up on their way to it: analytics
// campaign tags (utm_*) and the click ids that social sites, ad networks and mail tools append
// (fbclid, gclid, ...). The pages' query schemas are strict, so that a mistyped parameter is an error
// and not silently ignored; a link shared on a social site must still open the page it names.
import type { Context } from "hono";

const TRACKING =
  /^(?:utm_[a-z0-9_]+|fbclid|gclid|gclsrc|gbraid|wbraid|dclid|msclkid|yclid|twclid|ttclid|li_fat_id|igshid|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok)$/i;

/** A parameter that only says where a visitor came from. */
export function isTrackingParam(name: string): boolean {
  return TRACKING.test(name);
}

/** `c.req.query()` without the tracking parameters. */
export function pageQuery(c: Context): Record<string, string> {
  return Object.fromEntries(Object.entries(c.req.query()).filter(([k]) => !isTrackingParam(k)));
}

/** `c.req.queries()` (every value of each parameter) without the tracking parameters. */
export function pageQueries(c: Context): Record<string, string[]> {
  return Object.fromEntries(Object.entries(c.req.queries()).filter(([k]) => !isTrackingParam(k)));
}
