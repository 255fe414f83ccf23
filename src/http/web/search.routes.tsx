// /trucks: the search page with facets; every state of the search is in its URL.
import { Hono } from "hono";
import { watchedAmong } from "../../db/repos/watchlist.repo.js";
import { AppError } from "../../services/app-error.js";
import { searchListings } from "../../services/search.js";
import { SEARCH_ISLAND } from "../../web/islands/search.js";
import { TrucksPage } from "../../web/pages/trucks.js";
import type { AppDeps, AppEnv, MarketDeps } from "../context.js";
import { setZipCookie, zipCookie } from "../middleware/session.js";
import { pageQuery } from "./page-query.js";
import { html, viewerOf } from "./render.js";

export function searchWebRoutes(deps: AppDeps, market: MarketDeps) {
  const app = new Hono<AppEnv>();
  app.get("/trucks", async (c) => {
    const query = Object.fromEntries(Object.entries(pageQuery(c)).filter(([, v]) => v !== ""));
    // The form always sends its radius and may still say "Nearest"; without a ZIP there is nothing to
    // measure from (the API refuses both; a page just drops them).
    if (query.near === undefined) {
      delete query.withinMiles;
      if (query.sort === "distance") delete query.sort;
    }
    const viewerState = c.get("viewerState");
    // A part of the search that cannot be used (a ZIP no one can place, a year range backwards) is left
    // out and said so above the results, with the form kept, rather than an error page with no search.
    const refused: string[] = [];
    let result: Awaited<ReturnType<typeof searchListings>> | undefined;
    while (!result) {
      try {
        result = await searchListings(
          market.database.db,
          deps.facts,
          { ...query, ...(viewerState && !query.viewerState ? { viewerState } : {}) },
          { today: deps.today(), jpyPerUsd: market.jpyPerUsd },
        );
      } catch (e) {
        const field = e instanceof AppError && e.code === "invalid_input" ? e.field : undefined;
        if (!field || !(field in query) || refused.length >= 5) throw e;
        refused.push((e as AppError).message);
        delete query[field];
        if (field === "near") delete query.withinMiles;
      }
    }
    // A ZIP searched near is remembered, for the distance on listing pages.
    if (result.near && zipCookie(c) !== result.near.zip)
      setZipCookie(c, result.near.zip, market.secureCookies);
    const user = c.get("user");
    const watched = user
      ? await watchedAmong(
          market.database.db,
          user.id,
          result.items.map((i) => i.id),
        )
      : new Set<number>();
    return html(
      c,
      <TrucksPage
        viewer={viewerOf(c, deps.facts)}
        result={result}
        query={query}
        today={deps.today()}
        watched={watched}
        refused={refused}
      />,
      refused.length ? 400 : 200,
    );
  });
  app.get("/static/search.js", (c) =>
    c.body(SEARCH_ISLAND, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );
  return app;
}
