// Use cases of the knowledge core (here: street legality): validated input + facts + today -> engine ->
// public shape. The CLI and the JSON API both call these, so they answer the same way.
import { findStreetLegality, listStreetLegality } from "../domain/legality/street-legality.js";
import type { IsoDate } from "../domain/units/dates.js";
import type { Facts } from "../facts/schemas.js";
import { presentLegality } from "../present/legality.present.js";
import { AppError } from "./app-error.js";

export function legalityFor(facts: Facts, code: string, on: IsoDate) {
  const found = findStreetLegality(facts.stateRules, code, on);
  if (found.kind === "unknown_state")
    throw new AppError(
      "unknown_state",
      `unknown state code "${found.code}": use a USPS code such as TX or DC`,
      "code",
    );
  return presentLegality(found.legality);
}

export function legalityForAll(facts: Facts, on: IsoDate) {
  return listStreetLegality(facts.stateRules, on).map(presentLegality);
}
