import { describe, expect, it } from "vitest";
import { changesSince } from "./changes.js";

const seen = { priceUsdCents: 800_000, priceJpy: null, status: "active" as const };

describe("watchlist changes", () => {
  it("nothing changed: no changes", () => {
    expect(changesSince(seen, { ...seen })).toEqual([]);
  });

  it("a price drop and a sale, in that order", () => {
    expect(changesSince(seen, { priceUsdCents: 720_000, priceJpy: null, status: "sold" })).toEqual([
      { kind: "price", currency: "USD", from: 800_000, to: 720_000, direction: "down" },
      { kind: "status", from: "active", to: "sold" },
    ]);
  });

  it("a rise in yen on a Japan listing", () => {
    const jp = { priceUsdCents: null, priceJpy: 300_000, status: "active" as const };
    expect(changesSince(jp, { ...jp, priceJpy: 350_000 })).toEqual([
      { kind: "price", currency: "JPY", from: 300_000, to: 350_000, direction: "up" },
    ]);
  });
});
