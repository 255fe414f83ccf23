export * from "./dates.js";
export * from "./measures.js";
export * from "./money.js";

/** USPS codes of the 50 states and DC. */
export type StateCode = string & { readonly __brand: "StateCode" };
