// What a listing derives from the knowledge core when it is saved: the decoded make, model and drive,
// the date from which it may enter the US, and a state-independent landed price in dollars that search
// sorts and filters on. Viewer-specific answers (legality, delivered cost in their state, the deal
// rating) are computed when the listing is shown.
import type { Facts } from "../../facts/schemas.js";
import { decodeFrameNumber } from "../catalog/decode.js";
import { computeLandedCost } from "../cost/landed-cost.js";
import { conservativeFromMonth } from "../eligibility/fmvss.js";
import { checkModelEligibility } from "../eligibility/model.js";
import { type IsoDate, maxDate } from "../units/dates.js";
import { jpy } from "../units/money.js";
import type { Drive, ListingDraft } from "./types.js";

export interface ListingContext {
  facts: Pick<Facts, "catalog" | "importRules" | "stateFees" | "auctionSheet">;
  /** Today: the earliest possible US entry date. */
  today: IsoDate;
  /** The site's yen rate for Japan listings, set by the operator and shown with the prices. */
  jpyPerUsd: number;
}

export interface DerivedListing {
  decode: "decoded" | "unknown" | "none";
  chassisCode: string | null;
  serial: string | null;
  make: string | null;
  model: string | null;
  generationLabel: string | null;
  drive: Drive | null;
  engineCode: string | null;
  displacementCc: number | null;
  year: number | null;
  /** Japan listings: the conservative FMVSS date; null when it cannot be known (or the truck is in the US). */
  eligibleFrom: IsoDate | null;
  /** US: the asking price. Japan: the landed cost (price, duty, MPF, HMF) on the later of today and eligibleFrom. */
  landedUsdCents: number;
  warnings: string[];
}

function eligibleFrom(
  draft: ListingDraft,
  ctx: ListingContext,
  entry: Facts["catalog"][number] | null,
): IsoDate | null {
  if (draft.location === "us") return null;
  const rules = ctx.facts.importRules;
  // A build month or a first-registration month both bound the build date from above.
  if (draft.buildMonth && draft.ageEvidence !== "none") return conservativeFromMonth(draft.buildMonth, rules);
  if (!entry) return null;
  // Without the truck's own evidence, only the code's whole production window can say.
  return checkModelEligibility(entry, ctx.today, rules).lastEligible;
}

export function deriveListing(draft: ListingDraft, ctx: ListingContext): DerivedListing {
  const warnings: string[] = [];
  const decoded = draft.frameNumber ? decodeFrameNumber(draft.frameNumber, ctx.facts.catalog) : null;
  const entry = decoded?.kind === "decoded" ? decoded.entry : null;
  if (decoded && decoded.kind !== "decoded")
    warnings.push(
      "The frame number does not match a chassis code in the catalog; make and model are as the seller gave them.",
    );
  let drive: Drive | null = entry?.drive ?? null;
  if (drive === "both" && draft.driveOverride) drive = draft.driveOverride;
  else if (!entry && draft.driveOverride) drive = draft.driveOverride;
  const from = eligibleFrom(draft, ctx, entry);
  const year = draft.buildMonth ? Number(draft.buildMonth.slice(0, 4)) : null;
  let landed = draft.priceUsdCents ?? 0;
  if (draft.location === "jp" && draft.priceJpy !== null) {
    const cost = computeLandedCost(
      {
        priceJpy: jpy(draft.priceJpy),
        japanFees: [], // exporters' prices are FOB: Japan-side fees are in the price
        jpyPerUsd: ctx.jpyPerUsd,
        entryDate: from ? maxDate(from, ctx.today) : ctx.today,
        buildYear: year,
        state: null,
      },
      ctx.facts.importRules,
      ctx.facts.stateFees,
    );
    landed = cost.totalCents;
  }
  return {
    decode: decoded === null ? "none" : decoded.kind === "decoded" ? "decoded" : "unknown",
    chassisCode: decoded?.kind === "decoded" ? decoded.chassisCode : null,
    serial: decoded?.kind === "decoded" ? decoded.serial : null,
    make: entry?.make ?? draft.make,
    model: entry?.model ?? draft.model,
    generationLabel: entry?.generation.label ?? null,
    drive,
    engineCode: entry?.engineCodes[0] ?? null,
    displacementCc: entry?.displacementCc ?? null,
    year,
    eligibleFrom: from,
    landedUsdCents: landed,
    warnings,
  };
}
