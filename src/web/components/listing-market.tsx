// The listing page's market parts: how long the truck has been listed and its asking-price history,
// the seller's reputation line, and the sale's review.
import type { Listing } from "../../db/schema/listings.js";
import type { ListingMarket } from "../../services/listing-market.js";
import { PriceStepChart } from "../charts/price-steps.js";
import { usd, yen } from "./format.js";
import { ReviewCard, ReviewForm, type ReviewViewer, Stars } from "./reviews.js";

export function PriceHistorySection(props: { market: ListingMarket }) {
  const m = props.market;
  const format = (n: number) => (m.currency === "USD" ? usd(n) : yen(n));
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">On the market</h2>
      <p>
        {m.ended
          ? `Was listed for ${m.daysOnMarket} day${m.daysOnMarket === 1 ? "" : "s"}.`
          : m.daysOnMarket === 0
            ? "Listed today."
            : `Listed ${m.daysOnMarket} day${m.daysOnMarket === 1 ? "" : "s"} ago.`}{" "}
        {m.move.kind === "drop"
          ? `Price dropped ${m.move.percent}% on ${m.move.on}, from ${format(m.move.from)} to ${format(m.move.to)}.`
          : m.move.kind === "rise"
            ? `Price raised ${m.move.percent}% on ${m.move.on}, from ${format(m.move.from)} to ${format(m.move.to)}.`
            : "The asking price has not changed."}
      </p>
      {m.chart && m.history.length > 1 ? (
        <PriceStepChart steps={m.chart.steps} min={m.chart.min} max={m.chart.max} format={format} />
      ) : null}
    </section>
  );
}

export function SellerLine(props: {
  seller: { id: number; displayName: string; dealerName: string | null; sellerKind: string | null };
  market: ListingMarket;
  views: number;
}) {
  const s = props.seller;
  const r = props.market.sellerRating;
  return (
    <p>
      Sold by <a href={`/sellers/${s.id}`}>{s.dealerName ?? s.displayName}</a>
      {s.sellerKind === "dealer" ? " (dealer)" : ""}
      {" · "}
      {r.count && r.average !== null ? (
        <>
          <Stars rating={r.average} /> {r.average} from {r.count} review{r.count === 1 ? "" : "s"}
        </>
      ) : (
        <span class="muted">no reviews yet</span>
      )}{" "}
      <span class="muted">
        · {props.views} {props.views === 1 ? "view" : "views"}
      </span>
    </p>
  );
}

export function SaleReviewSection(props: {
  listing: Listing;
  market: ListingMarket;
  viewer: ReviewViewer | null;
}) {
  const { listing: l, market: m } = props;
  if (l.status !== "sold") return null;
  const back = `/trucks/${l.id}`;
  if (!m.review && !m.mayReview) return null;
  return (
    <section aria-labelledby="sale-review-h">
      <h2 id="sale-review-h">The buyer's review</h2>
      {m.review ? (
        <ReviewCard review={m.review} reviewerName={m.reviewerName} viewer={props.viewer} back={back} />
      ) : (
        <ReviewForm listingId={l.id} />
      )}
    </section>
  );
}

/** For the owner: mark sold to a named buyer account (which lets that buyer review the sale). */
export function SoldToForm(props: { listing: Listing }) {
  const l = props.listing;
  if (l.soldToId !== null || l.status === "withdrawn") return null;
  return (
    <form method="post" action={`/trucks/${l.id}/status`}>
      <input type="hidden" name="status" value="sold" />
      <input type="hidden" name="next" value={`/trucks/${l.id}`} />
      <label for="buyer-email">
        {l.status === "sold" ? "Name the buyer" : "Mark sold"}: the buyer's keiyard email (optional; lets them
        review you)
      </label>
      <input id="buyer-email" name="buyerEmail" type="email" autocomplete="off" />{" "}
      <button type="submit">{l.status === "sold" ? "Save buyer" : "Mark sold"}</button>
    </form>
  );
}
