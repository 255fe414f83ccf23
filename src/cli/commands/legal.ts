import { z } from "zod";
import type { IsoDate } from "../../domain/units/dates.js";
import { getFacts } from "../../facts/load.js";
import type { LegalityView } from "../../present/legality.present.js";
import { AppError } from "../../services/app-error.js";
import { isoDateString, parseInput, stateCodeString } from "../../services/inputs.schema.js";
import { legalityFor, legalityForAll } from "../../services/legality.js";
import { type Command, parseFlags, printJson, rows } from "../command.js";

function formatState(s: LegalityView): string {
  const lines = [
    `${s.name} (${s.code}) on ${s.on}: ${s.statusLabel}`,
    rows([
      [
        "Highest road speed",
        s.maxRoadSpeedMph === null ? "not set by the record" : `${s.maxRoadSpeedMph} mph`,
      ],
      ["Statute", s.statute ?? "none found"],
      ["Confidence", s.confidence],
      ["Last reviewed", s.lastReviewed],
    ]),
    "",
    s.summary,
  ];
  if (s.restrictions.length) lines.push("", "Restrictions:", ...s.restrictions.map((r) => `  - ${r}`));
  if (s.requirements.length)
    lines.push("", "Conditions (not assumed met):", ...s.requirements.map((r) => `  - ${r}`));
  for (const c of s.upcomingChanges) lines.push("", `From ${c.effectiveFrom}: ${c.summary ?? c.status}`);
  if (s.notes.length) lines.push("", ...s.notes.map((n) => `Note: ${n}`));
  lines.push("", "Sources:", ...s.sources.map((src) => `  - ${src.title}${src.url ? ` <${src.url}>` : ""}`));
  lines.push("", s.disclaimer);
  return lines.join("\n");
}

export const legalCommand: Command = {
  name: "legal",
  summary: "Street legality in a state (50 states + DC), with restrictions and sources",
  usage:
    "keiyard legal <state-code> [--on YYYY-MM-DD] [--json]\n       keiyard legal --all [--on YYYY-MM-DD] [--json]",
  run(argv, io) {
    const { values, positionals } = parseFlags(argv, { all: { type: "boolean" }, on: { type: "string" } });
    // Parsed as a field, so that an error names the option ("--on: expected a calendar date …").
    const on = parseInput(z.object({ on: isoDateString }), { on: values.on ?? io.today }).on as IsoDate;
    const facts = getFacts();
    if (values.all) {
      if (positionals.length) throw new AppError("invalid_input", "give a state code or --all, not both");
      const all = legalityForAll(facts, on);
      if (values.json) printJson(io, all);
      else
        io.out(
          [
            ...all.map((s) => `${s.code}  ${s.statusLabel.padEnd(32)}${s.confidence.padEnd(8)}${s.name}`),
            "",
            all[0]?.disclaimer ?? "",
          ].join("\n"),
        );
      return 0;
    }
    if (positionals.length !== 1)
      throw new AppError("invalid_input", "give one state code (e.g. TX) or --all");
    const code = parseInput(stateCodeString, positionals[0]);
    const state = legalityFor(facts, code, on);
    if (values.json) printJson(io, state);
    else io.out(formatState(state));
    return 0;
  },
};
