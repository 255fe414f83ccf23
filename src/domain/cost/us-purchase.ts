// Buying the same truck from a seller already in the US: the asking price plus what the buyer's state
// charges to title and register it (state-fees.json), with the tax on the price paid. The state's
// unknowns stay unknown (`notIncluded`), exactly as in the landed cost, so the two compare fairly.
import type { StateFees } from "../../facts/schemas.js";
import { sumCents, type UsdCents } from "../units/money.js";
import { stateCharges } from "./state-charges.js";
import type { CostLine, NotIncluded } from "./types.js";

export interface UsPurchase {
  priceCents: UsdCents;
  /** The state's tax and fees (group "state"); none when no state is given. */
  lines: CostLine[];
  notIncluded: NotIncluded[];
  warnings: string[];
  /** Price plus every line; `notIncluded` is not in it. */
  totalCents: UsdCents;
  state: { code: string; name: string; confidence: string; lastReviewed: string } | null;
}

export function usPurchaseCost(priceCents: UsdCents, fees: StateFees | null): UsPurchase {
  if (!fees)
    return {
      priceCents,
      lines: [],
      notIncluded: [
        {
          id: "state",
          label: "State tax, title and registration",
          reason: "not included: choose a state",
          group: "state",
          source: [],
        },
      ],
      warnings: [],
      totalCents: priceCents,
      state: null,
    };
  const charges = stateCharges(fees, priceCents);
  return {
    priceCents,
    lines: charges.lines,
    notIncluded: charges.notIncluded,
    warnings: [
      ...charges.warnings,
      "Buying from a private seller or a dealer in another state can change the tax you owe: check with your DMV.",
    ],
    totalCents: sumCents([priceCents, ...charges.lines.map((l) => l.cents)]),
    state: {
      code: fees.code,
      name: fees.name,
      confidence: fees.confidence,
      lastReviewed: fees.lastReviewed,
    },
  };
}
