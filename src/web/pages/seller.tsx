// /sellers/:id: who the seller is, how they have done, and what they sell now.
import type { sellerProfile } from "../../services/reputation.js";
import { num, usd, yen } from "../components/format.js";
import { ReviewCard, Stars } from "../components/reviews.js";
import { Layout, type Viewer } from "../layout.js";

type Profile = Awaited<ReturnType<typeof sellerProfile>>;

export function SellerPage(props: {
  viewer: Viewer;
  profile: Profile;
  user: { id: number; role: string } | null;
}) {
  const { seller: s, stats, ratings: r } = props.profile;
  const name = s.dealerName ?? s.displayName;
  const back = `/sellers/${s.id}`;
  return (
    <Layout
      title={name}
      viewer={props.viewer}
      description={`${name}: kei trucks for sale and buyers' reviews`}
    >
      <h1>{name}</h1>
      <p>
        {s.sellerKind === "dealer" ? "Dealer" : "Private seller"}
        {s.homeState ? ` in ${s.homeState}` : ""} · member since {s.memberSince.toISOString().slice(0, 7)}
        {s.banned ? <span class="badge bad">Banned</span> : null}
      </p>
      <dl class="cards">
        <div class="card">
          <dt>Rating</dt>
          <dd>
            {r.count && r.average !== null ? (
              <>
                <Stars rating={r.average} /> {r.average} of 5, from {r.count} review{r.count === 1 ? "" : "s"}
              </>
            ) : (
              "No reviews yet"
            )}
          </dd>
        </div>
        <div class="card">
          <dt>Sold on keiyard</dt>
          <dd>{num(stats.sold)}</dd>
        </div>
        <div class="card">
          <dt>Listings with a frame number that decodes</dt>
          <dd>
            {props.profile.decodedShare === null
              ? "no listings"
              : `${props.profile.decodedShare}% (${num(stats.decoded)} of ${num(stats.total)})`}
          </dd>
        </div>
      </dl>
      <p class="muted">
        Only buyers a truck was marked sold to may review a sale, once. A decoding frame number means the
        truck's chassis code is one our catalog knows; it does not prove the truck is what the listing says.
      </p>
      <h2>For sale now ({num(props.profile.activeListings.length)})</h2>
      {props.profile.activeListings.length ? (
        <ul>
          {props.profile.activeListings.slice(0, 50).map((l) => (
            <li>
              <a href={`/trucks/${l.id}`}>{l.title}</a> —{" "}
              {l.location === "us" ? usd((l.priceUsdCents ?? 0) / 100) : yen(l.priceJpy ?? 0)}
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing for sale right now.</p>
      )}
      <h2>Reviews</h2>
      {props.profile.reviews.length ? (
        props.profile.reviews.map((row) => (
          <ReviewCard review={row.review} reviewerName={row.buyerName} viewer={props.user} back={back} />
        ))
      ) : (
        <p>No reviews yet.</p>
      )}
    </Layout>
  );
}
