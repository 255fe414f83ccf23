// How /trucks shows counts estimated from a sample (a broad search on a big marketplace): "about",
// "≈" on facet counts, a note saying so, and paging that trusts a full page over the estimated total.
import { describe, expect, it } from "vitest";
import type { SearchItem, SearchResult } from "../../services/search.js";
import { TrucksPage } from "./trucks.js";

const item = (id: number): SearchItem => ({
  id,
  title: `1995 Suzuki Carry ${id}`,
  make: "Suzuki",
  model: "Carry Truck",
  chassisCode: "DD51T",
  generation: null,
  year: 1995,
  drive: "4WD",
  transmission: "manual",
  bedType: "standard",
  mileageKm: 40_000,
  mileageMi: 24_855,
  location: "us",
  usState: "TX",
  jpPort: null,
  priceUsd: 6500,
  priceJpy: null,
  deliveredUsd: 6500,
  eligibleFrom: null,
  dealRating: null,
  fairPriceUsd: null,
  isDemo: true,
  createdAt: "2026-11-01T00:00:00.000Z",
  daysOnMarket: 23,
  priceDropPercent: null,
  priceChangedAt: null,
  photo: null,
  distanceMi: null,
});

function result(over: Partial<SearchResult>): SearchResult {
  const none = {
    make: [],
    model: [],
    drive: [],
    bed: [],
    transmission: [],
    location: [],
    state: [],
    year: [],
    deal: [],
  };
  return {
    items: [item(1), item(2)],
    total: 2,
    page: 1,
    pageSize: 2,
    sort: "newest",
    facets: { ...none, drive: [{ value: "4WD", count: 38_000 }] },
    countsEstimated: false,
    viewerState: null,
    near: null,
    deliveredIncludes: [],
    deliveredExcludes: [],
    deliveredNote: "",
    legality: null,
    ...over,
  };
}

const render = (r: SearchResult, query: Record<string, string> = { drive: "4WD" }) =>
  String(
    TrucksPage({
      viewer: { user: null, state: null, states: [] },
      result: r,
      query: { ...query, ...(r.page > 1 ? { page: String(r.page) } : {}) },
      today: "2026-11-24",
      watched: new Set(),
    }),
  );

describe("the trucks page with estimated counts", () => {
  it("says the counts are estimates, and shows exact counts plainly", () => {
    const estimated = render(result({ total: 40_000, countsEstimated: true }));
    expect(estimated).toContain("about 40,000 trucks");
    expect(estimated).toContain("(≈38,000)");
    expect(estimated).toContain("counts are estimated from a sample");
    expect(estimated).toContain("Page 1 of about 20,000");
    const exact = render(result({ total: 2 }));
    expect(exact).toContain("2 trucks");
    expect(exact).not.toContain("about");
    expect(exact).not.toContain("≈");
    expect(exact).toContain("(38,000)");
  });

  it("offers a next page when the page is full, even past the estimated total", () => {
    const full = render(result({ total: 4, page: 3, countsEstimated: true }));
    expect(full).toContain("page=4");
    expect(full).toContain("Next");
    const short = render(result({ total: 40_000, page: 3, countsEstimated: true, items: [item(1)] }));
    expect(short).not.toContain("Next");
  });

  it("sends a page past the end of an estimate back to the first page", () => {
    const html = render(result({ total: 40_000, page: 9, countsEstimated: true, items: [] }));
    expect(html).toContain("fewer pages than estimated");
    expect(html).toContain('href="/trucks?drive=4WD"');
  });
});
