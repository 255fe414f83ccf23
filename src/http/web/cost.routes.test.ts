// The /cost page over HTTP (no database): the form, the itemized answer, the comparison, the shareable
// address, errors on the form, the home state, and the page's weight.
import { describe, expect, it } from "vitest";
import { testApp } from "../../../test/app.js";
import { gzippedBytes, PAGE_BUDGET_BYTES } from "../../../test/page-budget.js";
import { STATE_COOKIE } from "../middleware/session.js";

const app = testApp("2026-11-24");
const page = async (url: string, cookie?: string) => {
  const res = await app.request(url, { headers: { accept: "text/html", ...(cookie ? { cookie } : {}) } });
  return { status: res.status, html: await res.text() };
};
const api = async (url: string) => (await app.request(url)).json() as Promise<Record<string, any>>;
const money = (n: number) =>
  `$${n.toLocaleString("en-US", { minimumFractionDigits: n % 1 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;

const FIELDS = [
  "priceJpy",
  "fx",
  "fxDate",
  "built",
  "hts",
  "to",
  "entry",
  "hmf",
  "japanFeesJpy",
  "freightUsd",
  "insuranceJpy",
  "brokerUsd",
  "customsBondUsd",
  "isfBondUsd",
  "portUsd",
  "deliveryUsd",
  "usPriceUsd",
];

describe("the home page", () => {
  it("links the state map and the cost calculator", async () => {
    const { html } = await page("/");
    expect(html).toContain('<a href="/states">See every state on a map</a>');
    expect(html).toMatch(/<a href="\/cost">The cost calculator/);
  });
});

describe("/cost, the form", () => {
  it("asks every input of the engine, each with its default in words, by GET", async () => {
    const { status, html } = await page("/cost");
    expect(status).toBe(200);
    expect(html).toContain('<form method="get" action="/cost"');
    for (const name of FIELDS) {
      expect(html).toMatch(new RegExp(`<label for="${name}">`));
      expect(html).toMatch(new RegExp(`id="${name}" name="${name}"`));
      expect(html).toContain(`id="${name}-hint"`);
    }
    expect(html).toContain("Default: today, 2026-11-24.");
    expect(html).toContain("Default: none, federal costs only.");
    // No operator rate and no sourced default in this app: the rate is required, and the page says so.
    expect(html).toMatch(/Required: keiyard has no dated, sourced default rate/);
    expect(html).not.toContain('id="result-h"');
  });

  it("preselects the viewer's home state, also in the answer", async () => {
    const cookie = `${STATE_COOKIE}=PA`;
    expect((await page("/cost", cookie)).html).toMatch(/<option value="PA" selected="">Pennsylvania/);
    const answered = await page("/cost?priceJpy=400000&fx=150", cookie);
    expect(answered.html).toMatch(/registered in Pennsylvania/);
    expect(answered.html).toContain("/cost?priceJpy=400000&amp;fx=150&amp;to=PA");
    // Choosing "none" on the form sends an empty state: no state, even with a home state.
    const none = await page("/cost?priceJpy=400000&fx=150&to=", cookie);
    expect(none.html).toMatch(/landed, before state charges/);
  });
});

describe("/cost, the answer", () => {
  const q = "priceJpy=400000&fx=150&entry=2026-12-15&built=1999&to=TX&freightUsd=1400";

  it("itemizes the same figures as the API, with a stacked bar and a shareable address", async () => {
    const body = await api(`/api/v1/cost?${q}`);
    const { status, html } = await page(`/cost?${q}`);
    expect(status).toBe(200);
    expect(html).toContain(`Import it yourself: ${money(body.totalUsd)} registered in Texas`);
    const table = html.slice(html.indexOf('<table class="cost-table">'), html.indexOf("</table>"));
    expect(table.match(/<tr><th scope="row" style="font-weight:400">/g)).toHaveLength(body.lines.length);
    for (const l of body.lines) expect(table).toContain(`<td class="n">${money(l.usd)}</td>`);
    expect(html).toMatch(
      /<svg class="bar" viewBox="0 0 1000 24" preserveAspectRatio="none" role="img" aria-label="Import it yourself: [^"]+ in all: the truck \$2,666\.67, freight and insurance \$1,400/,
    );
    expect(html).toContain(
      `href="/cost?priceJpy=400000&amp;fx=150&amp;built=1999&amp;to=TX&amp;entry=2026-12-15&amp;freightUsd=1400"`,
    );
    expect(html).toMatch(/Not included: enter your quotes above/);
    expect(html).toMatch(/Marine insurance: typically \$/);
    expect(html).toMatch(/Not legal advice/);
    // Amounts as people type them: thousands separated, a currency sign.
    const typed = await page(
      `/cost?${q.replace("priceJpy=400000", "priceJpy=%C2%A5400%2C000").replace("freightUsd=1400", "freightUsd=%241%2C400")}`,
    );
    expect(typed.status).toBe(200);
    expect(typed.html).toContain(`Import it yourself: ${money(body.totalUsd)} registered in Texas`);
  });

  it("sets a US seller's price beside it, with that state's charges, and says which costs less", async () => {
    const { html } = await page(`/cost?${q}&usPriceUsd=6500`);
    expect(html).toContain("Buy from a US seller at $6,500");
    expect(html).toMatch(/Texas motor vehicle tax \(estimate\)[^$]*6\.25% of \$6,500\.00/);
    expect(html).toMatch(
      /aria-label="Buy from a US seller: \$[\d,.]+ in all: the truck \$6,500, state tax and fees \$/,
    );
    expect(html).toMatch(
      /class="verdict">(Importing it yourself costs less|Buying from the US seller costs less|Too close to call)/,
    );
    const cheap = await page(`/cost?${q}&usPriceUsd=20000`);
    expect(cheap.html).toMatch(
      /class="verdict">Importing it yourself costs less, by \$[\d,.]+ to \$[\d,.]+\./,
    );
    const dear = await page(`/cost?${q}&usPriceUsd=1000`);
    expect(dear.html).toMatch(/class="verdict">Buying from the US seller costs less/);
  });

  it("says a state's unknown fees are unknown on both sides, with what the data knows", async () => {
    const body = await api("/api/v1/cost?priceJpy=400000&fx=150&to=CA");
    const unknown = body.notIncluded.filter((n: { reason: string }) => n.reason.startsWith("unknown"));
    const { html } = await page("/cost?priceJpy=400000&fx=150&to=CA&usPriceUsd=6500");
    expect(unknown.length).toBeGreaterThan(0);
    for (const n of unknown) expect(html.split(`${n.label} (${n.reason})`).length - 1).toBe(2);
    expect(html).toContain(unknown[0].note.slice(0, 40));
    expect(html).toMatch(/Not counted: \d+ costs? without a figure/);
  });

  it("stays within the page budget with every field filled", async () => {
    const all =
      "priceJpy=400000&fx=150&fxDate=2026-11-20&built=1999-05&hts=8703.21.0150&to=TX&entry=2026-12-15&hmf=false" +
      "&japanFeesJpy=80000&freightUsd=1400&insuranceJpy=9000&brokerUsd=350&customsBondUsd=60&isfBondUsd=90" +
      "&portUsd=300&deliveryUsd=500&usPriceUsd=7000";
    const { status, html } = await page(`/cost?${all}`);
    expect(status).toBe(200);
    expect(html).toContain("Every cost is in the total.");
    expect(gzippedBytes(html)).toBeLessThan(PAGE_BUDGET_BYTES);
  });
});

describe("/cost, bad input", () => {
  it.each([
    ["priceJpy=abc&fx=150", "priceJpy", /expected the price in whole yen/],
    ["priceJpy=400000", "fx", /give the exchange rate/],
    ["priceJpy=400000&fx=150&to=ZZ", "to", /not a US state or DC code/],
    ["priceJpy=400000&fx=150&hts=9999.99", "hts", /not a kei vehicle line/],
    ["priceJpy=400000&fx=150&built=2026-13", "built", /expected a build year/],
    ["priceJpy=400000&fx=150&entry=2026-12-15&built=2027", "built", /^must be a year from 1900 to 2026$/],
    ["priceJpy=400000&fx=150&usPriceUsd=-5", "usPriceUsd", /./],
    ["priceJpy=400000&fxDate=2026-11-20", "fxDate", /together with your own rate/],
  ])("%s is shown on the form, under %s, with status 400", async (query, field, message) => {
    const { status, html } = await page(`/cost?${query}`);
    expect(status).toBe(400);
    expect(html).toMatch(
      new RegExp(`id="${field}"[^>]*aria-describedby="${field}-hint ${field}-err" aria-invalid="true"`),
    );
    const inline = new RegExp(`<p id="${field}-err" class="error">([^<]+)</p>`).exec(html)?.[1] ?? "";
    expect(inline).toMatch(message);
    expect(inline).not.toMatch(new RegExp(`^${field}:`));
    expect(html).toMatch(new RegExp(`<p class="error" role="alert"><a href="#${field}">`));
    expect(html).not.toContain('id="result-h"');
  });

  it("names an unknown parameter at the top of the page", async () => {
    const { status, html } = await page("/cost?priceJpy=400000&fx=150&colour=red");
    expect(status).toBe(400);
    expect(html).toMatch(/<p class="error" role="alert">unknown parameter: colour<\/p>/);
  });
});
