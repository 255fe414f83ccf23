// The listing aggregate: a truck for sale, its photos, and its history of events.
import { type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  char,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { checkOneOf } from "./checks.js";
import { users } from "./users.js";

export const LISTING_STATUSES = ["active", "sold", "withdrawn"] as const;
export const LISTING_LOCATIONS = ["us", "jp"] as const;
export const DRIVES = ["2WD", "4WD", "both"] as const;
export const AGE_EVIDENCE = ["build_date", "build_month", "first_registration", "none"] as const;
export const TRANSMISSIONS = ["manual", "automatic", "other"] as const;
export const BED_TYPES = ["standard", "dump", "scissor_dump", "panel", "other"] as const;
export const CONDITIONS = ["excellent", "good", "fair", "project"] as const;
export const TITLE_STATUSES = ["clean", "salvage", "rebuilt", "export_certificate", "none"] as const;
export const LISTING_EVENT_KINDS = ["created", "edited", "price_changed", "status_changed"] as const;

// Drizzle has no tsvector column; the value is only ever written by PostgreSQL itself.
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The one definition of what full-text search sees; 'simple' because model names are not English. */
const searchDocument: SQL = sql.raw(
  `to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(make, '') || ' ' || coalesce(model, '') || ' ' || coalesce(chassis_code, '') || ' ' || coalesce(description, ''))`,
);

/** The expression of listings_facet_tokens_idx; null columns give null elements, which match nothing. */
export function listingFacetTokens(t: {
  drive: AnyPgColumn;
  bedType: AnyPgColumn;
  transmission: AnyPgColumn;
  location: AnyPgColumn;
  usState: AnyPgColumn;
}): SQL {
  return sql`(array['d:' || ${t.drive}, 'b:' || ${t.bedType}, 't:' || ${t.transmission}, 'l:' || ${t.location}, 's:' || ${t.usState}])`;
}

/**
 * The deal sort's first key: great, good, fair, high, then unrated. One definition, used by the sort
 * (db/repos/search-filters.ts) and by the index that serves it, so PostgreSQL sees the same expression.
 */
export function dealRank(t: { dealRating: AnyPgColumn }): SQL {
  return sql`(case ${t.dealRating} when 'great' then 0 when 'good' then 1 when 'fair' then 2 when 'high' then 3 else 4 end)`;
}

/** The deal sort's second key: how far under (negative) or over its fair price a listing is asked. */
export function dealGap(t: { landedUsdCents: AnyPgColumn; fairPriceCents: AnyPgColumn }): SQL {
  return sql`(${t.landedUsdCents} - ${t.fairPriceCents})`;
}

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const listings = pgTable(
  "listings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sellerId: bigint("seller_id", { mode: "number" })
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: LISTING_STATUSES }).notNull().default("active"),
    location: text("location", { enum: LISTING_LOCATIONS }).notNull(),
    title: text("title").notNull(),
    frameNumber: text("frame_number"),
    chassisCode: text("chassis_code"),
    serial: text("serial"),
    make: text("make").notNull(),
    model: text("model").notNull(),
    generationLabel: text("generation_label"),
    drive: text("drive", { enum: DRIVES }),
    engineCode: text("engine_code"),
    displacementCc: integer("displacement_cc"),
    /** YYYY-MM, as printed on the build plate. */
    buildMonth: text("build_month"),
    ageEvidence: text("age_evidence", { enum: AGE_EVIDENCE }).notNull().default("none"),
    year: integer("year"),
    mileageKm: integer("mileage_km"),
    transmission: text("transmission", { enum: TRANSMISSIONS }),
    bedType: text("bed_type", { enum: BED_TYPES }).notNull().default("standard"),
    highLowRange: boolean("high_low_range").notNull().default(false),
    diffLock: boolean("diff_lock").notNull().default(false),
    condition: text("condition", { enum: CONDITIONS }),
    auctionGrade: text("auction_grade"),
    description: text("description").notNull().default(""),
    /** US listings are priced in dollars (cents)... */
    priceUsdCents: bigint("price_usd_cents", { mode: "number" }),
    /** ...Japan listings in yen; the CHECK below keeps the two from mixing. */
    priceJpy: bigint("price_jpy", { mode: "number" }),
    usState: char("us_state", { length: 2 }),
    zip: text("zip"),
    titleStatus: text("title_status", { enum: TITLE_STATUSES }),
    jpPort: text("jp_port"),
    /** Conservative FMVSS 25-year date, computed by the app (domain/eligibility). */
    eligibleFrom: date("eligible_from", { mode: "string" }),
    /** State-independent landed cost: the price for US listings, landed federal cost for Japan ones. */
    landedUsdCents: bigint("landed_usd_cents", { mode: "number" }),
    fairPriceCents: bigint("fair_price_cents", { mode: "number" }),
    dealRating: text("deal_rating"),
    comparables: integer("comparables"),
    isDemo: boolean("is_demo").notNull().default(false),
    views: integer("views").notNull().default(0),
    searchText: tsvector("search_text").generatedAlwaysAs(searchDocument),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    soldAt: timestamp("sold_at", { withTimezone: true }),
    /** The buyer's account, when the seller names it on marking the listing sold: it allows one review. */
    soldToId: bigint("sold_to_id", { mode: "number" }).references(() => users.id, { onDelete: "set null" }),
    /** When the asking price last changed (null: never changed since listing). */
    priceChangedAt: timestamp("price_changed_at", { withTimezone: true }),
    /** Percent below the previous asking price when the last change was a drop; null otherwise. */
    priceDropPercent: real("price_drop_percent"),
  },
  (t) => {
    const active = sql`${t.status} = 'active'`;
    return [
      index("listings_search_text_idx").using("gin", t.searchText),
      // Trigram indexes make typo-tolerant model / chassis lookups ("cary" -> Carry) index-backed.
      index("listings_model_trgm_idx").using("gin", sql`lower(${t.model}) gin_trgm_ops`),
      index("listings_chassis_code_trgm_idx").using("gin", sql`lower(${t.chassisCode}) gin_trgm_ops`),
      // Search filters on the exact chassis codes a query's words are similar to (db/repos/search-terms.ts).
      index("listings_chassis_code_idx").on(t.chassisCode),
      // Search's single-value facets as tokens ('d:4WD', 'l:jp'): one GIN intersection answers any mix of
      // them, and combines with the full-text index, so a narrow search never reads the rows it excludes.
      // db/repos/search-filters.ts queries through listingFacetTokens too; a test checks the plan uses it.
      index("listings_facet_tokens_idx").using("gin", listingFacetTokens(t)),
      // NULLS FIRST is what a plain ORDER BY created_at DESC asks for; drizzle would otherwise say NULLS LAST.
      index("listings_status_created_at_idx").on(t.status, t.createdAt.desc().nullsFirst()),
      index("listings_make_model_idx").on(t.make, t.model),
      index("listings_landed_usd_cents_idx").on(t.landedUsdCents),
      index("listings_year_idx").on(t.year),
      index("listings_mileage_km_idx").on(t.mileageKm),
      index("listings_eligible_from_idx").on(t.eligibleFrom),
      index("listings_seller_id_idx").on(t.sellerId),
      index("listings_sold_to_id_idx").on(t.soldToId),
      index("listings_price_drop_percent_idx").on(t.priceDropPercent),
      // One index per search sort, in the sort's exact order with its tie-break (id desc), over active
      // listings only: a page of a broad search is then read off the index, never sorted from every match
      // (db/repos/search-page.ts). A test holds each sort's plan to its index.
      index("listings_active_newest_idx")
        .on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
        .where(active),
      index("listings_active_oldest_idx").on(t.createdAt.asc(), t.id.desc().nullsFirst()).where(active),
      index("listings_active_landed_idx")
        .on(t.landedUsdCents.asc().nullsLast(), t.id.desc().nullsFirst())
        .where(active),
      // Cheapest first among US (or Japan) listings only: Japan's landed prices are mostly the lower ones,
      // so "in the US, cheapest first" would otherwise walk past every Japan listing first.
      index("listings_active_location_landed_idx")
        .on(t.location, t.landedUsdCents.asc().nullsLast(), t.id.desc().nullsFirst())
        .where(active),
      index("listings_active_landed_desc_idx")
        .on(t.landedUsdCents.desc().nullsLast(), t.id.desc().nullsFirst())
        .where(active),
      index("listings_active_year_idx").on(t.year.asc().nullsLast(), t.id.desc().nullsFirst()).where(active),
      index("listings_active_year_desc_idx")
        .on(t.year.desc().nullsLast(), t.id.desc().nullsFirst())
        .where(active),
      index("listings_active_mileage_idx")
        .on(t.mileageKm.asc().nullsLast(), t.id.desc().nullsFirst())
        .where(active),
      index("listings_active_price_drop_idx")
        .on(t.priceDropPercent.desc().nullsLast(), t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
        .where(active),
      index("listings_active_deal_idx")
        .using("btree", dealRank(t), sql`${dealGap(t)} nulls last`, t.id.desc().nullsFirst())
        .where(active),
      // A search near a ZIP first reads the active US listings' ZIPs, each once (services/search.ts).
      index("listings_active_us_zip_idx")
        .on(t.zip)
        .where(sql`${t.status} = 'active' and ${t.location} = 'us'`),
      // The price currency follows the truck's location; the other price stays empty.
      check(
        "listings_price_matches_location",
        sql`(${t.location} = 'us' and ${t.priceUsdCents} is not null and ${t.priceJpy} is null) or (${t.location} = 'jp' and ${t.priceJpy} is not null and ${t.priceUsdCents} is null)`,
      ),
      check("listings_price_usd_positive", sql`${t.priceUsdCents} > 0`),
      check("listings_price_jpy_positive", sql`${t.priceJpy} > 0`),
      check("listings_mileage_nonnegative", sql`${t.mileageKm} >= 0`),
      checkOneOf("listings_status_check", t.status, LISTING_STATUSES),
      checkOneOf("listings_location_check", t.location, LISTING_LOCATIONS),
      checkOneOf("listings_drive_check", t.drive, DRIVES),
      checkOneOf("listings_age_evidence_check", t.ageEvidence, AGE_EVIDENCE),
      checkOneOf("listings_transmission_check", t.transmission, TRANSMISSIONS),
      checkOneOf("listings_bed_type_check", t.bedType, BED_TYPES),
      checkOneOf("listings_condition_check", t.condition, CONDITIONS),
      checkOneOf("listings_title_status_check", t.titleStatus, TITLE_STATUSES),
    ];
  },
);

export const listingPhotos = pgTable(
  "listing_photos",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    listingId: bigint("listing_id", { mode: "number" })
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    storageKey: text("storage_key").notNull(),
    width: integer("width"),
    height: integer("height"),
    createdAt: createdAt(),
  },
  (t) => [unique("listing_photos_listing_id_position_key").on(t.listingId, t.position)],
);

export const listingEvents = pgTable(
  "listing_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    listingId: bigint("listing_id", { mode: "number" })
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: LISTING_EVENT_KINDS }).notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("listing_events_listing_id_at_idx").on(t.listingId, t.at),
    checkOneOf("listing_events_kind_check", t.kind, LISTING_EVENT_KINDS),
  ],
);

/** Every asking price a listing has had, the first one included: the listing page's step chart. */
export const listingPrices = pgTable(
  "listing_prices",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    listingId: bigint("listing_id", { mode: "number" })
      .notNull()
      .references(() => listings.id, { onDelete: "cascade" }),
    priceUsdCents: bigint("price_usd_cents", { mode: "number" }),
    priceJpy: bigint("price_jpy", { mode: "number" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("listing_prices_listing_id_at_idx").on(t.listingId, t.at),
    check("listing_prices_one_currency", sql`(${t.priceUsdCents} is null) <> (${t.priceJpy} is null)`),
  ],
);

export type Listing = typeof listings.$inferSelect;
export type NewListing = typeof listings.$inferInsert;
export type ListingPhoto = typeof listingPhotos.$inferSelect;
export type NewListingPhoto = typeof listingPhotos.$inferInsert;
export type ListingEvent = typeof listingEvents.$inferSelect;
export type ListingPrice = typeof listingPrices.$inferSelect;
export type NewListingEvent = typeof listingEvents.$inferInsert;
