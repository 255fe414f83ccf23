import type { Listing, ListingEvent } from "../../db/schema/listings.js";
import { usd, yen } from "../components/format.js";
import { Layout, type Viewer } from "../layout.js";
import { ErrorBox, type FormState } from "./auth.js";

function StatusButton(props: { id: number; status: string; label: string }) {
  return (
    <form method="post" action={`/trucks/${props.id}/status`} class="inline">
      <input type="hidden" name="status" value={props.status} />
      <button type="submit" class="small">
        {props.label}
      </button>
    </form>
  );
}

function describeEvent(e: ListingEvent): string {
  const d = e.data as { from?: unknown; to?: unknown };
  const day = e.at.toISOString().slice(0, 10);
  if (e.kind === "status_changed") return `${day}: ${String(d.from)} → ${String(d.to)}`;
  if (e.kind === "price_changed") return `${day}: price changed`;
  return `${day}: ${e.kind}`;
}

export function DashboardPage(props: {
  viewer: Viewer;
  listings: Listing[];
  isSeller: boolean;
  events?: Map<number, ListingEvent[]>;
  /** Why the request to sell with this account was refused (the form is shown again). */
  error?: FormState["error"];
}) {
  return (
    <Layout title="Dashboard" viewer={props.viewer}>
      <h1>Your listings</h1>
      {props.isSeller ? (
        <p>
          <a href="/sell">List a truck</a>
        </p>
      ) : (
        <form method="post" action="/account/seller" class="card">
          <ErrorBox error={props.error} />
          <p>
            This is a buyer account. To list trucks, sell with it too (it keeps its saved searches and
            watchlist):
          </p>
          <fieldset>
            <legend>You sell</legend>
            <label>
              <input type="radio" name="sellerKind" value="private" required /> privately
            </label>{" "}
            <label>
              <input type="radio" name="sellerKind" value="dealer" /> as a dealer
            </label>
          </fieldset>
          <label for="dealerName">Dealership's name (dealers)</label>
          <input id="dealerName" name="dealerName" maxlength={120} />
          <button type="submit">Sell with this account</button>
        </form>
      )}
      {props.listings.length === 0 ? (
        <p>No listings yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Listing</th>
              <th scope="col">Price</th>
              <th scope="col">Status</th>
              <th scope="col">Views</th>
              <th scope="col">History</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {props.listings.map((l) => (
              <tr>
                <td>
                  <a href={`/trucks/${l.id}`}>{l.title}</a>
                </td>
                <td>{l.priceUsdCents !== null ? usd(l.priceUsdCents / 100) : yen(l.priceJpy ?? 0)}</td>
                <td>{l.status}</td>
                <td>{l.views}</td>
                <td>
                  {(props.events?.get(l.id) ?? []).map((e) => (
                    <div class="muted">{describeEvent(e)}</div>
                  ))}
                </td>
                <td>
                  <a href={`/trucks/${l.id}/edit`}>Edit</a>{" "}
                  {l.status !== "sold" ? <StatusButton id={l.id} status="sold" label="Mark sold" /> : null}{" "}
                  {l.status === "active" ? (
                    <StatusButton id={l.id} status="withdrawn" label="Withdraw" />
                  ) : null}{" "}
                  {l.status !== "active" ? <StatusButton id={l.id} status="active" label="Relist" /> : null}{" "}
                  <form method="post" action={`/trucks/${l.id}/delete`} class="inline">
                    <button type="submit" class="small">
                      Delete
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
