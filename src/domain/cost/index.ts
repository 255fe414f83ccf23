// The landed-cost engine: yen price -> delivered and registered total, itemized with sources.
export { NOT_INCLUDED_REASON } from "./customs-value.js";
export { DEFAULT_HTS, dutiableHtsLines, dutyRateFor } from "./duty.js";
export { LandedCostError, type LandedCostErrorCode } from "./errors.js";
export { computeLandedCost } from "./landed-cost.js";
export { fiscalYearOf, type MpfResult, mpfFor } from "./mpf.js";
export { findStateFees, stateCharges } from "./state-charges.js";
export {
  type AgeStatus,
  ageStatusFor,
  JAPAN_ALL_IN_PPM,
  overlaysInForce,
  tariffOverlayLines,
} from "./tariffs.js";
export type * from "./types.js";
export { typicalRangeFor, USER_INPUT_SOURCE } from "./typical.js";
