// Listing use cases: a seller creates, edits, marks sold, withdraws and deletes only their own listings;
// every write runs in one transaction with its event, so a failure leaves nothing half-written.
import type { Database, Db } from "../db/client.js";
import { withTransaction } from "../db/client.js";
import {
  deleteListingRow,
  findListing,
  insertListing,
  recordEvent,
  recordPriceChange,
  updateListingRow,
} from "../db/repos/listings.repo.js";
import { findUserByEmail } from "../db/repos/users.repo.js";
import type { Listing, NewListing } from "../db/schema/listings.js";
import { normalizeCode } from "../domain/auction-sheet/read-sheet.js";
import { deriveListing, type ListingContext } from "../domain/listings/derive.js";
import { dropPercent } from "../domain/listings/price-history.js";
import type { ListingDraft } from "../domain/listings/types.js";
import type { YearMonth } from "../domain/units/dates.js";
import { dollarsToCents } from "../domain/units/money.js";
import { zipTableOf } from "../facts/load.js";
import type { Facts } from "../facts/schemas.js";
import type { PublicUser } from "./accounts.js";
import { AppError } from "./app-error.js";
import { currentDealModel, ratingColumns } from "./deals.js";
import { parseInput } from "./inputs.schema.js";
import { type ListingInput, listingInputSchema, statusInputSchema } from "./listings.schema.js";
import { placeZipOrRefuse } from "./zip-place.js";

const invalid = (field: string, message: string) =>
  new AppError("invalid_input", `${field}: ${message}`, field);

/**
 * The listing's values checked against the facts and today, where a shape alone cannot tell: a state
 * the site knows, a ZIP it can place (a search near a ZIP could not find the truck otherwise), a build
 * month not in the future, an auction score that auction sheets use (read at /auction-sheet).
 */
function checkInput(v: ListingInput, ctx: ListingContext): ListingInput {
  if (v.location === "us" && v.usState && !ctx.facts.stateFees.some((f) => f.code === v.usState))
    throw invalid("usState", `${v.usState} is not a US state's code (or DC)`);
  // Facts made in a test without the ZIP file cannot place any ZIP: then none is checked.
  if (v.location === "us" && v.zip && zipTableOf(ctx.facts as Facts))
    placeZipOrRefuse(ctx.facts as Facts, v.zip, "zip");
  if (v.buildMonth && v.buildMonth > ctx.today.slice(0, 7))
    throw invalid("buildMonth", `${v.buildMonth} is after this month`);
  const sheet = ctx.facts.auctionSheet;
  if (!v.auctionGrade) return v;
  const grade = normalizeCode(v.auctionGrade);
  if (!sheet.scores.some((r) => r.grades.includes(grade)))
    throw invalid(
      "auctionGrade",
      `${v.auctionGrade} is not an auction score (such as 4, 3.5, R or ***; see /auction-sheet)`,
    );
  // Stored as sheets write it ("ra" is RA, "３．５" is 3.5).
  return { ...v, auctionGrade: grade };
}

export function draftFromInput(v: ListingInput): ListingDraft {
  const us = v.location === "us";
  return {
    location: v.location,
    title: v.title,
    frameNumber: v.frameNumber ?? null,
    driveOverride: v.driveOverride ?? null,
    make: v.make ?? null,
    model: v.model ?? null,
    buildMonth: (v.buildMonth as YearMonth | undefined) ?? null,
    ageEvidence: v.ageEvidence,
    mileageKm: v.mileageKm ?? null,
    transmission: v.transmission ?? null,
    bedType: v.bedType,
    highLowRange: v.highLowRange,
    diffLock: v.diffLock,
    condition: v.condition ?? null,
    auctionGrade: v.auctionGrade ?? null,
    description: v.description,
    priceUsdCents: us && v.priceUsd !== undefined ? dollarsToCents(v.priceUsd) : null,
    priceJpy: !us ? (v.priceJpy ?? null) : null,
    usState: us ? (v.usState ?? null) : null,
    zip: us ? (v.zip ?? null) : null,
    titleStatus: us ? (v.titleStatus ?? null) : null,
    jpPort: us ? null : (v.jpPort ?? null),
  };
}

/** The row a draft becomes, with what the knowledge core derives from it. */
export function rowFromDraft(draft: ListingDraft, ctx: ListingContext): Omit<NewListing, "sellerId"> {
  const d = deriveListing(draft, ctx);
  if (!d.make || !d.model)
    throw new AppError(
      "invalid_input",
      d.decode === "unknown"
        ? "the frame number does not decode: give the make and model"
        : "give a frame number, or the make and model",
      d.decode === "unknown" ? "frameNumber" : "make",
    );
  return {
    location: draft.location,
    title: draft.title,
    frameNumber: draft.frameNumber,
    chassisCode: d.chassisCode,
    serial: d.serial,
    make: d.make,
    model: d.model,
    generationLabel: d.generationLabel,
    drive: d.drive,
    engineCode: d.engineCode,
    displacementCc: d.displacementCc,
    buildMonth: draft.buildMonth,
    ageEvidence: draft.ageEvidence,
    year: d.year,
    mileageKm: draft.mileageKm,
    transmission: draft.transmission,
    bedType: draft.bedType,
    highLowRange: draft.highLowRange,
    diffLock: draft.diffLock,
    condition: draft.condition,
    auctionGrade: draft.auctionGrade,
    description: draft.description,
    priceUsdCents: draft.priceUsdCents,
    priceJpy: draft.priceJpy,
    usState: draft.usState,
    zip: draft.zip,
    titleStatus: draft.titleStatus,
    jpPort: draft.jpPort,
    eligibleFrom: d.eligibleFrom,
    landedUsdCents: d.landedUsdCents,
  };
}

/** Rates a new or edited listing with the latest fitted model (refits happen in batches). */
function withRating(row: Omit<NewListing, "sellerId">) {
  return {
    ...row,
    ...ratingColumns(currentDealModel(row.location), {
      make: row.make,
      model: row.model,
      generation: row.generationLabel ?? null,
      year: row.year ?? null,
      mileageKm: row.mileageKm ?? null,
      drive: row.drive ?? null,
      bedType: row.bedType ?? "standard",
      priceCents: row.landedUsdCents ?? 0,
    }),
  };
}

function requireSeller(user: PublicUser | null): PublicUser {
  if (!user) throw new AppError("unauthenticated", "log in to sell a truck");
  if (user.role !== "seller" && user.role !== "admin")
    throw new AppError("forbidden", "only seller accounts can list trucks");
  if (user.banned) throw new AppError("forbidden", "this account has been banned from posting");
  return user;
}

async function ownListing(db: Db, user: PublicUser | null, id: number): Promise<Listing> {
  const u = requireSeller(user);
  const listing = await findListing(db, id);
  if (!listing) throw new AppError("not_found", `no listing ${id}`);
  if (listing.sellerId !== u.id && u.role !== "admin")
    throw new AppError("forbidden", "this is not your listing");
  return listing;
}

export async function createListing(
  database: Database,
  ctx: ListingContext,
  user: PublicUser | null,
  raw: unknown,
) {
  const seller = requireSeller(user);
  const input = checkInput(parseInput(listingInputSchema, raw), ctx);
  const row = withRating(rowFromDraft(draftFromInput(input), ctx));
  return withTransaction(database, (tx) => insertListing(tx, { ...row, sellerId: seller.id }));
}

export async function updateListing(
  database: Database,
  ctx: ListingContext,
  user: PublicUser | null,
  id: number,
  raw: unknown,
) {
  const input = checkInput(parseInput(listingInputSchema, raw), ctx);
  const row = withRating(rowFromDraft(draftFromInput(input), ctx));
  return withTransaction(database, async (tx) => {
    const before = await ownListing(tx, user, id);
    const updated = await updateListingRow(tx, id, row, {});
    if (before.priceUsdCents !== row.priceUsdCents || before.priceJpy !== row.priceJpy) {
      await recordEvent(tx, id, "price_changed", {
        from: { usdCents: before.priceUsdCents, jpy: before.priceJpy },
        to: { usdCents: row.priceUsdCents, jpy: row.priceJpy },
      });
      const was = before.priceUsdCents ?? before.priceJpy;
      const now = row.priceUsdCents ?? row.priceJpy;
      // A move between US and Japan pricing is a new price, not a drop.
      const sameCurrency = (before.priceUsdCents === null) === (row.priceUsdCents === null);
      await recordPriceChange(
        tx,
        id,
        { priceUsdCents: row.priceUsdCents ?? null, priceJpy: row.priceJpy ?? null },
        sameCurrency && was != null && now != null ? dropPercent(was, now) : null,
      );
    }
    return updated;
  });
}

export async function setListingStatus(
  database: Database,
  user: PublicUser | null,
  id: number,
  raw: unknown,
) {
  const { status, buyerEmail } = parseInput(statusInputSchema, raw);
  return withTransaction(database, async (tx) => {
    const before = await ownListing(tx, user, id);
    let soldToId: number | null = null;
    if (status === "sold" && buyerEmail) {
      const buyer = await findUserByEmail(tx, buyerEmail);
      // The seller types the buyer's address: saying it has no account tells them to ask again.
      if (!buyer)
        throw new AppError(
          "invalid_input",
          "buyerEmail: no keiyard account uses that email; ask the buyer for the one they signed up with, or leave it empty",
          "buyerEmail",
        );
      if (buyer.id === before.sellerId)
        throw new AppError("invalid_input", "buyerEmail: you cannot sell a truck to yourself", "buyerEmail");
      soldToId = buyer.id;
    }
    if (before.status === status && (status !== "sold" || soldToId === null || soldToId === before.soldToId))
      return before;
    const updated = await updateListingRow(
      tx,
      id,
      {
        status,
        soldAt: status === "sold" ? (before.soldAt ?? new Date()) : null,
        soldToId: status === "sold" ? (soldToId ?? before.soldToId) : null,
      },
      {},
    );
    await recordEvent(tx, id, "status_changed", {
      from: before.status,
      to: status,
      ...(soldToId ? { soldToId } : {}),
    });
    return updated;
  });
}

export async function deleteListing(database: Database, user: PublicUser | null, id: number): Promise<void> {
  await withTransaction(database, async (tx) => {
    await ownListing(tx, user, id);
    await deleteListingRow(tx, id);
  });
}
