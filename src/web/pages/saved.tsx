// /saved: the trucks a user watches, with what changed since they last looked here.
import type { WatchChange } from "../../domain/watchlist/changes.js";
import type { SavedItem } from "../../services/watchlist.js";
import { usd, yen } from "../components/format.js";
import { WatchButton } from "../components/watch.js";
import { Layout, type Viewer } from "../layout.js";

function changeText(c: WatchChange): string {
  if (c.kind === "status") return c.to === "active" ? "back on sale" : `now ${c.to}`;
  const f = (n: number) => (c.currency === "USD" ? usd(n / 100) : yen(n));
  return `price ${c.direction === "down" ? "dropped" : "rose"} from ${f(c.from)} to ${f(c.to)}`;
}

export function SavedPage(props: { viewer: Viewer; items: SavedItem[] }) {
  const changed = props.items.filter((i) => i.changes.length > 0).length;
  return (
    <Layout title="Saved trucks" viewer={props.viewer}>
      <h1>Saved trucks</h1>
      {props.items.length === 0 ? (
        <p>
          Nothing saved yet. Press ♡ Save on any truck in <a href="/trucks">the listings</a> to keep it here
          and see when its price or status changes.
        </p>
      ) : (
        <p aria-live="polite">
          {props.items.length} saved ·{" "}
          {changed ? `${changed} changed since you last looked` : "no changes since you last looked"}
        </p>
      )}
      <ul class="results">
        {props.items.map((i) => {
          const l = i.listing;
          return (
            <li class="card result">
              {i.photo ? (
                <img src={`/photos/${i.photo}/thumb.jpg`} alt="" width={200} height={150} loading="lazy" />
              ) : (
                <div class="nophoto" aria-hidden="true" />
              )}
              <div>
                <h2 class="facet-h">
                  <a href={`/trucks/${l.id}`}>{l.title}</a>
                </h2>
                <p>
                  <strong>
                    {l.location === "us" ? usd((l.priceUsdCents ?? 0) / 100) : yen(l.priceJpy ?? 0)}
                  </strong>{" "}
                  · {l.status}
                </p>
                {i.changes.length ? (
                  <p>
                    <span class="badge ok">Changed</span> {i.changes.map(changeText).join("; ")}
                  </p>
                ) : (
                  <p class="muted">No change since {i.seenAt.toISOString().slice(0, 10)}.</p>
                )}
                <WatchButton listingId={l.id} watched signedIn back="/saved" />
              </div>
            </li>
          );
        })}
      </ul>
    </Layout>
  );
}
