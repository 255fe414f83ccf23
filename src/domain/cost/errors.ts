// Bad input to the landed-cost engine is a typed error with a closed set of codes, so the edges can map
// it to a 4xx in one table. Policy: `computeLandedCost` THROWS `LandedCostError` (rather than returning
// an error outcome) because every code here is a caller mistake the edge should have caught, not a
// state of the world like "unknown" (which the engine reports as `notIncluded` lines and warnings).
export type LandedCostErrorCode =
  /** The HTS code is not in import-rules.json `duty`. */
  | "unknown_hts"
  /** The HTS code is listed but has no duty rate for kei vehicles (e.g. 8704.10.50, 8709.19). */
  | "hts_not_applicable"
  /** The destination state code is not one of the 50 states and DC in state-fees.json. */
  | "unknown_state"
  /** A number or date that cannot be right (negative yen, zero rate, bad date, duplicate fee id). */
  | "invalid_input";

export class LandedCostError extends Error {
  override name = "LandedCostError";
  constructor(
    readonly code: LandedCostErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
