// The fair-price engine: a ridge-regularised log-price model fitted on comparables, the estimate and
// range for one truck, and the Great / Good / Fair / High rating of its price.
export { estimateFairPrice, RANGE_Z } from "./estimate.js";
export {
  DEFAULT_MIN_GROUP_SIZE,
  DEFAULT_OUTLIER_Z,
  DEFAULT_RIDGE,
  fitDealModel,
  SIGMA_FLOOR,
} from "./fit.js";
export { GOOD_Z, RATING_LABELS, rateDeal } from "./rate.js";
export * from "./types.js";
