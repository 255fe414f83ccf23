// The public shape of a landed-cost answer (CLI --json and /api/v1/cost): dollars as numbers with two
// decimals, the field names the issue fixes, and every line with its source.
import type { CostLine, LandedCost, NotIncluded } from "../domain/cost/types.js";
import { centsToDollars, type UsdCents } from "../domain/units/money.js";

const usd = (c: UsdCents) => centsToDollars(c);

export function presentLine(l: CostLine) {
  return {
    id: l.id,
    label: l.label,
    usd: usd(l.cents),
    estimate: l.estimate,
    group: l.group,
    ...(l.note ? { note: l.note } : {}),
    source: l.source,
  };
}

export function presentNotIncluded(n: NotIncluded) {
  return {
    id: n.id,
    label: n.label,
    reason: n.reason,
    group: n.group,
    ...(n.note ? { note: n.note } : {}),
    typicalRange: n.typicalRange
      ? {
          lowUsd: usd(n.typicalRange.low),
          highUsd: usd(n.typicalRange.high),
          basis: n.typicalRange.basis,
          confidence: n.typicalRange.confidence,
          sources: n.typicalRange.sources,
        }
      : null,
    source: n.source,
  };
}

export function presentLandedCost(c: LandedCost) {
  return {
    customsValueUsd: usd(c.customsValueCents),
    dutyUsd: usd(c.dutyCents),
    overlaysUsd: usd(c.overlayCents),
    mpfUsd: usd(c.mpfCents),
    hmfUsd: usd(c.hmfCents),
    federalChargesUsd: usd(c.federalChargesCents),
    totalUsd: usd(c.totalCents),
    lines: c.lines.map(presentLine),
    notIncluded: c.notIncluded.map(presentNotIncluded),
    tariffs: c.tariffs,
    warnings: c.warnings,
    hts: c.hts,
    fx: c.fx,
    entryDate: c.entryDate,
    state: c.state,
    disclaimer: c.disclaimer,
  };
}
export type LandedCostView = ReturnType<typeof presentLandedCost>;
