import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";
import { loadFacts } from "../../facts/load.js";

const app = testApp("2026-11-24");
const { catalog } = loadFacts();
const page = async (url: string) => {
  const res = await app.request(url, { headers: { accept: "text/html" } });
  return { status: res.status, html: await res.text(), location: res.headers.get("location") };
};
/** The text of the page without tags, for wording checks. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("/models", () => {
  it("lists every chassis code with its import status, grouped by make and family", async () => {
    const { status, html } = await page("/models");
    expect(status).toBe(200);
    const codeLinks = new Set(
      [...html.matchAll(/<th scope="row"><a href="\/models\/([A-Z0-9]+)">/g)].map((m) => m[1]),
    );
    expect(codeLinks).toEqual(new Set(catalog.map((e) => e.chassisCode)));
    for (const make of ["daihatsu", "honda", "mazda", "mitsubishi", "nissan", "subaru", "suzuki", "toyota"])
      expect(html).toContain(`<h3 id="${make}">`);
    expect(html).toContain('href="/models/suzuki/carry"');
    expect(html).toContain('href="/models/honda/acty"');
    // Status counts add up to the catalog.
    const counts = [
      ...text(html).matchAll(
        /(?:All may be imported|Some may be imported|None may be imported yet|Unknown: check the build date) (\d+)/g,
      ),
    ]
      .slice(0, 4)
      .map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(catalog.length);
    expect(text(html)).toMatch(/a truck built before 2001-11-24 is 25 years old/);
  });

  it("draws the generation timeline as an accessible SVG, one bar row per code, with the 25-year line", async () => {
    const { html } = await page("/models");
    const svg = /<svg class="timeline"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(svg).toMatch(/role="img"/);
    expect(svg).toMatch(/aria-labelledby="tl-t tl-d"/);
    expect(svg).toMatch(/<title id="tl-t">Kei truck chassis codes by production years<\/title>/);
    expect(svg).toMatch(/<desc id="tl-d">76 chassis codes/);
    expect(svg).toContain("25 years ago (2001-11-24)");
    expect(svg.match(/<title>[^<]+: built /g)).toHaveLength(catalog.length);
    expect(svg).toContain("production dates unknown");
    expect(html).not.toMatch(/<script/);
  });

  it("is linked from the home page", async () => {
    expect((await page("/")).html).toContain('href="/models"');
  });
});

describe("/models/:make/:model", () => {
  it("shows a family's generations and codes, the timeline and why there is no price chart", async () => {
    const { status, html } = await page("/models/suzuki/carry");
    expect(status).toBe(200);
    const t = text(html);
    expect(t).toMatch(/Suzuki Carry Truck/);
    expect(t).toMatch(/13 chassis codes in 4 generations/);
    expect(t).toMatch(/8th generation .* 9th generation .* 10th generation .* 11th generation/);
    expect(html).toContain('href="/models/compare?codes=DC51T,DD51T"');
    expect(html).toMatch(/<svg class="timeline"/);
    expect(t).toMatch(/runs without its marketplace database/);
    expect(t).toMatch(/Sources \(\d+\)/);
  });

  it("shows rebadges with links to the original code", async () => {
    const { html } = await page("/models/mazda/scrum");
    expect(text(html)).toMatch(/Rebadged Suzuki Carry \(DA71T\/DB71T era\): DA71T , DB71T/);
    expect(html).toContain('href="/models/DA71T"');
  });

  it("redirects another letter case to the canonical path, and answers unknown ones with a helpful 404", async () => {
    expect(await page("/models/Honda/ACTY")).toMatchObject({ status: 301, location: "/models/honda/acty" });
    const model = await page("/models/honda/civic");
    expect(model.status).toBe(404);
    expect(text(model.html)).toMatch(/no Honda model "civic"/);
    expect(model.html).toContain('href="/models/honda/acty"');
    const make = await page("/models/ford/ranger");
    expect(make.status).toBe(404);
    expect(text(make.html)).toMatch(/no make "ford"/);
    expect(make.html).toContain('href="/models/daihatsu/hijet"');
  });
});

describe("/models/:chassisCode", () => {
  it("shows today's import status, specs in both units, unknowns and unverified values, and sources", async () => {
    const { status, html } = await page("/models/DA63T");
    expect(status).toBe(200);
    const t = text(html);
    expect(t).toMatch(/Import status on 2026-11-24/);
    expect(t).toMatch(/None may be imported yet first from 2027-05; all from 2038-08/);
    expect(t).toMatch(/Displacement 658 cc \(40\.2 cu in\) not verified/);
    expect(t).toMatch(/Curb weight unknown/);
    expect(t).toMatch(/DA63T was built as both 2WD and 4WD/);
    expect(html).toMatch(/<h2 id="sources">Sources<\/h2>\s*<ul>\s*<li><a href="https?:/);
    expect(t).toMatch(/Confidence of this record: high/);
    expect(html).toContain('href="/import?frame=DA63T"');
    expect(html).not.toContain("/trucks?chassisCode="); // no marketplace here
    // The family timeline with this code highlighted.
    expect(html).toMatch(/font-weight="700">DA63T<\/text>/);
  });

  it("says unknown where the catalog has nothing, and flags low confidence", async () => {
    const t = text((await page("/models/TA")).html);
    expect(t).toMatch(/Built unknown/);
    expect(t).toMatch(/Drive unknown/);
    expect(t).toMatch(/Unknown: check the build date/);
    expect(t).toMatch(/confidence in its TA record is low/);
  });

  it("links rebadges both ways", async () => {
    const { html } = await page("/models/DA16T");
    expect(text(html)).toMatch(/Also sold as/);
    for (const code of ["DG16T", "DR16T", "DS16T"]) expect(html).toContain(`href="/models/${code}"`);
    expect(text((await page("/models/S500U")).html)).toMatch(
      /A rebadge of the Daihatsu Hijet S500P: Daihatsu S500P/,
    );
  });

  it("redirects a lower-case code, sends a make to /models, and 404s with near misses", async () => {
    expect(await page("/models/da63t")).toMatchObject({ status: 301, location: "/models/DA63T" });
    expect(await page("/models/Suzuki")).toMatchObject({ status: 302, location: "/models#suzuki" });
    const miss = await page("/models/DA64T");
    expect(miss.status).toBe(404);
    expect(text(miss.html)).toMatch(/no chassis code or make "DA64T"/);
    expect(miss.html).toContain('href="/models/DA63T"');
    expect((await page(`/models/${"x".repeat(500)}`)).status).toBe(404);
  });
});

describe("/models/compare", () => {
  it("puts two to four codes side by side, from a comma list or repeated fields", async () => {
    const a = await page("/models/compare?codes=DA16T,HA8,S500P");
    const b = await page("/models/compare?codes=da16t&codes=HA8&codes=S500P&codes=");
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    const cols = (html: string) =>
      [...html.matchAll(/<th scope="col"><a href="\/models\/([A-Z0-9]+)">/g)].map((m) => m[1]);
    expect(cols(a.html)).toEqual(["DA16T", "HA8", "S500P"]);
    expect(cols(b.html)).toEqual(cols(a.html));
    const t = text(a.html);
    expect(t).toMatch(/Payload 350 kg \(772 lb\) 350 kg \(772 lb\) 350 kg \(772 lb\)/);
    expect(t).toMatch(/Power 50 PS \(49 hp\) unknown 46 PS \(45 hp\)/);
    expect(a.html).toMatch(/<svg class="timeline"/);
    // The form keeps the choice.
    expect(a.html).toMatch(/<option value="HA8" selected="">/);
  });

  it("shows the form alone when nothing was asked", async () => {
    const { status, html } = await page("/models/compare");
    expect(status).toBe(200);
    expect(html.match(/<select id="cmp-\d" name="codes">/g)).toHaveLength(4);
    expect(html).not.toMatch(/role="alert"/);
  });

  it.each([
    ["codes=DA16T", /pick 2 to 4 chassis codes/],
    ["codes=&codes=", /pick 2 to 4 chassis codes/],
    ["codes=DA16T,HA8,S500P,TT2,KS4", /at most 4 chassis codes/],
    ["codes=DA16T,DA16T", /each chassis code once/],
    ["codes=DA16T,DA64T", /unknown chassis code "DA64T" \(did you mean [A-Z0-9, ]*DA63T/],
    ["codes=DA16T,<b>", /letters and digits/],
    ["codes=DA16T,HA8&sort=x", /unknown parameter: sort/],
  ])("answers ?%s with a clear message and a 400", async (query, message) => {
    const { status, html } = await page(`/models/compare?${query}`);
    expect(status).toBe(400);
    const alert = /<p class="error" role="alert">([^<]*)<\/p>/.exec(html)?.[1] ?? "";
    expect(text(alert)).toMatch(message);
    expect(html).not.toContain("<b>");
  });
});

describe("page weight", () => {
  it.each([
    "/models",
    "/models/suzuki/carry",
    "/models/daihatsu/hijet",
    "/models/DA63T",
    "/models/compare?codes=DA16T,HA8,S500P,TT2",
  ])("%s stays within 80 KB compressed (HTML, CSS and SVG are all inline)", async (url) => {
    const { html } = await page(url);
    expect(gzipSync(html).length).toBeLessThan(80 * 1024);
  });
});
