// The public shape of buying the same truck from a US seller: dollars with two decimals, like the
// landed cost beside it.
import type { UsPurchase } from "../domain/cost/us-purchase.js";
import { centsToDollars } from "../domain/units/money.js";
import { presentLine, presentNotIncluded } from "./cost.present.js";

export function presentUsPurchase(p: UsPurchase) {
  return {
    priceUsd: centsToDollars(p.priceCents),
    totalUsd: centsToDollars(p.totalCents),
    lines: p.lines.map(presentLine),
    notIncluded: p.notIncluded.map(presentNotIncluded),
    warnings: p.warnings,
    state: p.state,
  };
}
export type UsPurchaseView = ReturnType<typeof presentUsPurchase>;
