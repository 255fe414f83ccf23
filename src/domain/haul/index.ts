export { findLoad, pieceVolume, weighLine } from "./lines.js";
export { planHaul } from "./plan.js";
export { packTrips } from "./trips.js";
export { haulTruck } from "./truck.js";
export type * from "./types.js";
export * from "./units.js";
