// /guides, /guides/:slug and the guides' Atom feed. The guides are read, checked and rendered once,
// when the routes are built at start-up; a page is then a lookup (and, with the marketplace, one search
// for related listings).
import { Hono } from "hono";
import { getGuides } from "../../guides/load.js";
import type { GuideSource } from "../../guides/schema.js";
import { ATOM_CONTENT_TYPE, atomFeed } from "../../present/atom.js";
import { AppError } from "../../services/app-error.js";
import { commentCountsByGuide, loadThread, pageQuerySchema } from "../../services/comments.js";
import { parseInput } from "../../services/inputs.schema.js";
import { searchListings } from "../../services/search.js";
import { absoluteUrl, shareDescription } from "../../web/components/share.js";
import { prepareGuides } from "../../web/guides/prepare.js";
import { GuidePage, GuidesPage } from "../../web/pages/guides.js";
import type { AppDeps, AppEnv } from "../context.js";
import { html, viewerOf } from "./render.js";

const RELATED_LISTINGS = 4;

export function guideWebRoutes(deps: AppDeps, sources: readonly GuideSource[] = getGuides()) {
  const guides = prepareGuides(sources, deps.facts);
  const bySlug = new Map(guides.map((g) => [g.slug, g]));
  // The index reads in the guides' own order; the feed stays newest first.
  const reading = [...guides].sort(
    (a, b) => (a.meta.order ?? Number.POSITIVE_INFINITY) - (b.meta.order ?? Number.POSITIVE_INFINITY),
  );
  const app = new Hono<AppEnv>();
  const origin = (url: string) => new URL(url).origin;
  const viewer = (c: Parameters<typeof viewerOf>[0]) => (deps.market ? viewerOf(c, deps.facts) : undefined);

  app.get("/guides", async (c) => {
    const o = origin(c.req.url);
    const counts = deps.market ? await commentCountsByGuide(deps.market.database) : undefined;
    return html(
      c,
      <GuidesPage
        viewer={viewer(c)}
        guides={reading}
        commentCounts={counts}
        share={{
          url: absoluteUrl(o, "/guides"),
          title: "Kei truck guides",
          description:
            "What a kei truck is, the 25-year rule step by step, where you may drive one, reading an auction sheet, a buying checklist and choosing a model.",
        }}
      />,
    );
  });

  app.get("/guides/feed.xml", (c) => {
    const o = origin(c.req.url);
    const updated =
      guides
        .map((g) => g.meta.updated)
        .sort()
        .at(-1) ?? deps.today();
    const body = atomFeed({
      id: absoluteUrl(o, "/guides"),
      title: "keiyard guides",
      subtitle: "Guides to finding, importing and living with a Japanese kei truck in the US.",
      selfUrl: absoluteUrl(o, "/guides/feed.xml"),
      alternateUrl: absoluteUrl(o, "/guides"),
      updated,
      author: "keiyard",
      entries: guides.map((g) => ({
        id: absoluteUrl(o, `/guides/${g.slug}`),
        url: absoluteUrl(o, `/guides/${g.slug}`),
        title: g.meta.title,
        updated: g.meta.updated,
        published: g.meta.published,
        author: g.meta.author,
        summary: g.meta.summary,
        contentHtml: g.html,
        categories: g.meta.tags,
      })),
    });
    return c.body(body, 200, { "content-type": ATOM_CONTENT_TYPE, "cache-control": "public, max-age=3600" });
  });

  app.get("/guides/:slug{[a-z0-9-]+}", async (c) => {
    const g = bySlug.get(c.req.param("slug"));
    if (!g) throw new AppError("not_found", `no guide "${c.req.param("slug")}"`);
    const o = origin(c.req.url);
    const market = deps.market;
    const found = market
      ? await searchListings(
          market.database.db,
          deps.facts,
          { ...g.listingQuery, pageSize: RELATED_LISTINGS },
          { today: deps.today(), jpyPerUsd: market.jpyPerUsd },
        )
      : null;
    const query = new URLSearchParams(g.listingQuery).toString();
    const user = c.get("user");
    const pageParam = c.req.query("page");
    const thread = market
      ? await loadThread(market.database, { kind: "guide", key: g.slug }, user, {
          page: pageParam === undefined ? 1 : parseInput(pageQuerySchema, pageParam),
        })
      : null;
    return html(
      c,
      <GuidePage
        viewer={viewer(c)}
        guide={g}
        share={{
          url: absoluteUrl(o, `/guides/${g.slug}`),
          title: g.meta.title,
          description: shareDescription(g.meta.summary),
          type: "article",
          published: g.meta.published,
          modified: g.meta.updated,
          tags: g.meta.tags,
        }}
        listings={
          found
            ? {
                items: found.items,
                total: found.total,
                estimated: found.countsEstimated,
                href: query ? `/trucks?${query}` : "/trucks",
              }
            : null
        }
        comments={thread ? { thread, signedIn: user !== null, admin: user?.role === "admin" } : undefined}
      />,
    );
  });
  return app;
}
