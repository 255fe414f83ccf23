// The /states page with its map, and /states/:code, over HTTP (no database).
import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";
import { gzippedBytes, PAGE_BUDGET_BYTES } from "../../../test/page-budget.js";

const app = testApp("2026-11-24");
const page = async (url: string) => {
  const res = await app.request(url, { headers: { accept: "text/html" } });
  return { status: res.status, html: await res.text() };
};

describe("/states with the map", () => {
  it("draws the map above the table, both linking every state and DC", async () => {
    const { status, html } = await page("/states");
    expect(status).toBe(200);
    const svgAt = html.indexOf("<svg xmlns");
    const tableAt = html.indexOf("<table>");
    expect(svgAt).toBeGreaterThan(0);
    expect(svgAt).toBeLessThan(tableAt);
    const map = html.slice(svgAt, html.indexOf("</svg>", html.indexOf('class="lb"')));
    expect(map.match(/<a href="\/states\/[A-Z]{2}"/g)).toHaveLength(51);
    expect(html.slice(tableAt).match(/<th scope="row"><a href="\/states\/[A-Z]{2}">/g)).toHaveLength(51);
  });

  it("has a legend with a count per status that adds up to 51, and the low-confidence mark", async () => {
    const { html } = await page("/states");
    const legend = html.slice(
      html.indexOf('<ul class="legend"'),
      html.indexOf("</ul>", html.indexOf("legend")),
    );
    const counts = [...legend.matchAll(/\((\d+)\)<\/li>/g)].map((m) => Number(m[1]));
    expect(counts).toHaveLength(6);
    expect(counts.slice(0, 5).reduce((a, b) => a + b, 0)).toBe(51);
    expect(legend).toMatch(/low-confidence record/);
  });

  it("redraws the map when a dated change takes effect", async () => {
    const before = await page("/states?on=2027-12-31");
    const after = await page("/states?on=2028-01-01");
    const title = (html: string) => /<title id="m-t-CO">([^<]+)<\/title>/.exec(html)?.[1];
    expect(title(before.html)).toMatch(/^Colorado: Not allowed on public roads/);
    expect(title(after.html)).toMatch(/^Colorado: Street legal with restrictions, roads posted 55 mph/);
  });

  it("stays within the page budget", async () => {
    const { html } = await page("/states");
    expect(gzippedBytes(html)).toBeLessThan(PAGE_BUDGET_BYTES);
  });

  it("a bad date is a clear 400, not a 500", async () => {
    const res = await app.request("/states?on=2026-02-30");
    expect(res.status).toBe(400);
  });
});

describe("/states/:code", () => {
  it("shows status, conditions, statute, sources, confidence, review date and not legal advice", async () => {
    const { status, html } = await page("/states/TX");
    expect(status).toBe(200);
    for (const text of [
      /<h2>The law<\/h2>/,
      /<h2>Sources<\/h2>/,
      /Confidence: (high|medium|low)/,
      /last reviewed \d{4}-\d{2}-\d{2}/,
      /Not legal advice/,
    ])
      expect(html).toMatch(text);
    expect(gzippedBytes(html)).toBeLessThan(PAGE_BUDGET_BYTES);
  });

  it("links to the cost calculator with the state chosen", async () => {
    const { html } = await page("/states/TX");
    expect(html).toContain('<a href="/cost?to=TX">What importing a truck to Texas costs</a>');
    expect((await page("/cost?to=TX")).html).toMatch(/<option value="TX" selected="">Texas/);
  });
});
