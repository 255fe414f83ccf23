// Deterministic demo data: sellers and listings that make a fresh site look alive, and the first
// comparables the deal-rating model is fitted on. Pure: "today", the catalog and the state codes are
// arguments, randomness is a seeded mulberry32, so the same options always give deep-equal output.
// Every description opens with DEMO_LABEL; titles read like a seller's ("1996 Honda Acty 4WD, dump bed").
//
// Distributions (of listings unless said otherwise):
// - location: 70% US (already imported), 30% Japan (offered by exporters).
// - make: Suzuki 30%, Daihatsu 25%, Honda 20%, Subaru 12%, Mitsubishi 10%, other makes (the Mazda,
//   Nissan and Toyota rebadges) 3%; renormalised over the makes with a usable code for the location.
// - chassis code within a make: weight = years of its window usable for the location (clamped to
//   0.5..8) x 1 when both production bounds are known, x 0.25 when one is guessed. Codes with neither
//   bound are skipped; a missing start is taken as 5 years before the end, a missing end as today (in
//   production) or 5 years after the start. Year-only bounds span January..December.
// - build month: uniform in the window up to today. US trucks are already imported, so theirs is at most
//   today - 25 years - 1 month (eligible by the conservative month reading); Japan ones may be too young.
// - ageEvidence: US 95% build_month, 5% none; Japan 60% build_month, 33% first_registration, 7% none.
// - frame number `${framePrefix}-${serial}` on 90% (serial 6 digits, 20% 7); make and model always set.
// - drive: the code's, 60% 4WD where it covers both; driveOverride says which where the code covers
//   both, and on listings without a frame number (the seller ticks the box; nothing else says it).
// - mileage: log-normal around 9,000 + 2,300 km per year of age (sigma 0.45), clamped 15,000..180,000.
// - transmission: 75% manual, 23% automatic, 2% other (an automated manual), within the code's list.
// - bed: standard 75%, dump 12%, scissor_dump 4%, panel 4%, other 5%. High/low range on half of 4WDs,
//   diff lock on 70% of those and 25% of the rest. Condition: excellent 15, good 50, fair 28, project 7.
// - price: the ground truth of demo-price.ts (what the deal model should recover), noise sigma 0.12/0.15.
// - US: state by STATE_WEIGHTS over `stateCodes`; ZIP with the state's prefix; title clean 82%,
//   export_certificate 13%, rebuilt 5%. Japan: one of seven ports, auction grade on 60%.
// - status: 90% active; sold 3..11% rising with the listing's age; withdrawn 3%. createdDaysAgo 0..120.
import type { CatalogEntry } from "../../facts/schemas.js";
import { dateParts, type IsoDate, makeYearMonth, type YearMonth } from "../units/dates.js";
import { normal, pickOne, type Rng, type Sampler, sampler, streamOf, weighted } from "../units/random.js";
import { demoPriceJpy, demoPriceUsdCents } from "./demo-price.js";
import { type DemoSeller, stateSampler } from "./demo-sellers.js";
import { demoDescription, demoTitle, demoZip, JP_PORTS } from "./demo-text.js";
import type {
  BedType,
  Condition,
  ListingAgeEvidence,
  ListingDraft,
  TitleStatus,
  Transmission,
} from "./types.js";

export { mulberry32 } from "../units/random.js";
export { type DemoSeller, generateDemoSellers } from "./demo-sellers.js";
export { DEMO_LABEL } from "./demo-text.js";

export interface DemoListing extends ListingDraft {
  sellerIndex: number;
  /** 0..120 */
  createdDaysAgo: number;
  status: "active" | "sold" | "withdrawn";
  photoSeed: number;
  /** 1..3 */
  photoCount: number;
}

export interface DemoListingOptions {
  count: number;
  /** Used as a 32-bit integer. */
  seed: number;
  sellers: number;
  catalog: readonly CatalogEntry[];
  stateCodes: readonly string[];
  today: IsoDate;
  /** Optional generateDemoSellers output (length `sellers`): dealers then carry 5x the listings and
   * all Japan ones, and a seller's US trucks are mostly (85%) in their home state. */
  sellerProfiles?: readonly DemoSeller[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

const US_SHARE = 0.7;
const MAKE_SHARES: Readonly<Record<string, number>> = {
  Suzuki: 30,
  Daihatsu: 25,
  Honda: 20,
  Subaru: 12,
  Mitsubishi: 10,
};
const OTHER_MAKES_SHARE = 3;
const BED = weighted<BedType>({ standard: 75, dump: 12, scissor_dump: 4, panel: 4, other: 5 });
const CONDITION = weighted<Condition>({ excellent: 15, good: 50, fair: 28, project: 7 });
const US_TITLE = weighted<TitleStatus>({ clean: 82, export_certificate: 13, rebuilt: 5 });
const US_EVIDENCE = weighted<ListingAgeEvidence>({ build_month: 95, none: 5 });
const JP_EVIDENCE = weighted<ListingAgeEvidence>({ build_month: 60, first_registration: 33, none: 7 });
const PHOTO_COUNT = weighted({ "1": 20, "2": 35, "3": 45 });
const GRADES: Record<Condition, readonly string[]> = {
  excellent: ["4.5", "5", "4"],
  good: ["4", "3.5", "4"],
  fair: ["3", "3.5", "2"],
  project: ["R", "RA", "2"],
};

/** Months since year 0: "1996" is 1996-01 as a start and 1996-12 as an end. */
function monthBound(v: string | null, isEnd: boolean): number | null {
  if (v === null) return null;
  const month = v.length > 4 ? Number(v.slice(5, 7)) : isEnd ? 12 : 1;
  return Number(v.slice(0, 4)) * 12 + month - 1;
}

interface Code {
  entry: CatalogEntry;
  start: number;
  end: number;
  /** The last build month a truck already in the US can have; below `start` when none can. */
  usEnd: number;
  isKnown: boolean;
  /** What the code's transmission list allows (an empty list allows anything). */
  hasAuto: boolean;
  hasAgs: boolean;
}

const GUESS_MONTHS = 5 * 12 - 1;

function usableCodes(catalog: readonly CatalogEntry[], todayIdx: number): Code[] {
  const out: Code[] = [];
  for (const entry of catalog) {
    const knownStart = monthBound(entry.productionStart, false);
    const knownEnd = monthBound(entry.productionEnd, true);
    if (knownStart === null && knownEnd === null) continue; // nowhere to place a build month
    const start = knownStart ?? (knownEnd as number) - GUESS_MONTHS;
    const end = Math.min(knownEnd ?? (entry.inProduction ? todayIdx : start + GUESS_MONTHS), todayIdx);
    if (end < start) continue; // not built yet on `today`
    const usEnd = Math.min(end, todayIdx - 25 * 12 - 1);
    const isKnown = knownStart !== null && knownEnd !== null;
    const listed = entry.transmissions;
    const hasAuto = listed.length === 0 || listed.some((t) => t.endsWith("AT"));
    out.push({ entry, start, end, usEnd, isKnown, hasAuto, hasAgs: listed.some((t) => t.includes("AGS")) });
  }
  return out;
}

/** Make by MAKE_SHARES, then code by window length; null when no code fits the location. */
function codePool(codes: readonly Code[], isUs: boolean): Sampler<Code> | null {
  const buckets = new Map<string, [Code, number][]>();
  for (const c of codes) {
    const last = isUs ? c.usEnd : c.end;
    if (last < c.start) continue;
    const weight = clamp((last - c.start + 1) / 12, 0.5, 8) * (c.isKnown ? 1 : 0.25);
    const key = Object.hasOwn(MAKE_SHARES, c.entry.make) ? c.entry.make : "other";
    buckets.set(key, [...(buckets.get(key) ?? []), [c, weight]]);
  }
  if (buckets.size === 0) return null;
  const makes = sampler(
    [...buckets].map(([k, list]) => [sampler(list), MAKE_SHARES[k] ?? OTHER_MAKES_SHARE] as const),
  );
  return (rng) => makes(rng)(rng);
}

function sellerPickers(opts: DemoListingOptions): {
  us: Sampler<DemoSeller | number>;
  jp: Sampler<DemoSeller | number>;
} {
  const profiles = opts.sellerProfiles;
  // Without profiles, a few sellers (the dealers, say) carry many listings: index ~ sellers * u^2.
  if (!profiles) {
    const skewed = (rng: Rng) => Math.floor(opts.sellers * rng() ** 2);
    return { us: skewed, jp: skewed };
  }
  if (profiles.length !== opts.sellers) throw new RangeError("sellerProfiles must have `sellers` entries");
  const us = sampler(profiles.map((s) => [s, s.kind === "dealer" ? 5 : 1] as const));
  const dealers = profiles.filter((s) => s.kind === "dealer");
  return { us, jp: dealers.length > 0 ? sampler(dealers.map((s) => [s, 1] as const)) : us };
}

function transmissionOf(rng: Rng, { hasAuto, hasAgs }: Code): Transmission {
  const r = rng();
  if (r < 0.75 || (!hasAuto && !hasAgs)) return "manual";
  if (r < 0.98) return hasAuto ? "automatic" : "other";
  return hasAgs ? "other" : "automatic";
}

interface Context {
  todayIdx: number;
  usPool: Sampler<Code> | null;
  jpPool: Sampler<Code>;
  state: Sampler<string>;
  homeStates: ReadonlySet<string>;
  sellers: ReturnType<typeof sellerPickers>;
  /** One shared string per build month (index = months since year 0). */
  months: Map<number, YearMonth>;
}

function monthString(ctx: Context, idx: number): YearMonth {
  let m = ctx.months.get(idx);
  if (m === undefined) {
    m = makeYearMonth(Math.floor(idx / 12), (idx % 12) + 1);
    ctx.months.set(idx, m);
  }
  return m;
}

export function generateDemoListings(opts: DemoListingOptions): DemoListing[] {
  const { count, sellers } = opts;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number: ${count}`);
  if (!Number.isInteger(sellers) || sellers < 1)
    throw new RangeError(`sellers must be at least 1: ${sellers}`);
  if (opts.stateCodes.length === 0) throw new RangeError("stateCodes is empty");
  const { year, month } = dateParts(opts.today);
  const todayIdx = year * 12 + month - 1;
  const codes = usableCodes(opts.catalog, todayIdx);
  const jpPool = codePool(codes, false);
  if (!jpPool) throw new RangeError("the catalog has no chassis code with a production window before today");
  const ctx: Context = {
    todayIdx,
    usPool: codePool(codes, true),
    jpPool,
    state: stateSampler(opts.stateCodes),
    homeStates: new Set(opts.stateCodes),
    sellers: sellerPickers(opts),
    months: new Map(),
  };
  const rng = streamOf(opts.seed, 0x4c495354);
  const out: DemoListing[] = [];
  for (let i = 0; i < count; i++) out.push(generateOne(rng, ctx));
  return out;
}

// One object literal of a fixed shape per listing: a rest/spread copy of 25 fields made the GC the
// bottleneck at 100,000 listings.
function generateOne(rng: Rng, ctx: Context): DemoListing {
  const isUs = ctx.usPool !== null && rng() < US_SHARE;
  const code = isUs ? ctx.usPool!(rng) : ctx.jpPool(rng);
  const entry = code.entry;
  const buildIdx = code.start + Math.floor(rng() * ((isUs ? code.usEnd : code.end) - code.start + 1));
  const year = Math.floor(buildIdx / 12);
  const age = (ctx.todayIdx - buildIdx) / 12;
  const fourWd = entry.drive === "4WD" || (entry.drive !== "2WD" && rng() < 0.6);
  const hasFrame = rng() < 0.9;
  const serial =
    rng() < 0.8 ? 100_000 + Math.floor(rng() * 900_000) : 1_000_000 + Math.floor(rng() * 9_000_000);
  const km = clamp(
    Math.round((9000 + 2300 * age) * Math.exp(0.45 * normal(rng)) * 0.01) * 100,
    15_000,
    180_000,
  );
  const bedType = BED(rng);
  const highLowRange = fourWd && rng() < 0.5;
  const diffLock = fourWd && rng() < (highLowRange ? 0.7 : 0.25);
  const condition = CONDITION(rng);
  const noise = normal(rng);
  const priced = { make: entry.make, age, mileageKm: km, fourWd, bedType, condition };
  const seller = (isUs ? ctx.sellers.us : ctx.sellers.jp)(rng);
  const home = typeof seller === "number" ? null : seller.homeState;
  const usState = !isUs
    ? null
    : home !== null && ctx.homeStates.has(home) && rng() < 0.85
      ? home
      : ctx.state(rng);
  const createdDaysAgo = Math.floor(rng() * 121);
  const r = rng();
  const listing: DemoListing = {
    location: isUs ? "us" : "jp",
    title: "",
    frameNumber: hasFrame ? `${entry.framePrefix}-${serial}` : null,
    driveOverride: entry.drive === "both" || !hasFrame ? (fourWd ? "4WD" : "2WD") : null,
    make: entry.make,
    model: entry.model,
    buildMonth: monthString(ctx, buildIdx),
    ageEvidence: isUs ? US_EVIDENCE(rng) : JP_EVIDENCE(rng),
    mileageKm: km,
    transmission: transmissionOf(rng, code),
    bedType,
    highLowRange,
    diffLock,
    condition,
    auctionGrade: !isUs && rng() < 0.6 ? pickOne(rng, GRADES[condition]) : null,
    description: "",
    priceUsdCents: isUs ? demoPriceUsdCents(priced, noise) : null,
    priceJpy: isUs ? null : demoPriceJpy(priced, noise),
    usState,
    zip: usState === null ? null : demoZip(rng, usState),
    titleStatus: isUs ? US_TITLE(rng) : null,
    jpPort: isUs ? null : pickOne(rng, JP_PORTS),
    sellerIndex: typeof seller === "number" ? seller : seller.index,
    createdDaysAgo,
    status: r < 0.03 + (0.08 * createdDaysAgo) / 120 ? "sold" : r >= 0.97 ? "withdrawn" : "active",
    photoSeed: Math.floor(rng() * 4294967296),
    photoCount: Number(PHOTO_COUNT(rng)),
  };
  listing.title = demoTitle(rng, listing, year, fourWd);
  listing.description = demoDescription(rng, listing, year, fourWd);
  return listing;
}
