import { NOT_INCLUDED_REASON } from "../../domain/cost/customs-value.js";
import type { IsoDate } from "../../domain/units/dates.js";
import { getFacts } from "../../facts/load.js";
import { costFor } from "../../services/cost.js";
import { costInputSchema, parseInput } from "../../services/inputs.schema.js";
import { type Command, parseFlags, printJson } from "../command.js";

// CLI flag -> API query name: the two faces share one input schema.
const FLAGS = {
  "price-jpy": "priceJpy",
  fx: "fx",
  "fx-date": "fxDate",
  entry: "entry",
  built: "built",
  "japan-fees-jpy": "japanFeesJpy",
  "freight-usd": "freightUsd",
  "insurance-jpy": "insuranceJpy",
  "broker-usd": "brokerUsd",
  "port-usd": "portUsd",
  "delivery-usd": "deliveryUsd",
  "isf-bond-usd": "isfBondUsd",
  "customs-bond-usd": "customsBondUsd",
  to: "to",
  hts: "hts",
} as const;

const money = (n: number) =>
  `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

function formatCost(c: ReturnType<typeof costFor>): string {
  const width = Math.max(...c.lines.map((l) => l.label.length), 20);
  const out = [
    `Landed cost for entry on ${c.entryDate}${c.state ? ` to ${c.state.name}` : ""}`,
    `Exchange rate: ${c.fx.jpyPerUsd} JPY per USD${c.fx.date ? ` (${c.fx.isDefault ? "default, " : ""}rate of ${c.fx.date})` : ""}`,
    `Tariff line: HTS ${c.hts.code}, ${c.hts.rateText}`,
    "",
  ];
  for (const l of c.lines)
    out.push(`  ${l.label.padEnd(width)}  ${money(l.usd).padStart(12)}${l.estimate ? "  (estimate)" : ""}`);
  out.push(`  ${"".padEnd(width, "-")}  ${"".padStart(12, "-")}`);
  out.push(
    `  ${"Federal charges (duty, MPF, HMF)".padEnd(width)}  ${money(c.federalChargesUsd).padStart(12)}`,
  );
  out.push(`  ${"Total".padEnd(width)}  ${money(c.totalUsd).padStart(12)}`);
  if (c.notIncluded.length) {
    out.push("", "Not included (enter your quotes to add them):");
    for (const n of c.notIncluded) {
      // The heading says "not included: enter your quote"; other reasons (an unknown fee) are shown, as
      // on the web page.
      const notes = [
        ...(n.reason === NOT_INCLUDED_REASON ? [] : [n.reason]),
        ...(n.typicalRange
          ? [`typical ${money(n.typicalRange.lowUsd)}-${money(n.typicalRange.highUsd)}`]
          : []),
      ];
      out.push(`  - ${n.label}${notes.length ? `: ${notes.join("; ")}` : ""}`);
    }
  }
  if (c.warnings.length) out.push("", ...c.warnings.map((w) => `Warning: ${w}`));
  const sources = new Map<string, string>();
  for (const l of c.lines)
    for (const s of l.source) sources.set(s.url ?? s.title, `${s.title}${s.url ? ` <${s.url}>` : ""}`);
  out.push("", "Sources:", ...[...sources.values()].map((s) => `  - ${s}`), "", c.disclaimer);
  return out.join("\n");
}

export const costCommand: Command = {
  name: "cost",
  summary: "Landed cost from a yen price: duty, fees, state tax, itemized with sources",
  usage: [
    "keiyard cost --price-jpy N --fx JPY-per-USD [--fx-date YYYY-MM-DD] [--entry YYYY-MM-DD] [--built YYYY[-MM]]",
    "             [--to XX] [--japan-fees-jpy N] [--freight-usd N] [--insurance-jpy N] [--broker-usd N]",
    "             [--port-usd N] [--delivery-usd N] [--isf-bond-usd N] [--customs-bond-usd N] [--hts CODE]",
    "             [--no-hmf] [--json]",
  ].join("\n"),
  run(argv, io) {
    const options = Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: "string" as const }]));
    const { values } = parseFlags(argv, { ...options, "no-hmf": { type: "boolean" } }, false);
    const flags = values as Record<string, string | boolean | undefined>;
    const query: Record<string, unknown> = {};
    for (const [flag, key] of Object.entries(FLAGS)) {
      const v = flags[flag];
      if (v !== undefined) query[key] = v;
    }
    if (values["no-hmf"]) query.hmf = "false";
    const q = parseInput(costInputSchema, query);
    const result = costFor(getFacts(), q, io.today as IsoDate);
    if (values.json) printJson(io, result);
    else io.out(formatCost(result));
    return 0;
  },
};
