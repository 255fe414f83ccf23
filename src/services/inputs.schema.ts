// Input schemas shared by the CLI and the JSON API: one definition of what a valid question is, so the
// two faces cannot drift. Each edge parses with these and turns the first issue into an AppError.
import { z } from "zod";
import { isIsoDate, isYearMonth } from "../domain/units/dates.js";
import { AppError } from "./app-error.js";

/** A row id in a URL (/trucks/12): a positive whole number a JavaScript number holds exactly. */
/**
 * Text from a <textarea>: browsers send each line break as CR LF, two characters where the field's
 * `maxlength` counted one, so a text the browser let through could be refused here. Line breaks are
 * made LF before the schema checks the length (and are stored that way).
 */
export function multiline<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" ? v.replace(/\r\n?/g, "\n") : v), schema);
}

export const idParam = z.coerce
  .number({ error: "expected an id: a whole number" })
  .int("expected an id: a whole number")
  .positive("expected an id: a whole number")
  .max(Number.MAX_SAFE_INTEGER, "expected an id: a whole number");

// The patterns give the shape (the API reference shows them); the refinements the calendar.
export const isoDateString = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a calendar date YYYY-MM-DD")
  .refine(isIsoDate, { message: "expected a calendar date YYYY-MM-DD" });
export const yearMonthString = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}$/, "expected a month YYYY-MM")
  .refine(isYearMonth, { message: "expected a month YYYY-MM" });
export const builtString = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, "expected a build month YYYY-MM or date YYYY-MM-DD")
  .refine((s) => isYearMonth(s) || isIsoDate(s), {
    message: "expected a build month YYYY-MM or date YYYY-MM-DD",
  });
/** An account named by its email (the operator's commands): trimmed and lower-cased as stored. */
export const accountEmailString = z
  .string()
  .trim()
  .toLowerCase()
  .email("expected an account's email address");

export const stateCodeString = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "expected a two-letter state code such as TX")
  .transform((s) => s.toUpperCase());
export const frameInputString = z.string().trim().min(1, "expected a frame number or chassis code").max(64);

/**
 * A number as people type amounts: "400,000", "$6,500" and "¥400 000" are 400000, 6500 and 400000
 * (a currency sign in front, thousands separated by commas, spaces or underscores).
 */
export function amount<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .trim()
            .replace(/^[$¥＄￥]/, "")
            .replace(/(?<=\d)[,\s_](?=\d{3}(?!\d))/g, "")
        : v,
    schema,
  );
}

/** An amount in US dollars from 0 to `max`. */
export const usdAmount = (max: number) =>
  amount(
    z.coerce
      .number({ error: "expected an amount in dollars, e.g. 1400" })
      .finite("expected an amount in dollars, e.g. 1400")
      .min(0, "expected an amount of at least 0")
      .max(max, `expected at most $${max.toLocaleString("en-US")}`),
  );

/** Whole yen from 0 to `max`. */
export const wholeYen = (max: number) =>
  amount(z.coerce.number({ error: "expected whole yen" }).int("expected whole yen").min(0).max(max));

/** Yen per US dollar: the rate a cost is computed at. */
export const fxRate = z.coerce
  .number({ error: "expected JPY per USD, e.g. 150" })
  .finite("expected JPY per USD, e.g. 150")
  .gt(10, "expected JPY per USD above 10, e.g. 150")
  .lt(1000, "expected JPY per USD below 1,000, e.g. 150");

export const vehicleClassSchema = z.enum(["kei_truck", "kei_dump", "deck_van", "kei_van_passenger"]);

export const eligibilityInputSchema = z
  .object({
    frame: frameInputString.optional(),
    built: builtString.optional(),
    firstRegistered: yearMonthString.optional(),
    on: isoDateString.optional(),
    vehicleClass: vehicleClassSchema.optional(),
  })
  .strict()
  .refine((v) => !(v.built && v.firstRegistered), {
    message: "give either the build date or the first-registration month, not both",
    path: ["firstRegistered"],
  })
  .refine((v) => v.frame || v.built || v.firstRegistered, {
    message: "give a frame number, a build month (built) or a first-registration month (firstRegistered)",
    path: ["built"],
  });
export type EligibilityInputQuery = z.infer<typeof eligibilityInputSchema>;

/** The costs a buyer may quote besides the price: the same fields for one truck (cost) and a lot list (lots). */
export const perTruckCostFields = {
  japanFeesJpy: wholeYen(100_000_000).optional(),
  freightUsd: usdAmount(100_000).optional(),
  insuranceJpy: wholeYen(10_000_000).optional(),
  brokerUsd: usdAmount(100_000).optional(),
  portUsd: usdAmount(100_000).optional(),
  deliveryUsd: usdAmount(100_000).optional(),
  isfBondUsd: usdAmount(100_000).optional(),
  customsBondUsd: usdAmount(100_000).optional(),
};

export const costInputSchema = z
  .object({
    priceJpy: amount(
      z.coerce
        .number({ error: "expected the price in whole yen, e.g. 400000" })
        .int("expected whole yen")
        .min(1)
        .max(1_000_000_000),
    ),
    fx: fxRate.optional(),
    /** The date of the rate in `fx`, shown with it. */
    fxDate: isoDateString.optional(),
    entry: isoDateString.optional(),
    built: z
      .string()
      .trim()
      .refine((s) => /^\d{4}$/.test(s) || isYearMonth(s) || isIsoDate(s), {
        message: "expected a build year YYYY, month YYYY-MM or date YYYY-MM-DD",
      })
      .optional(),
    ...perTruckCostFields,
    to: stateCodeString.optional(),
    hts: z.string().trim().min(4).max(20).optional(),
    hmf: z.enum(["true", "false"]).optional(),
  })
  .strict();
export type CostInputQuery = z.infer<typeof costInputSchema>;

/** The /cost page's form: the same question, plus a US seller's price to compare against. */
export const costPageInputSchema = costInputSchema.extend({ usPriceUsd: usdAmount(1_000_000).optional() });
export type CostPageQuery = z.infer<typeof costPageInputSchema>;

export const legalInputSchema = z.object({ code: stateCodeString, on: isoDateString.optional() }).strict();

/**
 * Where a NUL character sits in an input ("email", "items.2.name"), or null. PostgreSQL text cannot
 * hold one: let through, it fails the query, as a server error instead of a bad request.
 */
function nulAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (value === null || typeof value !== "object" || depth > 8) return null;
  for (const [k, v] of Object.entries(value)) {
    const at = nulAt(v, path === "" ? k : `${path}.${k}`, depth + 1);
    if (at !== null) return at;
  }
  return null;
}

/** An issue as the user reads it: "field: message", or the message alone for the input as a whole. */
function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `unknown parameter: ${issue.keys.join(", ")}`;
  const field = issue.path.map(String).join(".");
  return field ? `${field}: ${issue.message}` : issue.message;
}

/**
 * Parse or throw an AppError naming the first bad field; when there are more, `details.issues` lists
 * every one (a form shows them all at once rather than one per try).
 */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const nul = nulAt(value, "");
  if (nul !== null)
    throw new AppError(
      "invalid_input",
      `${nul === "" ? "" : `${nul}: `}text may not contain a NUL character`,
      nul || undefined,
    );
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const all = result.error.issues;
  const issue = all[0]!;
  const field =
    issue.code === "unrecognized_keys" ? issue.keys[0] : issue.path.map(String).join(".") || undefined;
  const issues = [...new Set(all.map(issueText))];
  throw new AppError("invalid_input", issueText(issue), field, issues.length > 1 ? { issues } : undefined);
}
