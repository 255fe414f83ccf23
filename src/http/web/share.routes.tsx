// What people share and subscribe to from the marketplace: the Atom feed of new listings matching a
// search (/trucks/feed.xml?<the same query as /trucks>) and each listing's share-card image
// (/trucks/:id/card.png) named in its Open Graph tags.
import { Hono } from "hono";
import { ATOM_CONTENT_TYPE, atomFeed } from "../../present/atom.js";
import { idParam, parseInput } from "../../services/inputs.schema.js";
import { getListingView } from "../../services/listing-view.js";
import { type SearchItem, searchListings } from "../../services/search.js";
import { searchQuerySchema } from "../../services/search.schema.js";
import { listingCardData, renderListingCard } from "../../web/cards/listing-card.js";
import { feedQuery } from "../../web/components/feeds.js";
import { num, usd, yen } from "../../web/components/format.js";
import { absoluteUrl } from "../../web/components/share.js";
import type { AppDeps, AppEnv, MarketDeps } from "../context.js";
import { pageQuery } from "./page-query.js";

const FEED_SIZE = 30;

const LABELS: Record<string, (v: string) => string> = {
  q: (v) => `"${v}"`,
  location: (v) => (v === "jp" ? "in Japan" : "in the US"),
  state: (v) => `in ${v}`,
  legalIn: (v) => `street legal in ${v}`,
  eligibleOn: (v) => `importable on ${v}`,
  priceMaxUsd: (v) => `up to $${v}`,
  priceMinUsd: (v) => `from $${v}`,
  yearMin: (v) => `from ${v}`,
  yearMax: (v) => `to ${v}`,
  bed: (v) => `${v} bed`,
  mileageMaxKm: (v) => `under ${v} km`,
};

function describe(query: URLSearchParams): string {
  return [...query]
    .filter(([k]) => k !== "pageSize" && k !== "viewerState")
    .map(([k, v]) => (LABELS[k] ?? ((x: string) => x))(v))
    .join(", ");
}

function itemSummary(i: SearchItem): string {
  return [
    i.location === "us" ? usd(i.priceUsd ?? 0) : `${yen(i.priceJpy ?? 0)} (landed ≈ ${usd(i.priceUsd ?? 0)})`,
    i.location === "us" ? `in ${i.usState ?? "the US"}` : `in Japan${i.jpPort ? `, ${i.jpPort}` : ""}`,
    i.year ? String(i.year) : null,
    i.mileageKm === null ? null : `${num(i.mileageKm)} km`,
    i.drive && i.drive !== "both" ? i.drive : null,
    i.location === "jp" && i.eligibleFrom ? `importable from ${i.eligibleFrom}` : null,
    i.isDemo ? "demo listing" : null,
  ]
    .filter(Boolean)
    .join(" · ");
}

export function shareWebRoutes(deps: AppDeps, market: MarketDeps) {
  const app = new Hono<AppEnv>();

  app.get("/trucks/feed.xml", async (c) => {
    const raw = Object.fromEntries(Object.entries(pageQuery(c)).filter(([, v]) => v !== ""));
    parseInput(searchQuerySchema, raw); // the same errors as /trucks for the same query
    const query = feedQuery(raw);
    const today = deps.today();
    const result = await searchListings(
      market.database.db,
      deps.facts,
      { pageSize: FEED_SIZE, ...Object.fromEntries(query), sort: "newest", page: 1 },
      { today, jpyPerUsd: market.jpyPerUsd },
    );
    const origin = new URL(c.req.url).origin;
    const qs = query.toString();
    const self = absoluteUrl(origin, qs ? `/trucks/feed.xml?${qs}` : "/trucks/feed.xml");
    const what = describe(query);
    const body = atomFeed({
      id: self,
      title: `New kei trucks${what ? `: ${what}` : ""} · keiyard`,
      subtitle: "The newest listings matching a search on keiyard.",
      selfUrl: self,
      alternateUrl: absoluteUrl(origin, qs ? `/trucks?${qs}` : "/trucks"),
      updated:
        result.items
          .map((i) => i.createdAt)
          .sort()
          .at(-1) ?? today,
      author: "keiyard",
      entries: result.items.map((i) => {
        const url = absoluteUrl(origin, `/trucks/${i.id}`);
        const summary = itemSummary(i);
        const photo = i.photo ? absoluteUrl(origin, `/photos/${i.photo}/thumb.jpg`) : null;
        return {
          id: url,
          url,
          title: i.title,
          updated: i.createdAt,
          published: i.createdAt,
          summary,
          contentHtml: String(
            <>
              {photo ? (
                <p>
                  <img src={photo} alt="" />
                </p>
              ) : null}
              <p>{summary}</p>
            </>,
          ),
        };
      }),
    });
    return c.body(body, 200, { "content-type": ATOM_CONTENT_TYPE, "cache-control": "public, max-age=600" });
  });

  // Rendering takes tens of milliseconds; a burst of crawlers fetching one shared link gets the cache.
  const cache = new Map<string, Uint8Array<ArrayBuffer>>();
  const CACHE_SIZE = 64;

  app.get("/trucks/:id{[0-9]+}/card.png", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const today = deps.today();
    const view = await getListingView(market.database, deps.facts, id, {
      today,
      viewerState: null,
      jpyPerUsd: market.jpyPerUsd,
    });
    const l = view.listing;
    const first = view.photos[0];
    // Everything the card shows depends on these; "today" moves a Japan truck across its import date.
    const etag = `"card-${id}-${new Date(l.updatedAt).getTime()}-${l.status}-${l.dealRating ?? ""}-${first?.id ?? 0}-${today}"`;
    const headers = { "cache-control": "public, max-age=3600", etag };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    let png = cache.get(etag);
    if (!png) {
      const stored = first
        ? ((await market.storage.get(`${first.storageKey}/large.jpg`)) ??
          (await market.storage.get(`${first.storageKey}/medium.jpg`)))
        : null;
      png = new Uint8Array(
        await renderListingCard(listingCardData(view, market.jpyPerUsd), stored?.data ?? null),
      );
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(etag, png);
    }
    return c.body(png, 200, { ...headers, "content-type": "image/png" });
  });
  return app;
}
