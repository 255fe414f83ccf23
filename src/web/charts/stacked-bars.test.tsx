import { describe, expect, it } from "vitest";
import { stackedBars } from "../../domain/cost/bars.js";
import { usdCents } from "../../domain/units/money.js";
import { barSummary, StackedBars } from "./stacked-bars.js";

const bars = stackedBars([
  {
    id: "import",
    label: "Import it yourself",
    parts: [
      { key: "vehicle", cents: usdCents(300_000) },
      { key: "federal", cents: usdCents(100_050) },
    ],
  },
  { id: "us", label: "Buy from a US seller", parts: [{ key: "vehicle", cents: usdCents(200_000) }] },
]);

describe("stacked bars", () => {
  it("names each bar by its parts and amounts", () => {
    expect(barSummary(bars[0]!)).toBe(
      "Import it yourself: $4,000.50 in all: the truck $3,000, duty and federal fees $1,000.50",
    );
  });

  it("draws one image per bar, its segments end to end on the shared scale", () => {
    const html = String(<StackedBars bars={bars} caption="Where the money goes" />);
    expect(html.match(/<svg class="bar"[^>]*role="img"/g)).toHaveLength(2);
    const rects = [...html.matchAll(/<rect x="([\d.]+)" y="0" width="([\d.]+)"/g)].map((m) => [m[1], m[2]]);
    // 300,000 / 400,050 of 1000 units, then the rest; the US bar 200,000 / 400,050 of the same scale.
    expect(rects).toEqual([
      ["0.0", "749.9"],
      ["749.9", "250.1"],
      ["0.0", "499.9"],
    ]);
    expect(html).toContain("<title>Duty and federal fees: $1,000.50</title>");
  });

  it("lists in the legend only the parts that appear", () => {
    const html = String(<StackedBars bars={bars} caption="c" />);
    const legend = html.slice(html.indexOf('<ul class="legend"'));
    expect([...legend.matchAll(/<\/svg>([^<]+)<\/li>/g)].map((m) => m[1])).toEqual([
      "The truck",
      "Duty and federal fees",
    ]);
  });
});
