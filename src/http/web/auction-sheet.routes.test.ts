import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";

const app = testApp("2026-11-24");
const page = async (url: string) => {
  const res = await app.request(url, { headers: { accept: "text/html" } });
  return { status: res.status, html: await res.text() };
};

describe("/auction-sheet", () => {
  it("shows the form, an example link and the whole legend without a question", async () => {
    const { status, html } = await page("/auction-sheet");
    expect(status).toBe(200);
    expect(html).toMatch(/<h1>Read an auction sheet<\/h1>/);
    expect(html).toMatch(/<textarea id="sheet-notes" name="notes"/);
    expect(html).toMatch(/href="\/auction-sheet\?score=3\.5&amp;interior=B&amp;notes=/);
    expect(html).not.toMatch(/What the sheet says/);
    // the legend: every score, letter and mark with its confidence, and the sources with their date
    expect(html).toMatch(/<td>R, R1, R2<\/td><td>repair history/);
    expect(html).toMatch(/<td>XX<\/td><td>a panel that was replaced/);
    // Each meaning with its confidence and its sources, numbered links into the list below.
    expect(html).toMatch(
      /<td>S1–S3<\/td><td>rust<\/td><td>medium<\/td><td><span class="refs"><a href="#legend-source-\d+"/,
    );
    expect(html).toMatch(/<h3>Sources of the legend, reviewed 2026-11-25<\/h3>/);
    expect(html.match(/<li id="legend-source-\d+">/g)).toHaveLength(11);
  });

  it("reads a sheet: the red flags first, each mark with where it is, sources one click away", async () => {
    const { status, html } = await page(
      `/auction-sheet?score=R&interior=c&notes=${encodeURIComponent("A1 bed rails; S2 under bed; XX door; 修復歴あり")}`,
    );
    expect(status).toBe(200);
    const flags = html.indexOf("Look closer:");
    expect(flags).toBeGreaterThan(0);
    expect(flags).toBeLessThan(html.indexOf("<strong>Score R:</strong>"));
    expect(html).toMatch(/<li>score R: repair history \(修復歴\)<\/li>/);
    expect(html).toMatch(/<li>rust S2 on the sheet<\/li>/);
    expect(html).toMatch(/<li>a panel marked XX \(replaced\) on the sheet<\/li>/);
    expect(html).toMatch(/<strong>Interior c:<\/strong> worn: stains/);
    expect(html).toMatch(
      /<tr><td>S2<\/td><td>under bed<\/td><td>rust<\/td><td>2<\/td><td>medium<\/td><td><span class="refs"><a href="#reading-source-\d+" aria-label="source \d+">\[\d+\]<\/a>/,
    );
    // Every reference points at a source listed on the page.
    for (const [, n] of html.matchAll(/href="#(reading-source-\d+)"/g))
      expect(html).toContain(`<li id="${n}">`);
    expect(html).toMatch(/<li lang="ja">修復歴: <span lang="en">repair history/);
    expect(html).toMatch(/<h3>Sources, reviewed 2026-11-25<\/h3>/);
    // the question stays in the form
    expect(html).toMatch(/<input id="sheet-score" name="score" value="R"/);
    expect(html).toMatch(/A1 bed rails; S2 under bed/);
  });

  it("says what it does not know instead of guessing", async () => {
    const { html } = await page("/auction-sheet?score=7.5&notes=Z2+door");
    expect(html).toMatch(/<strong>Score 7\.5:<\/strong> not a value keiyard&#39;s data knows/);
    expect(html).toMatch(/<strong>Not read:<\/strong> Z2: written like codes/);
    const words = await page("/auction-sheet?notes=looks+fine");
    expect(words.html).toMatch(/Nothing here is a score, letter or code keiyard knows/);
  });

  it("shows bad input on the page next to the form, with a 400", async () => {
    const { status, html } = await page(`/auction-sheet?score=${"4".repeat(20)}`);
    expect(status).toBe(400);
    expect(html).toMatch(
      /<p class="error" role="alert">score: expected a score such as 3\.5, R or \*\*\* of at most 8 characters<\/p>/,
    );
    expect((await page("/auction-sheet?grade=4")).status).toBe(400);
  });
});
