// The share-card image of a listing (1200x630, the size Open Graph and Twitter show large): the
// listing's first photo, darkened towards the bottom, with its title, price and badges over it; a plain
// card when there is no photo. The card's content is a pure function of the listing view, and its
// overlay a pure SVG string; sharp does the compositing.
import sharp from "sharp";
import type { ListingView } from "../../services/listing-view.js";
import { num, usd, yen } from "../components/format.js";
import { absoluteUrl, type ShareMeta, shareDescription } from "../components/share.js";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export type BadgeTone = "ok" | "warn" | "bad" | "plain";

export interface ListingCard {
  title: string;
  price: string;
  /** Where it is, year, mileage, drive: "Texas · 1996 · 48,000 km · 4WD". */
  details: string;
  badges: { text: string; tone: BadgeTone }[];
}

const DEAL_LABELS: Record<string, [string, BadgeTone]> = {
  great: ["Great deal", "ok"],
  good: ["Good deal", "ok"],
  fair: ["Fair price", "plain"],
  high: ["High price", "bad"],
};

/** What a shared listing says about itself; nothing here depends on who is looking. */
export function listingCardData(view: ListingView, jpyPerUsd: number): ListingCard {
  const l = view.listing;
  const e = view.eligibility;
  const price =
    l.location === "us"
      ? usd((l.priceUsdCents ?? 0) / 100)
      : `${yen(l.priceJpy ?? 0)} (≈ ${usd(Math.round((l.priceJpy ?? 0) / jpyPerUsd))})`;
  const details = [
    l.location === "us" ? `In ${l.usState ?? "the US"}` : `In Japan${l.jpPort ? `, ${l.jpPort}` : ""}`,
    l.year ? String(l.year) : null,
    l.mileageKm === null ? null : `${num(l.mileageKm)} km`,
    l.drive === "both" ? null : l.drive,
  ]
    .filter(Boolean)
    .join(" · ");
  const badges: ListingCard["badges"] = [];
  if (l.isDemo) badges.push({ text: "Demo listing", tone: "warn" });
  if (l.status !== "active")
    badges.push({ text: l.status === "sold" ? "Sold" : "No longer for sale", tone: "bad" });
  if (l.location === "us") badges.push({ text: "In the US already", tone: "ok" });
  else if (e?.verdict === "importable") badges.push({ text: "May be imported now", tone: "ok" });
  else if (e?.verdict === "not_importable")
    badges.push({
      text: e.fmvss.eligibleFrom ? `Importable from ${e.fmvss.eligibleFrom}` : "Not importable yet",
      tone: "bad",
    });
  else if (e) badges.push({ text: "Needs proof of build date", tone: "warn" });
  const deal = l.status === "active" && l.dealRating ? DEAL_LABELS[l.dealRating] : undefined;
  if (deal) badges.push({ text: deal[0], tone: deal[1] });
  return { title: l.title, price, details, badges };
}

/** The listing page's Open Graph / Twitter card, pointing at its card image. */
export function listingShareMeta(view: ListingView, origin: string, jpyPerUsd: number): ShareMeta {
  const card = listingCardData(view, jpyPerUsd);
  const id = view.listing.id;
  return {
    url: absoluteUrl(origin, `/trucks/${id}`),
    title: `${card.title} — ${card.price}`,
    description: shareDescription(
      [card.details, ...card.badges.map((b) => b.text)].join(" · ") +
        (view.listing.description ? `. ${view.listing.description}` : ""),
    ),
    image: {
      url: absoluteUrl(origin, `/trucks/${id}/card.png`),
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      alt: `${card.title}: ${card.price}, ${card.details}`,
    },
  };
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => `&${{ "<": "lt", ">": "gt", "&": "amp", '"': "quot", "'": "apos" }[c]};`);

/** Word-wraps to at most `lines` lines of about `width` characters, with an ellipsis when cut. */
export function wrapText(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.trim().split(/\s+/)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= width) current = next;
    else {
      if (current) out.push(current);
      current = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    }
  }
  if (current) out.push(current);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  const last = kept[lines - 1]!;
  kept[lines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

const TONES: Record<BadgeTone, { fill: string; text: string }> = {
  ok: { fill: "#e3f3ea", text: "#0b4d37" },
  warn: { fill: "#fff4d6", text: "#5c4300" },
  bad: { fill: "#fbe3e1", text: "#7a1d14" },
  plain: { fill: "#f4f2ec", text: "#1d2327" },
};
const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";

/** The overlay: brand, price, title, details and badges, light text on a dark band or plain card. */
export function listingCardSvg(card: ListingCard, hasPhoto: boolean): string {
  const title = wrapText(card.title, 34, 2);
  const titleTop = title.length === 2 ? 360 : 410;
  // One row of badges; one that would not fit is left off (the page shows them all).
  let x = 48;
  const badges = card.badges
    .map((b) => {
      const w = Math.round(b.text.length * 16.5 + 36);
      if (x + w > CARD_WIDTH - 48) return "";
      const t = TONES[b.tone];
      const svg = `<rect x="${x}" y="540" width="${w}" height="46" rx="23" fill="${t.fill}"/><text x="${x + 18}" y="571" font-family="${FONT}" font-size="26" font-weight="bold" fill="${t.text}">${escapeXml(b.text)}</text>`;
      x += w + 14;
      return svg;
    })
    .join("");
  const shade = hasPhoto
    ? `<defs><linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0.35"/><stop offset="0.35" stop-color="#000" stop-opacity="0.1"/><stop offset="0.55" stop-color="#000" stop-opacity="0.55"/><stop offset="1" stop-color="#000" stop-opacity="0.85"/></linearGradient></defs><rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="url(#shade)"/>`
    : `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#0b6e4f"/><rect y="${CARD_HEIGHT - 12}" width="${CARD_WIDTH}" height="12" fill="#f4f2ec" fill-opacity="0.5"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
${shade}
<text x="48" y="72" font-family="${FONT}" font-size="34" font-weight="bold" fill="#ffffff">keiyard</text>
<text x="48" y="${titleTop - 70}" font-family="${FONT}" font-size="60" font-weight="bold" fill="#ffffff">${escapeXml(card.price)}</text>
${title.map((line, i) => `<text x="48" y="${titleTop + i * 56}" font-family="${FONT}" font-size="48" font-weight="bold" fill="#ffffff">${escapeXml(line)}</text>`).join("\n")}
<text x="48" y="${titleTop + title.length * 56 - 8}" font-family="${FONT}" font-size="28" fill="#e6e6e6">${escapeXml(card.details)}</text>
${badges}
</svg>`;
}

/** The PNG: the photo (any orientation, cropped to fill) under the overlay; a plain card without one. */
export async function renderListingCard(card: ListingCard, photo: Buffer | null): Promise<Buffer> {
  const background = photo
    ? await sharp(photo)
        .rotate()
        .resize(CARD_WIDTH, CARD_HEIGHT, { fit: "cover", position: "attention" })
        .toBuffer()
        .catch(() => null)
    : null;
  const base =
    background ??
    (await sharp({ create: { width: CARD_WIDTH, height: CARD_HEIGHT, channels: 3, background: "#0b6e4f" } })
      .png()
      .toBuffer());
  return sharp(base)
    .composite([{ input: Buffer.from(listingCardSvg(card, background !== null)) }])
    .png({ palette: true, quality: 85, compressionLevel: 9 })
    .toBuffer();
}
