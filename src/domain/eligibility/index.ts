// Import eligibility of a kei truck: the FMVSS 25-year rule (the verdict), EPA code E, the Section 232 age
// exclusion, tariff classification and a kei-era sanity check; plus whole-model answers for the catalog.
export { checkEpa, checkSection232, evidenceYear, section232MinYears } from "./age-tests.js";
export { checkImportEligibility, verdictOf } from "./check.js";
export { classifyDuty, DEFAULT_VEHICLE_CLASS } from "./duty.js";
export {
  COMMON_PRACTICE_LABEL,
  checkFmvss,
  commonPracticeFromMonth,
  conservativeFromMonth,
  eligibleFromBuildDate,
} from "./fmvss.js";
export { checkKeiEra, findKeiEra } from "./kei-era.js";
export {
  type CrossingCode,
  type CrossingMonth,
  checkModelEligibility,
  codesCrossingIn,
  crossingDates,
  earliestBuild,
  latestBuild,
  type ModelEligibility,
  type ModelStatus,
} from "./model.js";
export type * from "./types.js";
