import { getFacts } from "../../facts/load.js";
import { presentHaulPlan } from "../../present/haul.present.js";
import { AppError } from "../../services/app-error.js";
import { haulFor } from "../../services/haul.js";
import { CUSTOM_ROWS, haulQuerySchema } from "../../services/haul.schema.js";
import { parseInput } from "../../services/inputs.schema.js";
import { type Command, parseFlags, printJson } from "../command.js";

// CLI flag -> the query name of /haul and /api/v1/haul: the faces share one input schema.
const FLAGS = {
  code: "code",
  "height-in": "height",
  wood: "wood",
  "wood-condition": "woodCond",
  "wood-amount": "woodAmt",
  "wood-unit": "woodUnit",
  hay: "hay",
  bales: "hayN",
  bulk: "bulk",
  "cubic-yards": "bulkYd",
  sheet: "sheet",
  sheets: "sheetN",
} as const;

type Plan = ReturnType<typeof presentHaulPlan>;
const range = (r: { min: number; max: number }, unit: string) =>
  r.min === r.max ? `${r.min} ${unit}` : `${r.min}-${r.max} ${unit}`;

function formatPlan(p: Plan): string {
  const out = [
    `${p.truck.label}: payload ${p.truck.payloadKg ?? "unknown"} kg`,
    `Load: ${range(p.totalLb, "lb")} (${range(p.totalKg, "kg")})`,
    `Payload: ${p.payload.status.replace("_", " ")}`,
    `Bed: ${p.volume.status === "unknown" ? `unknown (${p.volume.reason})` : `${p.volume.status} (${p.volume.loadFt3} of ${p.volume.capacityFt3} cubic feet)`}`,
    p.trips
      ? `Trips: ${p.trips.typical}${p.trips.max !== p.trips.typical ? ` (${p.trips.max} at the heavy end)` : ""}`
      : "Trips: unknown",
    "",
  ];
  for (const l of p.lines)
    out.push(`  ${l.quantity} ${l.label}: ${range(l.totalLb, "lb")} (confidence ${l.confidence})`);
  for (const c of p.cannotCarry) out.push(`Cannot carry ${c.label}: ${c.reason}`);
  for (const o of p.overhangs) out.push(`${o.label} overhangs the ${o.where} by ${o.byMm} mm`);
  out.push(...p.notes);
  const sources = new Map<string, string>();
  for (const l of p.lines) for (const s of l.sources) sources.set(s.url ?? s.title, `${s.title} <${s.url}>`);
  out.push("", "Sources:", ...[...sources.values()].map((s) => `  - ${s}`));
  return out.join("\n");
}

export const haulCommand: Command = {
  name: "haul",
  // Errors name the option typed, not the query field it fills ("--wood-amount:", not "woodAmt:").
  flagNames: {
    ...Object.fromEntries(Object.entries(FLAGS).map(([flag, key]) => [key, `--${flag}`])),
    ...Object.fromEntries(
      CUSTOM_ROWS.flatMap((n) => ["name", "weight", "unit"].map((p) => [`c${n}${p}`, "--item"])),
    ),
  },
  summary: "Does a load fit a kei truck's payload and bed, and in how many trips? (with sources)",
  usage: [
    "keiyard haul [--code DA16T] [--height-in N]",
    "             [--wood ID --wood-amount N [--wood-unit cord|face_cord] [--wood-condition seasoned|green]]",
    "             [--hay ID --bales N] [--bulk ID --cubic-yards N] [--sheet ID --sheets N]",
    "             [--item NAME=WEIGHT(lb|kg)]... (up to 3) [--json]",
    "IDs are those of data/facts/haul-loads.json, e.g. firewood-red-oak, hay-2-string, bulk-gravel, drywall-1-2.",
  ].join("\n"),
  run(argv, io) {
    const options = Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: "string" as const }]));
    const { values } = parseFlags(argv, { ...options, item: { type: "string", multiple: true } }, false);
    const flags = values as Record<string, string | string[] | boolean | undefined>;
    const query: Record<string, unknown> = {};
    for (const [flag, key] of Object.entries(FLAGS))
      if (typeof flags[flag] === "string") query[key] = flags[flag];
    const items = (flags.item as string[] | undefined) ?? [];
    if (items.length > 3) throw new AppError("invalid_input", "--item: at most 3 items");
    items.forEach((spec, i) => {
      const m = /^(.+)=(\d+(?:\.\d+)?)\s*(lb|kg)?$/.exec(spec);
      if (!m)
        throw new AppError("invalid_input", `--item: expected NAME=WEIGHT(lb|kg), e.g. "Generator=120kg"`);
      query[`c${i + 1}name`] = m[1];
      query[`c${i + 1}weight`] = m[2];
      query[`c${i + 1}unit`] = m[3] ?? "lb";
    });
    const facts = getFacts();
    const plan = presentHaulPlan(haulFor(facts, parseInput(haulQuerySchema(facts), query)));
    if (values.json) printJson(io, plan);
    else io.out(formatPlan(plan));
    return 0;
  },
};
