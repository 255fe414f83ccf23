import type { Facts } from "../../facts/schemas.js";
import { count } from "../components/format.js";
import { Layout, type Viewer } from "../layout.js";

// The home page at this stage: what keiyard answers today, each with a form that asks the JSON API and
// the same question on the command line. Plain forms, so it works without JavaScript.
export interface RecentListing {
  id: number;
  title: string;
  priceLabel: string;
  photo: string | null;
}

export function HomePage(props: {
  facts: Facts;
  today: string;
  viewer?: Viewer;
  recent?: RecentListing[];
  total?: number;
  /** The total is an estimate from a sample (a big marketplace). */
  totalEstimated?: boolean;
}) {
  const { facts } = props;
  return (
    <Layout
      title="keiyard"
      description="Find, import, register and use a Japanese kei truck in the United States, with sources."
      viewer={props.viewer}
    >
      <h1>Kei trucks in the US, with sources</h1>
      <p>
        keiyard answers the four questions every American kei-truck buyer asks: which truck is this, can it
        enter the US and from which day, can I drive it where I live, and what will it cost me all-in. It
        knows {facts.catalog.length} chassis codes and the rules of all 50 states and DC, each fact with its
        source. Today is {props.today}.
      </p>
      <p>
        <a href="/models">Kei truck models</a>: every chassis code on a timeline, which may be imported today,
        specs in US and metric units, side-by-side comparison and asking prices.
      </p>
      {props.recent ? (
        <section aria-labelledby="market-h">
          <h2 id="market-h">Trucks for sale</h2>
          <search>
            <form method="get" action="/trucks">
              <label for="home-q" class="inline">
                Search {props.total === undefined ? "" : count(props.total, props.totalEstimated ?? false)}{" "}
                trucks
              </label>{" "}
              <input id="home-q" name="q" type="search" placeholder="acty 4wd, DA63T, hijet dump" />{" "}
              <button type="submit">Search</button>
            </form>
          </search>
          <ul
            class="results"
            style="grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));margin-top:1rem"
          >
            {props.recent.map((r) => (
              <li class="card">
                {r.photo ? (
                  <img
                    src={`/photos/${r.photo}/thumb.jpg`}
                    alt=""
                    width={200}
                    height={150}
                    style="width:100%;height:auto"
                  />
                ) : null}
                <a href={`/trucks/${r.id}`}>{r.title}</a>
                <br />
                <strong>{r.priceLabel}</strong>
              </li>
            ))}
          </ul>
          <p>
            <a href="/trucks">See all trucks</a> · <a href="/sell">Sell yours</a>
          </p>
        </section>
      ) : null}
      <h2>Ask the knowledge core</h2>
      <p class="muted">
        The same answers come from the command line and from the JSON API (<a href="/api/docs">reference</a>).
      </p>
      <div class="cards">
        <section class="card" aria-labelledby="decode-h">
          <h2 id="decode-h">Decode a frame number</h2>
          <form method="get" action="/import">
            <label for="decode-input">Frame number or chassis code</label>
            <input id="decode-input" name="frame" placeholder="DA63T-123456" required maxlength={64} />
            <button type="submit">Decode</button>
          </form>
          <pre>npx keiyard decode HA4-2123456</pre>
        </section>
        <section class="card" aria-labelledby="elig-h">
          <h2 id="elig-h">Can it enter the US?</h2>
          <form method="get" action="/import">
            <label for="elig-built">Build month</label>
            <input
              id="elig-built"
              name="built"
              placeholder="2001-09"
              required
              pattern="\d{4}-\d{2}(-\d{2})?"
            />
            <label for="elig-on">Planned entry date</label>
            <input id="elig-on" name="on" type="date" value={props.today} />
            <button type="submit">Check</button>
          </form>
          <pre>npx keiyard eligibility --built 2001-09</pre>
        </section>
        <section class="card" aria-labelledby="legal-h">
          <h2 id="legal-h">Can I drive it in my state?</h2>
          <form method="get" action="/states/lookup">
            <label for="legal-code">State</label>
            <select id="legal-code" name="code">
              {facts.stateRules.map((s) => (
                <option value={s.code} selected={s.code === props.viewer?.state}>
                  {s.name}
                </option>
              ))}
            </select>
            <button type="submit">Look up</button>
          </form>
          <pre>npx keiyard legal TX</pre>
          <p>
            <a href="/states">See every state on a map</a>
          </p>
        </section>
        <section class="card" aria-labelledby="cost-h">
          <h2 id="cost-h">What will it cost?</h2>
          <form method="get" action="/cost">
            <label for="cost-price">Auction price (yen)</label>
            <input id="cost-price" name="priceJpy" inputmode="numeric" placeholder="400000" required />
            <label for="cost-fx">Exchange rate (yen per US dollar)</label>
            <input
              id="cost-fx"
              name="fx"
              inputmode="decimal"
              placeholder="150 (this site's rate when empty)"
            />
            <label for="cost-to">Destination state</label>
            <select id="cost-to" name="to">
              {facts.stateRules.map((s) => (
                <option value={s.code} selected={s.code === props.viewer?.state}>
                  {s.name}
                </option>
              ))}
            </select>
            <button type="submit">Estimate</button>
          </form>
          <pre>npx keiyard cost --price-jpy 400000 --fx 150 --to TX</pre>
          <p>
            <a href="/cost">The cost calculator: every cost, and a US seller's price beside it</a>
          </p>
        </section>
      </div>
      <h2>Buyer tools</h2>
      <p>
        <a href="/haul">What can a kei truck haul?</a> Firewood, hay, gravel or plywood against the 350 kg
        payload and the bed, in trips, with the sources of every weight.
      </p>
      <p>
        <a href="/auction-sheet">Read an auction sheet</a>: what the score, the interior letter and the A1,
        U2, S2 and XX marks of a Japanese auction sheet mean, and which ones to look at closer.
      </p>
      <h2>Guides</h2>
      <p>
        New to kei trucks? Start with <a href="/guides/what-is-a-kei-truck">What is a kei truck?</a>, then{" "}
        <a href="/guides/the-25-year-rule">the 25-year rule</a> and{" "}
        <a href="/guides/buying-checklist">the buying checklist</a>, or see <a href="/guides">all guides</a>.
      </p>
      <h2>For importers and dealers</h2>
      <p>
        <a href="/importer">Evaluate today's auction lots</a>: upload a CSV, and see for each lot whether it
        may enter on your ship's arrival day, its landed cost in your state, the fair US price and your margin
        (seller accounts; <code>keiyard lots</code> on the command line for files of any size).
      </p>
      <h2>For developers</h2>
      <p>
        The same answers as JSON under <code>/api/v1</code>: see the <a href="/api/docs">API reference</a> and
        the <a href="/api/openapi.json">OpenAPI document</a>.
      </p>
    </Layout>
  );
}
