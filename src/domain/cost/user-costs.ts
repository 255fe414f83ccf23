// Costs only the buyer's own quotes can give: ocean freight, marine insurance and the US side (broker,
// port/terminal, delivery, ISF + bond, customs bond). An amount entered becomes a line; an amount not
// entered goes to `notIncluded` with the typical range where import-rules.json `typicalCosts` has one.
// Never a silent zero, never added to the total.
import type { ImportRules } from "../../facts/schemas.js";
import { resolveSources, type Source } from "../sources.js";
import { type Jpy, jpyToUsdCents, type UsdCents } from "../units/money.js";
import { conversionNote, NOT_INCLUDED_REASON } from "./customs-value.js";
import { field, stringArray } from "./loose.js";
import type { CostGroup, CostLine, LandedCostInput, NotIncluded } from "./types.js";
import { typicalCost, typicalRangeFor, USER_INPUT_SOURCE } from "./typical.js";

interface QuotedItem {
  id: string;
  label: string;
  group: CostGroup;
  /** The typicalCosts item for the range shown when no quote is entered. */
  typicalItem: string;
  cents: UsdCents | null;
  note?: string;
  /** Source ids of the rule behind the line (e.g. why freight is outside the customs value). */
  ruleSourceIds: readonly string[];
}

function items(input: LandedCostInput, rules: ImportRules): QuotedItem[] {
  const us = input.usCosts ?? {};
  const excluded = rules.customsValue.sources;
  const outsideValue = "outside the customs value, so no duty or fees on it (customsValue.excludes).";
  const insurance = input.insuranceJpy ?? null;
  return [
    {
      id: "shipping:freight",
      label: "Ocean freight, Japan to US port",
      group: "shipping",
      typicalItem: "ocean_freight_roro",
      cents: input.freightUsd ?? null,
      note: `Your quote; ${outsideValue}`,
      ruleSourceIds: excluded,
    },
    {
      id: "shipping:insurance",
      label: "Marine insurance",
      group: "shipping",
      typicalItem: "marine_insurance",
      cents: insurance === null ? null : jpyToUsdCents(insurance as Jpy, input.jpyPerUsd),
      note:
        insurance === null
          ? undefined
          : `${conversionNote(insurance as Jpy, input.jpyPerUsd, input.fxRateDate ?? null)}; ${outsideValue}`,
      ruleSourceIds: excluded,
    },
    {
      id: "us:broker",
      label: "Customs broker fee (entry, HS-7 and EPA filing)",
      group: "us",
      typicalItem: "customs_broker_entry_fee",
      cents: us.brokerUsd ?? null,
      ruleSourceIds: [],
    },
    {
      id: "us:customs-bond",
      label: "Single-entry customs bond",
      group: "us",
      typicalItem: "single_entry_bond",
      cents: us.customsBondUsd ?? null,
      ruleSourceIds: [],
    },
    {
      id: "us:isf",
      label: "ISF filing and ISF bond",
      group: "us",
      typicalItem: "isf_filing_and_bond",
      cents: us.isfBondUsd ?? null,
      // fees.isf.source: 19 CFR Part 149, the filing the fee pays for.
      ruleSourceIds: stringArray(field(field(rules.fees, "isf"), "source")),
    },
    {
      id: "us:port",
      label: "US port, terminal and arrival-notice charges",
      group: "us",
      typicalItem: "us_port_terminal_fees",
      cents: us.portUsd ?? null,
      ruleSourceIds: [],
    },
    {
      id: "us:delivery",
      label: "Delivery from the port",
      group: "us",
      typicalItem: "us_inland_delivery",
      cents: us.deliveryUsd ?? null,
      ruleSourceIds: [],
    },
  ];
}

export interface QuotedCosts {
  lines: CostLine[];
  notIncluded: NotIncluded[];
}

export function quotedCosts(input: LandedCostInput, rules: ImportRules): QuotedCosts {
  const out: QuotedCosts = { lines: [], notIncluded: [] };
  for (const item of items(input, rules)) {
    if (item.cents !== null) {
      const source: Source[] = [USER_INPUT_SOURCE, ...resolveSources(item.ruleSourceIds, rules.sources)];
      out.lines.push({
        id: item.id,
        label: item.label,
        cents: item.cents,
        estimate: false,
        note: item.note ?? "Your quote.",
        source,
        group: item.group,
      });
      continue;
    }
    const typicalRange = typicalRangeFor(item.typicalItem, rules, input.jpyPerUsd);
    const t = typicalCost(item.typicalItem, rules);
    out.notIncluded.push({
      id: item.id,
      label: item.label,
      reason: NOT_INCLUDED_REASON,
      note: typicalRange ? undefined : `No typical range in our data${t ? `: ${t.notes}` : "."}`,
      ...(typicalRange ? { typicalRange } : {}),
      group: item.group,
      source: t ? resolveSources(t.source, rules.sources) : [],
    });
  }
  return out;
}
