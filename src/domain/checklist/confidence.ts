// Confidence strings in the fact data are free text ("high", "low-medium (vendor prices)",
// "high (rule); low (prices)"); a step shows "confirm with …" whenever the lowest part is below high.
import { isBelowHighConfidence } from "../eligibility/duty.js";

export const CONFIRM_BROKER = "Confirm with your customs broker";
export const CONFIRM_DMV = "Confirm with your DMV";

function rank(confidence: string): number {
  if (/\blow\b/i.test(confidence)) return 0;
  if (/\bmedium\b/i.test(confidence)) return 1;
  return isBelowHighConfidence(confidence) ? 0 : 2;
}

/** The weakest of several confidence strings (the first of equals), as written in the data. */
export function lowestConfidence(values: readonly string[]): string {
  let lowest = values[0] ?? "unknown";
  for (const v of values) if (rank(v) < rank(lowest)) lowest = v;
  return lowest;
}

/** The values of a confidence that the data gives either as one string or as an object of strings. */
export function confidenceValues(confidence: unknown, keys?: readonly string[]): string[] {
  if (typeof confidence === "string") return [confidence];
  if (confidence === null || typeof confidence !== "object") return ["unknown"];
  const record = confidence as Record<string, unknown>;
  const picked = (keys ?? Object.keys(record)).map((k) => record[k]);
  const strings = picked.filter((v): v is string => typeof v === "string");
  return strings.length > 0 ? strings : ["unknown"];
}

export function confirmWith(confidence: string | null, who: string): string | null {
  if (confidence === null || !isBelowHighConfidence(confidence)) return null;
  return who;
}
