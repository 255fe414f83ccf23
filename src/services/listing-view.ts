// Everything the listing page shows, computed for the viewer: eligibility (Japan listings), legality in
// the viewer's state, the delivered-and-registered cost itemized with sources, and the deal rating.
import type { Database } from "../db/client.js";
import { findListingWithSeller, incrementViews, photosFor } from "../db/repos/listings.repo.js";
import type { Listing } from "../db/schema/listings.js";
import { buildImportChecklist } from "../domain/checklist/index.js";
import { findStateFees, stateCharges } from "../domain/cost/state-charges.js";
import { findStreetLegality } from "../domain/legality/street-legality.js";
import { type IsoDate, maxDate, type YearMonth } from "../domain/units/dates.js";
import { km, kmToMi, roundTo } from "../domain/units/measures.js";
import { centsToDollars, sumCents, type UsdCents, usdCents } from "../domain/units/money.js";
import type { Facts } from "../facts/schemas.js";
import { presentLegality } from "../present/legality.present.js";
import { AppError } from "./app-error.js";
import { costFor } from "./cost.js";
import { eligibilityFor } from "./eligibility.js";
import type { EligibilityInputQuery } from "./inputs.schema.js";
import type { ViewCounts } from "./view-counts.js";

export interface ViewOptions {
  today: IsoDate;
  viewerState: string | null;
  jpyPerUsd: number;
  countView?: boolean;
  /** Where a counted view goes to be written later; without it, straight to the database. */
  views?: ViewCounts;
}

function usDelivered(facts: Facts, l: Listing, state: string) {
  const price = usdCents(l.priceUsdCents ?? 0);
  const fees = findStateFees(facts.stateFees, state);
  const charges = stateCharges(fees, price);
  const lines = [
    {
      id: "price",
      label: "Asking price",
      usd: centsToDollars(price),
      estimate: false,
      source: [] as unknown[],
    },
    ...charges.lines.map((x) => ({
      id: x.id,
      label: x.label,
      usd: centsToDollars(x.cents),
      estimate: x.estimate,
      note: x.note,
      source: x.source,
    })),
  ];
  const total = sumCents([price, ...charges.lines.map((x) => x.cents as UsdCents)]);
  return {
    kind: "us" as const,
    totalUsd: centsToDollars(total),
    lines,
    notIncluded: [
      ...charges.notIncluded.map((n) => ({ id: n.id, label: n.label, reason: n.reason })),
      // A truck in another state has to get to you: we have no figure for that, so say it is left out.
      ...(l.usState && l.usState !== state
        ? [
            {
              id: "transport",
              label: `Transport from ${l.usState} to ${state}`,
              reason: "not in our data: get a quote from a car shipper, or plan the drive or trailer trip",
            },
          ]
        : []),
    ],
    warnings: [
      ...charges.warnings,
      "Buying from a private seller or a dealer in another state can change the tax you owe: check with your DMV.",
    ],
  };
}

function jpDelivered(facts: Facts, l: Listing, state: string | null, o: ViewOptions) {
  const entry = l.eligibleFrom ? maxDate(l.eligibleFrom as IsoDate, o.today) : o.today;
  const view = costFor(
    facts,
    {
      priceJpy: l.priceJpy ?? 0,
      fx: o.jpyPerUsd,
      entry,
      japanFeesJpy: 0,
      ...(l.year ? { built: String(l.year) } : {}),
      ...(state ? { to: state } : {}),
    },
    o.today,
  );
  return {
    kind: "jp" as const,
    ...view,
    /** The day the duty, fees and their fee years are for: today, or the first day it may be imported. */
    entryDate: entry,
    entryIsFuture: entry > o.today,
    // The buyer entered no rate here: say whose rate it is instead of the engine's "the rate you entered".
    warnings: [
      `Yen converted at this site's rate of ${o.jpyPerUsd} JPY per USD (set by the operator; not a quote). The seller's yen price is taken as FOB: Japan-side fees included.`,
      ...view.warnings.filter((w) => !/rate you entered/.test(w)),
    ],
  };
}

export async function getListingView(database: Database, facts: Facts, id: number, o: ViewOptions) {
  const found = await findListingWithSeller(database.db, id);
  if (!found) throw new AppError("not_found", `no listing ${id}`);
  const { listing: l, seller } = found;
  if (o.countView) {
    if (o.views) o.views.add(id);
    else await incrementViews(database.db, id);
  }
  const photos = await photosFor(database.db, [id]);
  const eligibility =
    l.location === "jp"
      ? eligibilityFor(
          facts,
          {
            // The row's month was validated as YYYY-MM when the listing was saved.
            ...(l.chassisCode ? { frame: l.frameNumber ?? l.chassisCode } : {}),
            ...(l.buildMonth && l.ageEvidence === "build_month" ? { built: l.buildMonth as YearMonth } : {}),
            ...(l.buildMonth && l.ageEvidence === "first_registration"
              ? { firstRegistered: l.buildMonth as YearMonth }
              : {}),
            on: o.today,
          } satisfies EligibilityInputQuery,
          o.today,
        )
      : null;
  const state = o.viewerState;
  const legality = state
    ? (() => {
        const r = findStreetLegality(facts.stateRules, state, o.today);
        return r.kind === "found" ? presentLegality(r.legality) : null;
      })()
    : null;
  const delivered =
    l.location === "us" ? (state ? usDelivered(facts, l, state) : null) : jpDelivered(facts, l, state, o);
  // Japan listings: the ordered paperwork from the export certificate to plates, for the viewer's state.
  const checklist = eligibility
    ? buildImportChecklist(
        { eligibility, state, on: o.today, chassisCode: l.chassisCode, frameNumber: l.frameNumber },
        facts.importRules,
        facts.stateRules,
      )
    : null;
  return {
    listing: l,
    seller,
    photos,
    mileageMi: l.mileageKm === null ? null : roundTo(kmToMi(km(l.mileageKm)), 0),
    eligibility,
    legality,
    delivered,
    checklist,
    viewerState: state,
  };
}
export type ListingView = Awaited<ReturnType<typeof getListingView>>;
