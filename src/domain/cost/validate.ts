// Guards for the engine's own invariants. The edges validate user input with zod first; these checks
// catch a caller that skipped that (or a bug) with a typed error instead of a wrong number.
import { dateParts, isIsoDate } from "../units/dates.js";
import { LandedCostError } from "./errors.js";
import type { LandedCostInput } from "./types.js";

function wholeAmount(value: number | null | undefined, field: string, unit: string): void {
  if (value === null || value === undefined) return;
  if (!Number.isSafeInteger(value) || value < 0)
    throw new LandedCostError(
      "invalid_input",
      `${field} must be a whole, non-negative number of ${unit}`,
      field,
    );
}

export function validateInput(input: LandedCostInput): void {
  wholeAmount(input.priceJpy, "priceJpy", "yen");
  if (!Number.isFinite(input.jpyPerUsd) || input.jpyPerUsd <= 0)
    throw new LandedCostError(
      "invalid_input",
      "jpyPerUsd must be a positive number of yen per dollar",
      "jpyPerUsd",
    );
  if (!isIsoDate(input.entryDate))
    throw new LandedCostError("invalid_input", "entryDate must be a calendar date (YYYY-MM-DD)", "entryDate");
  if (input.fxRateDate != null && !isIsoDate(input.fxRateDate))
    throw new LandedCostError(
      "invalid_input",
      "fxRateDate must be a calendar date (YYYY-MM-DD)",
      "fxRateDate",
    );
  if (input.buildYear != null) {
    const entryYear = dateParts(input.entryDate).year;
    if (!Number.isInteger(input.buildYear) || input.buildYear < 1900 || input.buildYear > entryYear)
      throw new LandedCostError(
        "invalid_input",
        `buildYear must be a year from 1900 to ${entryYear}`,
        "buildYear",
      );
  }
  const ids = new Set<string>();
  for (const [i, fee] of (input.japanFees ?? []).entries()) {
    wholeAmount(fee.jpy, `japanFees[${i}].jpy`, "yen");
    if (fee.id.trim() === "" || ids.has(fee.id))
      throw new LandedCostError(
        "invalid_input",
        `japanFees[${i}].id must be non-empty and unique`,
        `japanFees[${i}].id`,
      );
    ids.add(fee.id);
  }
  wholeAmount(input.freightUsd, "freightUsd", "cents");
  wholeAmount(input.insuranceJpy, "insuranceJpy", "yen");
  for (const [key, value] of Object.entries(input.usCosts ?? {}))
    wholeAmount(value, `usCosts.${key}`, "cents");
}
