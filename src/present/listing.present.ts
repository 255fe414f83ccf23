// The public shape of one listing (GET /api/v1/listings/{id}): what its page shows, as data. Rows are
// never returned as they are: the seller's account id, view counts and search columns stay inside.
import type { ListingView } from "../services/listing-view.js";

const usd = (cents: number | null) => (cents === null ? null : cents / 100);

export function presentListingDetail(v: ListingView) {
  const l = v.listing;
  return {
    id: l.id,
    url: `/trucks/${l.id}`,
    status: l.status,
    location: l.location,
    title: l.title,
    frameNumber: l.frameNumber,
    chassisCode: l.chassisCode,
    make: l.make,
    model: l.model,
    generation: l.generationLabel,
    drive: l.drive,
    engineCode: l.engineCode,
    displacementCc: l.displacementCc,
    buildMonth: l.buildMonth,
    ageEvidence: l.ageEvidence,
    year: l.year,
    mileageKm: l.mileageKm,
    mileageMi: v.mileageMi,
    transmission: l.transmission,
    bedType: l.bedType,
    highLowRange: l.highLowRange,
    diffLock: l.diffLock,
    condition: l.condition,
    auctionGrade: l.auctionGrade,
    description: l.description,
    priceUsd: usd(l.priceUsdCents),
    priceJpy: l.priceJpy,
    usState: l.usState,
    zip: l.zip,
    titleStatus: l.titleStatus,
    jpPort: l.jpPort,
    eligibleFrom: l.eligibleFrom,
    landedUsd: usd(l.landedUsdCents),
    fairPriceUsd: usd(l.fairPriceCents),
    dealRating: l.dealRating,
    comparables: l.comparables,
    isDemo: l.isDemo,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    priceChangedAt: l.priceChangedAt?.toISOString() ?? null,
    priceDropPercent: l.priceDropPercent,
    seller: { displayName: v.seller.displayName, kind: v.seller.sellerKind, dealerName: v.seller.dealerName },
    photos: v.photos.map((p) => ({
      thumb: `/photos/${p.storageKey}/thumb.jpg`,
      medium: `/photos/${p.storageKey}/medium.jpg`,
      width: p.width,
      height: p.height,
    })),
    viewerState: v.viewerState,
    eligibility: v.eligibility,
    legality: v.legality,
    delivered: v.delivered,
  };
}
