// Column-1 ("general") duty by HTS line, from import-rules.json `duty`. A kei truck (8704.31.0120) pays
// the 25% "chicken tax"; a kei passenger van (8703.21.0150) pays 2.5%. Headings CBP has rejected for kei
// vehicles are in the data with rate null so the engine can say why they are not offered.
import type { ImportRules } from "../../facts/schemas.js";
import { LandedCostError } from "./errors.js";

export const DEFAULT_HTS = "8704.31.0120";

export type DutyRecord = ImportRules["duty"][number];

export interface DutyRate {
  record: DutyRecord;
  rate: number;
}

/** The HTS lines with a duty rate, for a picker. */
export function dutiableHtsLines(rules: ImportRules): DutyRecord[] {
  return rules.duty.filter((d) => d.rate !== null);
}

/**
 * The column-1 rate of `hts`. Throws LandedCostError "unknown_hts" for a code not in the data, and
 * "hts_not_applicable" for one listed with rate null (its rateText and notes explain why).
 */
export function dutyRateFor(hts: string, rules: ImportRules): DutyRate {
  const code = hts.trim();
  const record = rules.duty.find((d) => d.hts === code);
  if (!record) {
    const known = dutiableHtsLines(rules)
      .map((d) => d.hts)
      .join(", ");
    throw new LandedCostError(
      "unknown_hts",
      `HTS ${code} is not a kei vehicle line we know (use ${known})`,
      "hts",
    );
  }
  if (record.rate === null)
    throw new LandedCostError(
      "hts_not_applicable",
      `HTS ${code}: ${record.rateText}. ${record.notes}`,
      "hts",
    );
  return { record, rate: record.rate };
}
