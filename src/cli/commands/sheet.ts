import { getFacts } from "../../facts/load.js";
import type { SheetReadingView } from "../../present/auction-sheet.present.js";
import { AppError } from "../../services/app-error.js";
import { auctionSheetFor } from "../../services/auction-sheet.js";
import { auctionSheetQuerySchema } from "../../services/auction-sheet.schema.js";
import { parseInput } from "../../services/inputs.schema.js";
import { type Command, parseFlags, printJson } from "../command.js";

const conf = (c: string | null) => (c === null ? "" : ` (${c} confidence)`);

function formatReading(r: SheetReadingView): string {
  const out: string[] = [];
  if (r.flags.length) out.push("Look closer:", ...r.flags.map((f) => `  ! ${f}`), "");
  const value = (label: string, v: SheetReadingView["interior"]) => {
    if (v)
      out.push(
        `${label} ${v.raw}: ${v.known ? v.meaning : "not a value keiyard's data knows"}${conf(v.confidence)}`,
      );
  };
  value("Score", r.score);
  if (r.truckScale) out.push(`  ${r.truckScale.text}${conf(r.truckScale.confidence)}`);
  value("Interior", r.interior);
  value("Exterior", r.exterior);
  if (r.marks.length) {
    out.push("Marks:");
    for (const m of r.marks)
      out.push(
        `  ${m.raw.padEnd(4)} ${m.where ?? "(where not written)"}: ${m.meaning}${m.size === null ? "" : `, size ${m.size}`}${conf(m.confidence)}`,
      );
  }
  if (r.equipment.length)
    out.push(`Equipment: ${r.equipment.map((e) => `${e.raw} (${e.meaning})`).join(", ")}`);
  for (const p of r.phrases)
    out.push(
      `Inspector: ${p.raw}: ${p.none ? `the sheet says none of this: ${p.meaning}` : p.meaning}${conf(p.confidence)}`,
    );
  if (r.unread.length)
    out.push(`Not read: ${r.unread.join(", ")} (not codes keiyard's data knows; ask your agent)`);
  if (out.length === 0) out.push("Nothing here is a score, letter or code keiyard knows.");
  if (r.marks.some((m) => m.size !== null)) out.push("", `${r.sizes.text}${conf(r.sizes.confidence)}`);
  out.push("", r.caveat);
  if (r.sources.length)
    out.push(
      "",
      `Sources (reviewed ${r.reviewedOn}):`,
      ...r.sources.map((s) => `  - [${s.id}] ${s.title} <${s.url}>`),
    );
  return out.join("\n");
}

export const sheetCommand: Command = {
  name: "sheet",
  summary: "What an auction sheet's codes mean (score, letters, A1/S2/XX marks), with sources",
  usage: [
    'keiyard sheet ["<codes and notes>"] [--score S] [--interior A-E] [--exterior A-E] [--json]',
    'e.g. keiyard sheet --score 3.5 --interior B "A1 bed rails; S2 under bed; AC PS"',
  ].join("\n"),
  run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      score: { type: "string" },
      interior: { type: "string" },
      exterior: { type: "string" },
    });
    const query: Record<string, string> = {};
    for (const k of ["score", "interior", "exterior"] as const)
      if (values[k] !== undefined) query[k] = values[k];
    if (positionals.length) query.notes = positionals.join(" ");
    if (Object.keys(query).length === 0)
      throw new AppError(
        "invalid_input",
        'give the sheet\'s codes, e.g. keiyard sheet --score 3.5 "A1 bed rails"',
      );
    const reading = auctionSheetFor(getFacts(), parseInput(auctionSheetQuerySchema(), query));
    if (values.json) printJson(io, reading);
    else io.out(formatReading(reading));
    return 0;
  },
};
