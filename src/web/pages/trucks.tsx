import { BED_TYPE_LABELS, type BedType } from "../../domain/listings/types.js";
import type { SearchResult } from "../../services/search.js";
import { DEFAULT_WITHIN_MILES, WITHIN_MILES_CHOICES } from "../../services/search.schema.js";
import { trucksFeedHref } from "../components/feeds.js";
import { count, num, STATUS_CLASS, usd, yen } from "../components/format.js";
import { MarketBadges, WatchButton } from "../components/watch.js";
import { Layout, type Viewer } from "../layout.js";

const DEAL_LABELS: Record<string, string> = {
  great: "Great deal",
  good: "Good deal",
  fair: "Fair price",
  high: "High price",
};
const FACET_TITLES: Record<string, string> = {
  make: "Make",
  model: "Model",
  drive: "Drive",
  bed: "Bed",
  transmission: "Transmission",
  location: "Where",
  state: "State",
  year: "Years",
  deal: "Deal",
};
const SORTS: [string, string][] = [
  ["relevance", "Best match"],
  ["newest", "Newest"],
  ["price", "Price: low to high"],
  ["price_desc", "Price: high to low"],
  ["delivered", "Price with your state's tax and fees"],
  ["year_desc", "Year: newest"],
  ["year", "Year: oldest"],
  ["mileage", "Mileage"],
  ["deal", "Deal rating"],
  ["price_drop", "Biggest price drop"],
  ["days_on_market", "Longest on market"],
];
/** Offered only in a search near a ZIP (the server refuses it without one). */
const DISTANCE_SORT: [string, string] = ["distance", "Nearest"];

/** The form's radii, with the one asked for (a shared link may ask any) so that the form keeps it. */
function radiusChoices(asked: number): number[] {
  const choices: number[] = [...WITHIN_MILES_CHOICES];
  return choices.includes(asked) ? choices : [...choices, asked].sort((a, b) => a - b);
}

/** The order the sort menu shows: the default one by the name it has here. */
function shownSort(asked: string | undefined, r: SearchResult): string {
  if (asked !== undefined && asked !== "relevance") return r.sort;
  return r.near ? "distance" : "relevance";
}

/** What a distance search measured, and from what: the note and the gazetteer it rests on. */
function NearNote(props: { near: NonNullable<SearchResult["near"]>; total: number }) {
  const n = props.near;
  return (
    <p class="muted">
      {props.total === 0 ? "No truck is that close: try a wider radius. " : ""}
      Within {num(n.withinMiles)} miles of ZIP {n.zip}
      {n.approximate ? " (placed by its first three digits: it has no Census ZIP area of its own)" : ""}.{" "}
      {n.note} Source: <a href={n.source.url}>{n.source.title}</a>.
    </p>
  );
}

/** Market filters: toggles over the price history and days on market (not counted facets). */
const MARKET_FILTERS: { label: string; key: string; value: string; clears?: string }[] = [
  { label: "Price dropped", key: "priceDropped", value: "1" },
  { label: "Listed in the last 7 days", key: "maxDaysOnMarket", value: "7", clears: "minDaysOnMarket" },
  { label: "On the market 60+ days", key: "minDaysOnMarket", value: "60", clears: "maxDaysOnMarket" },
];

function MarketFilters(props: { query: Record<string, string> }) {
  return (
    <section>
      <h2 class="facet-h">Market</h2>
      <ul class="facet-list">
        {MARKET_FILTERS.map((f) => {
          const on = props.query[f.key] === f.value;
          const base = f.clears ? withoutKey(props.query, f.clears) : props.query;
          return (
            <li>
              <a href={withParam(base, f.key, on ? null : f.value)} aria-current={on ? "true" : undefined}>
                {on ? `× ${f.label}` : f.label}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The URL of this search with one parameter changed (null removes it); every search state is a URL. */
export function withParam(query: Record<string, string>, key: string, value: string | null): string {
  const next = new URLSearchParams(query);
  if (value === null) next.delete(key);
  else next.set(key, value);
  if (key !== "page") next.delete("page");
  const s = next.toString();
  return s ? `/trucks?${s}` : "/trucks";
}

function facetValueLabel(facet: string, value: string): string {
  if (facet === "bed") return BED_TYPE_LABELS[value as BedType] ?? value;
  if (facet === "location") return value === "us" ? "In the US" : "In Japan";
  if (facet === "year") return yearBucket(value).join("–");
  if (facet === "deal") return DEAL_LABELS[value] ?? value;
  return value;
}

/** A year facet value is a five-year bucket, "1990-1994" (or its first year, "1990"). */
function yearBucket(value: string): [string, string] {
  const [from = value, to] = value.split("-");
  return [from, to ?? String(Number(from) + 4)];
}

function facetParam(facet: string): string {
  return facet === "year" ? "yearMin" : facet;
}

function Facets(props: { result: SearchResult; query: Record<string, string> }) {
  return (
    <aside aria-label="Filters" class="facets">
      <MarketFilters query={props.query} />
      {props.result.countsEstimated ? (
        <p class="muted">
          This search matches many trucks: its counts are estimated from a sample of the listings. Narrow it
          for exact counts; the trucks shown and their order are exact.
        </p>
      ) : null}
      {Object.entries(props.result.facets).map(([facet, values]) => {
        if (!values.length || !FACET_TITLES[facet]) return null;
        const param = facetParam(facet);
        const approx = props.result.countsEstimated ? "≈" : "";
        const active = props.query[param];
        return (
          <section>
            <h2 class="facet-h">{FACET_TITLES[facet]}</h2>
            <ul class="facet-list">
              {active ? (
                <li>
                  <a
                    href={withParam(
                      facet === "year" ? withoutKey(props.query, "yearMax") : props.query,
                      param,
                      null,
                    )}
                  >
                    × any
                  </a>
                </li>
              ) : null}
              {values.slice(0, 12).map((v) => {
                const href =
                  facet === "year"
                    ? withParam(
                        { ...props.query, yearMax: yearBucket(v.value)[1] },
                        "yearMin",
                        yearBucket(v.value)[0],
                      )
                    : withParam(props.query, param, v.value);
                // Deal ratings are counted, not filtered on: sorting by deal puts the best first.
                if (facet === "deal")
                  return (
                    <li>
                      {facetValueLabel(facet, v.value)}{" "}
                      <span class="muted">
                        ({approx}
                        {num(v.count)})
                      </span>
                    </li>
                  );
                return (
                  <li>
                    <a
                      href={href}
                      aria-current={
                        active === (facet === "year" ? yearBucket(v.value)[0] : v.value) ? "true" : undefined
                      }
                    >
                      {facetValueLabel(facet, v.value)}
                    </a>{" "}
                    <span class="muted">
                      ({approx}
                      {num(v.count)})
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}

function withoutKey(q: Record<string, string>, key: string): Record<string, string> {
  const { [key]: _, ...rest } = q;
  return rest;
}

function Item(props: {
  item: SearchResult["items"][number];
  today: string;
  watched: boolean;
  signedIn: boolean;
  back: string;
  viewerState: string | null;
}) {
  const it = props.item;
  return (
    <li class="card result">
      {it.photo ? (
        <img src={`/photos/${it.photo}/thumb.jpg`} alt="" width={200} height={150} loading="lazy" />
      ) : (
        <div class="nophoto" aria-hidden="true" />
      )}
      <div>
        <h3>
          <a href={`/trucks/${it.id}`}>{it.title}</a>
        </h3>
        <p>
          <strong>{it.location === "us" ? usd(it.priceUsd ?? 0) : yen(it.priceJpy ?? 0)}</strong>
          {it.location === "jp" && it.priceUsd !== null
            ? ` · landed before freight ≈ ${usd(Math.round(it.priceUsd))}`
            : ""}
          {it.deliveredUsd !== null && it.deliveredUsd !== it.priceUsd && props.viewerState
            ? // Not "delivered": freight from Japan, US-side costs and transport between states are not in it.
              ` · with ${props.viewerState} tax and fees ≈ ${usd(Math.round(it.deliveredUsd))}${it.location === "jp" ? ", before freight and US-side costs" : ", before transport"}`
            : ""}
        </p>
        <p class="muted">
          {it.year ?? "year unknown"} ·{" "}
          {it.mileageKm === null
            ? "mileage unknown"
            : `${num(it.mileageKm)} km (${num(it.mileageMi ?? 0)} mi)`}{" "}
          · {it.drive ?? "drive unknown"} ·{" "}
          {it.location === "us" ? `in ${it.usState}` : `in Japan${it.jpPort ? ` (${it.jpPort})` : ""}`}
          {it.distanceMi !== null ? ` · ≈ ${num(it.distanceMi)} mi away` : ""}
        </p>
        <p>
          {it.location === "jp" ? (
            <span class={`badge ${it.eligibleFrom && it.eligibleFrom <= props.today ? "ok" : "warn"}`}>
              {it.eligibleFrom ? `Importable from ${it.eligibleFrom}` : "Import date unknown"}
            </span>
          ) : (
            <span class="badge ok">In the US</span>
          )}
          {it.dealRating ? <span class="badge">{DEAL_LABELS[it.dealRating]}</span> : null}
          <MarketBadges daysOnMarket={it.daysOnMarket} priceDropPercent={it.priceDropPercent} />
          {it.isDemo ? <span class="badge warn">Demo</span> : null}{" "}
          <WatchButton
            listingId={it.id}
            watched={props.watched}
            signedIn={props.signedIn}
            back={props.back}
          />
        </p>
      </div>
    </li>
  );
}

/** "Save this search": alerts by email when a new truck matches or a matching truck is repriced. */
function SaveSearch(props: { query: Record<string, string>; signedIn: boolean }) {
  const { page: _p, sort: _s, ...rest } = props.query;
  const qs = new URLSearchParams(rest).toString();
  if (!props.signedIn)
    return (
      <p class="muted">
        <a href={`/login?next=${encodeURIComponent(qs ? `/trucks?${qs}` : "/trucks")}`}>Log in</a> to save
        this search and get an email when a new truck matches.
      </p>
    );
  return (
    <details class="save-search">
      <summary>Save this search and get alerts</summary>
      <form method="post" action="/alerts">
        <input type="hidden" name="query" value={qs} />
        <label for="alert-name">Name</label>
        <input id="alert-name" name="name" maxlength={80} placeholder="e.g. 4WD dump beds in PA" />
        <label for="alert-frequency">Email me</label>
        <select id="alert-frequency" name="frequency">
          <option value="instant">as soon as a truck matches</option>
          <option value="daily">once a day (digest)</option>
        </select>{" "}
        <button type="submit">Save search</button>
      </form>
    </details>
  );
}

export function TrucksPage(props: {
  viewer: Viewer;
  result: SearchResult;
  query: Record<string, string>;
  today: string;
  /** The viewer's watched listings among these results (empty when not signed in). */
  watched: ReadonlySet<number>;
  /** Parts of the search that could not be used (each named by its message): the rest was searched. */
  refused?: readonly string[];
}) {
  const { result: r, query } = props;
  const back = withParam(query, "page", r.page > 1 ? String(r.page) : null);
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  // An estimated total can be a little off either way: a full page means there may be another one.
  const hasNext = r.countsEstimated ? r.items.length === r.pageSize : r.page < pages;
  const pastTheEnd = r.countsEstimated ? r.page > 1 && r.items.length === 0 : r.page > pages;
  return (
    <Layout
      title="Kei trucks for sale"
      viewer={props.viewer}
      feeds={[{ title: "New trucks matching this search", href: trucksFeedHref(query) }]}
    >
      <h1>Kei trucks for sale</h1>
      {props.refused?.length ? (
        <div class="error" role="alert">
          {props.refused.map((m) => (
            <p>{m}</p>
          ))}
          <p>The trucks below match the rest of the search.</p>
        </div>
      ) : null}
      <search>
        <form method="get" action="/trucks" class="search" data-island="search">
          <label for="q" class="inline">
            Search
          </label>{" "}
          <input
            id="q"
            name="q"
            type="search"
            value={query.q ?? ""}
            placeholder="acty 4wd dump, DA63T, hijet"
          />
          {Object.entries(query)
            .filter(([k]) => !["q", "sort", "page", "near", "withinMiles"].includes(k))
            .map(([k, v]) => (
              <input type="hidden" name={k} value={v} />
            ))}{" "}
          <label for="near" class="inline">
            Near ZIP
          </label>{" "}
          <input
            id="near"
            name="near"
            inputmode="numeric"
            pattern="[0-9]{5}"
            maxlength={5}
            size={6}
            autocomplete="postal-code"
            value={query.near ?? ""}
          />{" "}
          <label for="withinMiles" class="inline">
            within
          </label>{" "}
          <select id="withinMiles" name="withinMiles">
            {radiusChoices(r.near?.withinMiles ?? DEFAULT_WITHIN_MILES).map((m) => (
              <option
                value={m === DEFAULT_WITHIN_MILES ? "" : String(m)}
                selected={(r.near?.withinMiles ?? DEFAULT_WITHIN_MILES) === m}
              >
                {num(m)} mi
              </option>
            ))}
          </select>{" "}
          <label for="sort" class="inline">
            Sort
          </label>{" "}
          <select id="sort" name="sort">
            {(r.near ? [DISTANCE_SORT, ...SORTS] : SORTS).map(([v, l]) => (
              // The default order shows as "Best match" without a ZIP (so a ZIP added later gets its own
              // default, nearest first, rather than the order shown before) and as "Nearest" with one.
              <option value={v} selected={shownSort(query.sort, r) === v}>
                {l}
              </option>
            ))}
          </select>{" "}
          <button type="submit">Search</button>
        </form>
      </search>
      <p aria-live="polite">
        {count(r.total, r.countsEstimated)} trucks
        {r.viewerState
          ? ` · prices with ${r.viewerState} tax and fees`
          : " · pick your state to add its tax and fees"}
        {Object.keys(query).some((k) => k !== "sort") ? (
          <>
            {" "}
            · <a href="/trucks">clear filters</a>
          </>
        ) : null}
      </p>
      {r.near ? <NearNote near={r.near} total={r.total} /> : null}
      {props.refused?.length ? (
        // What could be saved is not what was asked: fix the search first.
        <p class="muted">Fix the search above to save it and get alerts.</p>
      ) : (
        <SaveSearch query={query} signedIn={props.viewer.user !== null} />
      )}
      {r.legality ? (
        <p class={`badge ${STATUS_CLASS[r.legality.status] ?? ""}`}>
          {r.legality.name}: {r.legality.summary}
        </p>
      ) : null}
      <div class="search-layout">
        <Facets result={r} query={query} />
        <ol class="results">
          {r.items.map((it) => (
            <Item
              item={it}
              today={props.today}
              watched={props.watched.has(it.id)}
              signedIn={props.viewer.user !== null}
              back={back}
              viewerState={r.viewerState}
            />
          ))}
        </ol>
      </div>
      {pastTheEnd && r.countsEstimated ? (
        <p>
          This search has fewer pages than estimated.{" "}
          <a href={withParam(query, "page", null)}>Go to the first page</a>
        </p>
      ) : pastTheEnd ? (
        // A shared link to page 9 of a search that now has 3 pages: say so, and offer the last page.
        <p>
          This search has {pages} page{pages === 1 ? "" : "s"} now.{" "}
          <a href={withParam(query, "page", String(pages))}>Go to page {pages}</a>
        </p>
      ) : (
        <nav aria-label="Pages" class="pages">
          {r.page > 1 ? <a href={withParam(query, "page", String(r.page - 1))}>← Previous</a> : null} Page{" "}
          {r.page} of {count(Math.max(pages, r.page), r.countsEstimated)}{" "}
          {hasNext ? <a href={withParam(query, "page", String(r.page + 1))}>Next →</a> : null}
        </nav>
      )}
      <p class="muted">{r.deliveredNote}</p>
      <p>
        <a href={trucksFeedHref(query)}>New trucks matching this search (Atom feed)</a>
      </p>
      <script src="/static/search.js" defer />
    </Layout>
  );
}
