// The Atom feed of a /trucks search: the same query, in a stable order, without sort and page (a feed is
// always the newest first).
export function feedQuery(query: Readonly<Record<string, string>>): URLSearchParams {
  const entries = Object.entries(query)
    .filter(([k, v]) => v !== "" && k !== "sort" && k !== "page")
    .sort(([a], [b]) => a.localeCompare(b));
  return new URLSearchParams(entries);
}

export function trucksFeedHref(query: Readonly<Record<string, string>>): string {
  const q = feedQuery(query).toString();
  return q ? `/trucks/feed.xml?${q}` : "/trucks/feed.xml";
}
