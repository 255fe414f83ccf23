// Test data for the search tests: 60 deterministic listings (a few sold or withdrawn) across makes,
// models, chassis codes, both locations, several states, drives, beds, years, prices and deal ratings,
// written straight into the tables, so the tests can compute every expected answer from this array.
import type { Db } from "../db/client.js";
import { type Listing, listingPhotos, listings, type NewListing } from "../db/schema/listings.js";
import { users } from "../db/schema/users.js";

export const FIXTURE_SIZE = 60;

const MODELS = [
  ["Suzuki", "Carry Truck", "DA63T", "11th generation"],
  ["Suzuki", "Carry Truck", "DA62T", "10th generation"],
  ["Suzuki", "Carry", "DD51T", "9th generation"],
  ["Daihatsu", "Hijet Truck", "S500P", "10th generation"],
  ["Honda", "Acty Truck", "HA4", "2nd generation"],
  ["Subaru", "Sambar Truck", "KS4", "5th generation"],
  ["Mitsubishi", "Minicab Truck", "U42T", "6th generation"],
  ["Mazda", "Scrum Truck", "DG63T", "4th generation"],
] as const;
const STATES = ["TX", "CA", "VT", "SC", "VA", "FL", "AL", "OR"] as const;
/** A capital's ZIP per state (Census tabulation areas), so listings of a state share one: ties. */
const ZIPS = ["78701", "95814", "05401", "29201", "23219", "32301", "36104", "97301"] as const;
/** A ZIP the distance search cannot place (no tabulation area starts with 000). */
export const UNPLACEABLE_ZIP = "00012";
const DRIVES = ["2WD", "4WD", "both"] as const;
const BEDS = ["standard", "dump", "standard", "scissor_dump", "panel"] as const;
const DEALS = ["great", "good", "fair", "high", null] as const;

const pad = (n: number) => String(n).padStart(2, "0");

/** Row i of the fixture (0-based), without its seller. */
export function fixtureRow(i: number, sellerId: number): NewListing {
  const [make, model, chassisCode, generationLabel] = MODELS[i % MODELS.length]!;
  const isJapan = i % 3 === 0;
  const year = 1988 + ((i * 7) % 18);
  const bedType = BEDS[i % BEDS.length]!;
  const priceUsdCents = isJapan ? null : 350_000 + ((i * 37_337) % 900_000);
  const priceJpy = isJapan ? 180_000 + ((i * 53_113) % 1_200_000) : null;
  const landed = isJapan ? Math.round(((priceJpy ?? 0) * 100) / 150) + 45_000 + i : (priceUsdCents ?? 0);
  const dealRating = DEALS[(i * 3) % DEALS.length] ?? null;
  return {
    sellerId,
    status: i % 10 === 9 ? "sold" : i % 15 === 14 ? "withdrawn" : "active",
    location: isJapan ? "jp" : "us",
    title: `${year} ${make} ${model}`,
    make,
    model,
    chassisCode,
    generationLabel,
    drive: i % 13 === 0 ? null : DRIVES[(i >> 1) % DRIVES.length]!,
    year,
    mileageKm: i % 11 === 3 ? null : 20_000 + ((i * 7_919) % 150_000),
    transmission: i % 17 === 5 ? null : (["manual", "automatic"] as const)[(i >> 2) % 2]!,
    bedType,
    description: bedType === "dump" ? "Hydraulic dump bed, runs well" : "Clean truck, cold AC",
    priceUsdCents,
    priceJpy,
    usState: isJapan ? null : STATES[i % STATES.length]!,
    zip: isJapan ? null : i % 16 === 2 ? UNPLACEABLE_ZIP : i % 16 === 10 ? null : ZIPS[i % ZIPS.length]!,
    jpPort: isJapan ? "Yokohama" : null,
    titleStatus: isJapan ? null : "clean",
    eligibleFrom: !isJapan || i % 4 === 0 ? null : `${2014 + (i % 14)}-${pad(1 + (i % 12))}-15`,
    landedUsdCents: landed,
    fairPriceCents: dealRating ? landed + ((i % 7) - 3) * 10_000 : null,
    dealRating,
    isDemo: i % 7 === 0,
    // Two listings share each hour, so the id tiebreak is exercised.
    createdAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 2) * 3_600_000),
  };
}

/** Inserts two sellers and the 60 listings (photos on every fourth); returns the rows in order. */
export async function insertSearchFixture(db: Db): Promise<Listing[]> {
  const sellers = await db
    .insert(users)
    .values([
      { email: "dealer@example.com", passwordHash: "x", displayName: "Kei Dealer", role: "seller" },
      { email: "private@example.com", passwordHash: "x", displayName: "Private Seller", role: "seller" },
    ])
    .returning({ id: users.id });
  const values = Array.from({ length: FIXTURE_SIZE }, (_, i) => fixtureRow(i, sellers[i % 2]!.id));
  const rows = await db.insert(listings).values(values).returning();
  rows.sort((a, b) => a.id - b.id);
  const photos = rows
    .filter((_, i) => i % 4 === 1)
    .flatMap((r) =>
      [0, 1].map((position) => ({ listingId: r.id, position, storageKey: `listings/${r.id}/p${position}` })),
    );
  await db.insert(listingPhotos).values(photos);
  return rows;
}
