// Placing a ZIP the user gave (a search near it, a listing's own), or refusing it with the field named:
// one rule and one message for every place a ZIP must be found on the map.
import { type PlacedZip, placeZip } from "../domain/geo/zip-distance.js";
import { zipTableOf } from "../facts/load.js";
import type { Facts } from "../facts/schemas.js";
import { AppError } from "./app-error.js";

/** Where a 5-digit ZIP is, or a 400 on `field` that says why it cannot be placed. */
export function placeZipOrRefuse(facts: Facts, zip: string, field: string): PlacedZip {
  const table = zipTableOf(facts);
  const placed = table ? placeZip(table, zip) : null;
  if (!placed)
    throw new AppError(
      "invalid_input",
      `${field}: ZIP ${zip} is not one we can place (it is not in the Census Bureau's 2021 ZIP areas, nor is any ZIP starting ${zip.slice(0, 3)}): try a nearby ZIP`,
      field,
    );
  return placed;
}
