import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { ListingView } from "../../services/listing-view.js";
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  listingCardData,
  listingCardSvg,
  renderListingCard,
  wrapText,
} from "./listing-card.js";

const view = (listing: Record<string, unknown>, eligibility: unknown = null) =>
  ({
    listing: {
      id: 7,
      title: "1996 Honda Acty",
      location: "us",
      priceUsdCents: 850_000,
      priceJpy: null,
      usState: "TX",
      jpPort: null,
      year: 1996,
      mileageKm: 48_000,
      drive: "4WD",
      status: "active",
      isDemo: false,
      dealRating: null,
      description: "",
      ...listing,
    },
    eligibility,
    photos: [],
  }) as unknown as ListingView;

describe("listingCardData", () => {
  it("says where the truck is, its price and what the listing page's badges say", () => {
    expect(listingCardData(view({ dealRating: "great" }), 150)).toEqual({
      title: "1996 Honda Acty",
      price: "$8,500",
      details: "In TX · 1996 · 48,000 km · 4WD",
      badges: [
        { text: "In the US already", tone: "ok" },
        { text: "Great deal", tone: "ok" },
      ],
    });
  });

  it("gives a Japan truck its yen price, dollar estimate and import status", () => {
    const card = listingCardData(
      view(
        {
          location: "jp",
          priceJpy: 400_000,
          priceUsdCents: null,
          jpPort: "Kobe",
          drive: "both",
          isDemo: true,
        },
        { verdict: "not_importable", fmvss: { eligibleFrom: "2027-01-31" } },
      ),
      150,
    );
    expect(card.price).toBe("¥400,000 (≈ $2,667)");
    expect(card.details).toBe("In Japan, Kobe · 1996 · 48,000 km");
    expect(card.badges).toEqual([
      { text: "Demo listing", tone: "warn" },
      { text: "Importable from 2027-01-31", tone: "bad" },
    ]);
  });

  it("marks a sold truck and drops its deal rating", () => {
    const card = listingCardData(view({ status: "sold", dealRating: "great" }), 150);
    expect(card.badges.map((b) => b.text)).toEqual(["Sold", "In the US already"]);
  });
});

describe("the card image", () => {
  it("wraps a long title to two lines with an ellipsis", () => {
    expect(wrapText("one two three", 20, 2)).toEqual(["one two three"]);
    expect(wrapText("aaaa bbbb cccc dddd eeee", 9, 2)).toEqual(["aaaa bbbb", "cccc ddd…"]);
    expect(wrapText("aaaa bbbb cc dd", 9, 1)).toEqual(["aaaa bbb…"]);
    expect(wrapText("x".repeat(30), 10, 2)).toEqual(["xxxxxxxxx…"]);
  });

  it("escapes what the seller wrote", () => {
    const svg = listingCardSvg({ title: '<script>&"', price: "$1", details: "", badges: [] }, false);
    expect(svg).toContain("&lt;script&gt;&amp;&quot;");
    expect(svg).not.toContain("<script>");
  });

  it("is a 1200x630 PNG even when the photo cannot be read", async () => {
    const png = await renderListingCard(
      { title: "T", price: "$1", details: "d", badges: [] },
      Buffer.from("nope"),
    );
    const info = await sharp(png).metadata();
    expect([info.format, info.width, info.height]).toEqual(["png", CARD_WIDTH, CARD_HEIGHT]);
  });
});
