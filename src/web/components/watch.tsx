// The heart on listings and search results: a plain form post (works without JavaScript) that comes
// back to the page it was pressed on. Anonymous visitors get a link to log in first.
export function WatchButton(props: { listingId: number; watched: boolean; signedIn: boolean; back: string }) {
  if (!props.signedIn)
    return (
      <a class="watch" href={`/login?next=${encodeURIComponent(props.back)}`}>
        ♡ Save
      </a>
    );
  return (
    <form method="post" action={`/saved/${props.listingId}`} class="inline watch">
      <input type="hidden" name="watch" value={props.watched ? "0" : "1"} />
      <input type="hidden" name="next" value={props.back} />
      <button
        type="submit"
        class="link"
        aria-pressed={props.watched ? "true" : "false"}
        title={props.watched ? "Remove from your saved trucks" : "Save this truck and hear what changes"}
      >
        {props.watched ? "♥ Saved" : "♡ Save"}
      </button>
    </form>
  );
}

/** "Price dropped 8%" and "23 days on market" as the badges both the listing page and results use. */
export function MarketBadges(props: {
  daysOnMarket: number;
  priceDropPercent: number | null;
  sold?: boolean;
}) {
  return (
    <>
      {props.priceDropPercent !== null && !props.sold ? (
        <span class="badge ok">Price dropped {props.priceDropPercent}%</span>
      ) : null}
      <span class="badge">
        {props.daysOnMarket === 0
          ? "Listed today"
          : `${props.daysOnMarket} day${props.daysOnMarket === 1 ? "" : "s"} on market`}
      </span>
    </>
  );
}
