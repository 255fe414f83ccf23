// What a seller may send to create or edit a listing. One schema for the HTML form (strings, checkboxes)
// and the JSON API: empty strings mean "not given", numbers may arrive as text.
import { z } from "zod";
import {
  AGE_EVIDENCE,
  BED_TYPES,
  CONDITIONS,
  LOCATIONS,
  TITLE_STATUSES,
  TRANSMISSIONS,
} from "../domain/listings/types.js";
import { isYearMonth } from "../domain/units/dates.js";
import { amount, multiline, stateCodeString } from "./inputs.schema.js";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());

export const listingInputSchema = z
  .object({
    location: z.enum(LOCATIONS, { error: "say where the truck is: in the US or in Japan" }),
    title: z
      .string()
      .trim()
      .min(3, "give the listing a title of 3 characters or more")
      .max(120, "at most 120 characters"),
    frameNumber: opt(z.string().trim().max(64)),
    driveOverride: opt(z.enum(["2WD", "4WD"], { error: "2WD or 4WD" })),
    make: opt(z.string().trim().max(40)),
    model: opt(z.string().trim().max(60)),
    buildMonth: opt(z.string().trim().refine(isYearMonth, "expected a month YYYY-MM")),
    ageEvidence: z.preprocess(blank, z.enum(AGE_EVIDENCE).default("none")),
    mileageKm: opt(
      amount(
        z.coerce
          .number({ error: "the mileage in whole kilometres, e.g. 85000" })
          .int("the mileage in whole kilometres, e.g. 85000")
          .min(0, "the mileage in whole kilometres, e.g. 85000")
          .max(2_000_000, "at most 2,000,000 km"),
      ),
    ),
    transmission: opt(z.enum(TRANSMISSIONS, { error: `one of ${TRANSMISSIONS.join(", ")}` })),
    bedType: z.preprocess(
      blank,
      z.enum(BED_TYPES, { error: `one of ${BED_TYPES.join(", ")}` }).default("standard"),
    ),
    highLowRange: checkbox.default(false),
    diffLock: checkbox.default(false),
    condition: opt(z.enum(CONDITIONS, { error: `one of ${CONDITIONS.join(", ")}` })),
    auctionGrade: opt(z.string().trim().max(8)),
    description: z.preprocess((v) => v ?? "", multiline(z.string().trim().max(5000))),
    priceUsd: opt(
      amount(
        z.coerce
          .number({ error: "a price in dollars, e.g. 6500" })
          .positive("a price above zero")
          .max(1_000_000, "at most $1,000,000"),
      ),
    ),
    priceJpy: opt(
      amount(
        z.coerce
          .number({ error: "a price in whole yen, e.g. 450000" })
          .int("a price in whole yen, e.g. 450000")
          .positive("a price above zero")
          .max(100_000_000, "at most ¥100,000,000"),
      ),
    ),
    usState: opt(stateCodeString),
    zip: opt(
      z
        .string()
        .trim()
        .regex(/^\d{5}$/, "a 5-digit ZIP code"),
    ),
    titleStatus: opt(z.enum(TITLE_STATUSES, { error: `one of ${TITLE_STATUSES.join(", ")}` })),
    jpPort: opt(z.string().trim().max(40)),
  })
  .refine((v) => v.location !== "us" || v.priceUsd !== undefined, {
    message: "a truck in the US needs a price in dollars",
    path: ["priceUsd"],
  })
  .refine((v) => v.location !== "jp" || v.priceJpy !== undefined, {
    message: "a truck in Japan needs a price in yen",
    path: ["priceJpy"],
  })
  .refine((v) => v.location !== "us" || v.usState !== undefined, {
    message: "say which state the truck is in",
    path: ["usState"],
  })
  .refine((v) => v.buildMonth !== undefined || v.ageEvidence === "none", {
    message: "give the month the evidence shows",
    path: ["buildMonth"],
  });
export type ListingInput = z.infer<typeof listingInputSchema>;

export const statusInputSchema = z.object({
  status: z.enum(["active", "sold", "withdrawn"]),
  /** Marking sold: the buyer's account email, which lets that buyer review the sale (optional). */
  buyerEmail: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().toLowerCase().email("not an email address").max(254).optional(),
  ),
});
