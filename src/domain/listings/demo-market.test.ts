import { describe, expect, it } from "vitest";
import { demoPriceHistory, demoReview } from "./demo-market.js";

describe("demo market history", () => {
  it("ends at the current price, oldest first, within the listing's time", () => {
    let changed = 0;
    for (let i = 0; i < 500; i++) {
      const h = demoPriceHistory(42, i, 90, 7_500, 50);
      expect(h.at(-1)!.amount).toBe(7_500);
      expect(h[0]!.daysAgo).toBe(90);
      for (let k = 1; k < h.length; k++) {
        expect(h[k]!.daysAgo).toBeLessThan(h[k - 1]!.daysAgo);
        expect(h[k]!.daysAgo).toBeGreaterThan(0);
        expect(h[k]!.amount).not.toBe(h[k - 1]!.amount);
      }
      if (h.length > 1) changed++;
    }
    // About 30% of listings on the market 14+ days have changed price.
    expect(changed).toBeGreaterThan(100);
    expect(changed).toBeLessThan(200);
  });

  it("new listings never have a history, and the output is deterministic", () => {
    expect(demoPriceHistory(1, 3, 5, 1000, 10)).toEqual([{ daysAgo: 5, amount: 1000 }]);
    expect(demoPriceHistory(9, 77, 60, 9000, 50)).toEqual(demoPriceHistory(9, 77, 60, 9000, 50));
  });

  it("reviews: some sales have one, ratings 1–5, labelled as demo, buyers in range", () => {
    const reviews = Array.from({ length: 400 }, (_, i) => demoReview(7, i, 10)).filter((r) => r !== null);
    expect(reviews.length).toBeGreaterThan(200);
    expect(reviews.length).toBeLessThan(320);
    for (const r of reviews) {
      expect(r.rating).toBeGreaterThanOrEqual(1);
      expect(r.rating).toBeLessThanOrEqual(5);
      expect(r.body.startsWith("[Demo review]")).toBe(true);
      expect(r.buyerIndex).toBeLessThan(10);
    }
    expect(new Set(reviews.map((r) => r.rating)).size).toBeGreaterThanOrEqual(4);
    expect(reviews.some((r) => r.reply !== null)).toBe(true);
    expect(demoReview(7, 1, 0)).toBeNull();
  });
});
