// A marketplace listing as the domain sees it: plain data, no database types. The services map rows to
// and from this shape; the rules (what a listing derives from the knowledge core) take it as input.
import type { YearMonth } from "../units/dates.js";

export const LOCATIONS = ["us", "jp"] as const;
export const BED_TYPES = ["standard", "dump", "scissor_dump", "panel", "other"] as const;
export const TRANSMISSIONS = ["manual", "automatic", "other"] as const;
export const CONDITIONS = ["excellent", "good", "fair", "project"] as const;
export const TITLE_STATUSES = ["clean", "salvage", "rebuilt", "export_certificate", "none"] as const;
export const AGE_EVIDENCE = ["build_month", "first_registration", "none"] as const;
export const DRIVES = ["2WD", "4WD", "both"] as const;
export const LISTING_STATUSES = ["active", "sold", "withdrawn"] as const;

export type ListingLocation = (typeof LOCATIONS)[number];
export type BedType = (typeof BED_TYPES)[number];
export type Transmission = (typeof TRANSMISSIONS)[number];
export type Condition = (typeof CONDITIONS)[number];
export type TitleStatus = (typeof TITLE_STATUSES)[number];
export type ListingAgeEvidence = (typeof AGE_EVIDENCE)[number];
export type Drive = (typeof DRIVES)[number];
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const BED_TYPE_LABELS: Record<BedType, string> = {
  standard: "Standard bed",
  dump: "Dump bed",
  scissor_dump: "Scissor dump",
  panel: "Panel van",
  other: "Other",
};

/** What a seller enters. Make and model come from the frame number when it decodes. */
export interface ListingDraft {
  location: ListingLocation;
  title: string;
  frameNumber: string | null;
  /** Only where the chassis code covers both drivelines: the seller says which this truck has. */
  driveOverride: "2WD" | "4WD" | null;
  /** Needed when there is no decodable frame number. */
  make: string | null;
  model: string | null;
  buildMonth: YearMonth | null;
  ageEvidence: ListingAgeEvidence;
  mileageKm: number | null;
  transmission: Transmission | null;
  bedType: BedType;
  highLowRange: boolean;
  diffLock: boolean;
  condition: Condition | null;
  auctionGrade: string | null;
  description: string;
  /** US listings: asking price in cents. */
  priceUsdCents: number | null;
  /** Japan listings: asking price in yen. */
  priceJpy: number | null;
  usState: string | null;
  zip: string | null;
  titleStatus: TitleStatus | null;
  jpPort: string | null;
}
