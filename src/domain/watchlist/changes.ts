// What changed on a watched listing since its watcher last looked: the price (in the listing's own
// currency) and the status. /saved lists these, newest first.
export type ListingStatus = "active" | "sold" | "withdrawn";

export interface WatchedState {
  priceUsdCents: number | null;
  priceJpy: number | null;
  status: ListingStatus;
}

export type WatchChange =
  | { kind: "price"; currency: "USD" | "JPY"; from: number; to: number; direction: "down" | "up" }
  | { kind: "status"; from: ListingStatus; to: ListingStatus };

export function changesSince(seen: WatchedState, now: WatchedState): WatchChange[] {
  const out: WatchChange[] = [];
  const price = (currency: "USD" | "JPY", from: number | null, to: number | null) => {
    if (from !== null && to !== null && from !== to)
      out.push({ kind: "price", currency, from, to, direction: to < from ? "down" : "up" });
  };
  price("USD", seen.priceUsdCents, now.priceUsdCents);
  price("JPY", seen.priceJpy, now.priceJpy);
  if (seen.status !== now.status) out.push({ kind: "status", from: seen.status, to: now.status });
  return out;
}
