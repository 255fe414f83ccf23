import type { PriceTrends } from "../../services/catalog.js";
import { PRICE_COLORS, PriceChart, PriceTable } from "../charts/price-chart.js";
import { Swatch } from "../components/catalog-bits.js";
import { num } from "../components/format.js";

/** Why a model page has no price chart; null when it has one. */
export type NoTrends = "no_marketplace" | "no_listings";

/** The asking-price charts of a model family (US listings, in dollars), with their tables and counts. */
export function PriceTrendsSection(props: { name: string; trends: PriceTrends | NoTrends }) {
  const t = props.trends;
  return (
    <section aria-labelledby="prices-h">
      <h2 id="prices-h">Asking prices</h2>
      {t === "no_marketplace" ? (
        <p>
          This site runs without its marketplace database, so there are no listings to chart prices from. The
          catalog facts on this page do not depend on it.
        </p>
      ) : t === "no_listings" ? (
        <p>No {props.name} is listed for sale in the US yet, so there are no prices to chart.</p>
      ) : (
        <Charts name={props.name} t={t} />
      )}
    </section>
  );
}

function Charts(props: { name: string; t: PriceTrends }) {
  const { summary, fairLine, jpCount } = props.t;
  const byYear = summary.byYear;
  const fair = fairLine?.points ?? [];
  const yearRange = byYear.length ? `${byYear[0]!.key} to ${byYear[byYear.length - 1]!.key}` : "";
  return (
    <>
      <p>
        {num(summary.total)} asking prices of {props.name} trucks for sale in the US (active and sold
        listings, in dollars).{" "}
        {jpCount > 0
          ? `${num(jpCount)} more ${jpCount === 1 ? "is" : "are"} offered in Japan, priced in yen before shipping and import costs, and ${jpCount === 1 ? "is" : "are"} not charted here.`
          : ""}
      </p>
      <div class="chart-pair">
        {byYear.length ? (
          <figure class="figure">
            <PriceChart
              id="py"
              title={`${props.name}: asking prices by build year`}
              desc={`US asking prices by build year, ${yearRange}, ${num(summary.total - summary.withoutYear)} listings. Boxes span the middle half of prices, the thick line is the median and the whiskers reach the lowest and highest; the grey bars underneath count the listings. ${fair.length ? "The dashed line is the deal model's fair price for a typical listed truck of each year, in its shaded range." : ""}`}
              buckets={byYear}
              fair={fair}
            />
            <figcaption class="muted">
              <Swatch color={PRICE_COLORS.box} />
              middle half of prices, median line · <Swatch color="#8a8f98" />
              number of listings ·{" "}
              {fair.length ? (
                <>
                  <Swatch color={PRICE_COLORS.fair} dashed />
                  fair price for a typical truck (most common generation and drive, median mileage, standard
                  bed), shaded: its range
                </>
              ) : fairLine ? (
                "not enough comparable listings for a fair-price line yet"
              ) : (
                "the deal model has not been fitted yet, so there is no fair-price line"
              )}
              {summary.withoutYear > 0
                ? ` · ${num(summary.withoutYear)} listings without a build year are left out`
                : ""}
            </figcaption>
            <PriceTable
              caption="asking prices by build year (US dollars)"
              keyLabel="Build year"
              buckets={byYear}
              fair={fair}
            />
          </figure>
        ) : null}
        <figure class="figure">
          <PriceChart
            id="pm"
            title={`${props.name}: asking prices by listing month`}
            desc={`US asking prices by the month the listing was posted, ${summary.byMonth[0]?.key} to ${summary.byMonth[summary.byMonth.length - 1]?.key}, ${num(summary.total)} listings. Boxes span the middle half, the thick line is the median; the grey bars count the listings.`}
            buckets={summary.byMonth}
          />
          <PriceTable
            caption="asking prices by listing month (US dollars)"
            keyLabel="Month listed"
            buckets={summary.byMonth}
          />
        </figure>
      </div>
      <p class="muted">
        A box is drawn for three or more listings, a dot (the median) for fewer. Fair prices come from the
        same model as the deal ratings on listing pages.
      </p>
    </>
  );
}
