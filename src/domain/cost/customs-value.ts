// The Japan side: the vehicle price and the Japan-side fees, each converted from yen at the user's rate
// (half-up to the cent, per line), and the customs value they add up to.
//
// Customs value (import-rules.json customsValue.basis: "transaction value (price paid or payable for
// the vehicle as sold for export)"; meta.notes[1]: "FOB-type valuation"): the price plus every
// Japan-side fee paid to get the vehicle onto the ship (auction fee, agent fee, inland transport, port
// handling), because a vehicle "as sold for export" is one delivered to the ship. International freight,
// marine insurance and US duties and fees are excluded (customsValue.excludes), so they are separate
// lines that never enter this sum. A fee marked `dutiable: false` (a bona fide buying commission) is
// shown but left out of the customs value; the default is to include it (conservative, higher duty).
import type { ImportRules } from "../../facts/schemas.js";
import { resolveSources, type Source } from "../sources.js";
import type { IsoDate } from "../units/dates.js";
import { type Jpy, jpyToUsdCents, sumCents, type UsdCents } from "../units/money.js";
import { jpyText } from "./format.js";
import type { CostLine, LandedCostInput, NotIncluded } from "./types.js";
import { typicalRangeFor, USER_INPUT_SOURCE } from "./typical.js";

export const NOT_INCLUDED_REASON = "not included: enter your quote";

/** The typicalCosts items a Japan-side fee list usually covers. */
const JAPAN_FEE_ITEMS = [
  "japan_auction_fee",
  "exporter_service_fee",
  "japan_inland_transport",
  "japan_port_export_handling",
] as const;

export function conversionNote(amount: Jpy, jpyPerUsd: number, date: IsoDate | null): string {
  return `${jpyText(amount)} at ${jpyPerUsd} JPY/USD${date ? ` (rate of ${date})` : ""}`;
}

export interface JapanSide {
  lines: CostLine[];
  customsValue: UsdCents;
  notIncluded: NotIncluded[];
}

export function japanSide(input: LandedCostInput, rules: ImportRules): JapanSide {
  const rate = input.jpyPerUsd;
  const date = input.fxRateDate ?? null;
  const ruleSources: Source[] = [
    USER_INPUT_SOURCE,
    ...resolveSources(rules.customsValue.sources, rules.sources),
  ];
  const vehicle: CostLine = {
    id: "vehicle",
    label: "Vehicle price in Japan",
    cents: jpyToUsdCents(input.priceJpy, rate),
    estimate: false,
    note: `${conversionNote(input.priceJpy, rate, date)}; part of the customs value.`,
    source: ruleSources,
    group: "japan",
  };
  const feeInputs = input.japanFees ?? [];
  const fees = feeInputs.map(
    (f): CostLine => ({
      id: `japan:${f.id}`,
      label: f.label,
      cents: jpyToUsdCents(f.jpy, rate),
      estimate: false,
      note: `${conversionNote(f.jpy, rate, date)}; ${
        f.dutiable === false
          ? "left out of the customs value (marked as a buying commission: confirm with your broker)"
          : "part of the customs value (paid to get the vehicle onto the ship)"
      }.`,
      source: ruleSources,
      group: "japan",
    }),
  );
  const dutiable = [vehicle, ...fees.filter((_, i) => feeInputs[i]?.dutiable !== false)].map((l) => l.cents);

  // No fee list at all: show what is usually paid on top of a hammer price. An empty list means the
  // user has said there is nothing more (an FOB price), so nothing is listed.
  const notIncluded: NotIncluded[] =
    input.japanFees === undefined
      ? JAPAN_FEE_ITEMS.flatMap((item) => {
          const t = rules.typicalCosts.find((c) => c.item === item);
          if (!t) return [];
          const typicalRange = typicalRangeFor(item, rules, rate);
          return [
            {
              id: `japan:${item}`,
              label: t.label,
              reason: NOT_INCLUDED_REASON,
              note: "Skip it if your price is FOB and already covers it.",
              ...(typicalRange ? { typicalRange } : {}),
              group: "japan" as const,
              source: typicalRange?.sources ?? [],
            },
          ];
        })
      : [];

  return { lines: [vehicle, ...fees], customsValue: sumCents(dutiable), notIncluded };
}
