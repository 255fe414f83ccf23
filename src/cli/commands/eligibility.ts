import type { IsoDate } from "../../domain/units/dates.js";
import { getFacts } from "../../facts/load.js";
import { AppError } from "../../services/app-error.js";
import { eligibilityFor } from "../../services/eligibility.js";
import { eligibilityInputSchema, parseInput } from "../../services/inputs.schema.js";
import { type Command, parseFlags, printJson } from "../command.js";

type Result = ReturnType<typeof eligibilityFor>;

const VERDICTS = {
  importable: "May be imported",
  not_importable: "May not be imported yet",
  needs_evidence: "Needs evidence of the build date",
} as const;

function formatEligibility(r: Result): string {
  const f = r.fmvss;
  const out = [`${VERDICTS[r.verdict]} (entry on ${r.entryDate})`, ""];
  if (r.vehicle) out.push(`Truck: ${r.vehicle.make} ${r.vehicle.model} ${r.vehicle.chassisCode}`);
  if (r.model) out.push(`Model: ${r.model.message}`);
  if (r.vehicle || r.model) out.push("");
  out.push("FMVSS 25-year rule:", ...f.reasoning.map((s) => `  ${s}`));
  if (f.commonPracticeFrom)
    out.push(`  Commonly accepted from ${f.commonPracticeFrom} (${f.commonPracticeLabel}).`);
  out.push(
    "",
    `EPA (code ${r.epa.code}): ${r.epa.codeE === null ? "unknown" : r.epa.codeE ? "passes" : "does not pass"}${r.epa.ageYears === null ? "" : `, ${r.epa.ageYears} calendar years`}. ${r.epa.note}`,
    `Section 232: ${r.section232.ageExcluded === null ? "not settled" : r.section232.ageExcluded ? "age-excluded" : "not age-excluded"}. ${r.section232.note}`,
    `Duty: HTS ${r.duty.hts}, ${r.duty.rateText}`,
  );
  if (r.warnings.length) out.push("", ...r.warnings.map((w) => `Warning: ${w}`));
  out.push("", "Sources:", ...r.sources.map((s) => `  - ${s.title}${s.url ? ` <${s.url}>` : ""}`));
  out.push("", r.disclaimer);
  return out.join("\n");
}

export const eligibilityCommand: Command = {
  name: "eligibility",
  summary: "May this truck enter the US, and from which day? (25-year rule, EPA, duty)",
  flagNames: { vehicleClass: "--class", firstRegistered: "--first-registered" },
  usage: [
    "keiyard eligibility --built YYYY-MM[-DD] [--on YYYY-MM-DD] [--json]",
    "       keiyard eligibility --first-registered YYYY-MM [--on YYYY-MM-DD] [--json]",
    "       keiyard eligibility <frame-number> [--built YYYY-MM[-DD] | --first-registered YYYY-MM] [--on YYYY-MM-DD] [--json]",
    "Options: --class kei_truck|kei_dump|deck_van|kei_van_passenger (duty line; default kei_truck)",
  ].join("\n"),
  run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      built: { type: "string" },
      "first-registered": { type: "string" },
      on: { type: "string" },
      class: { type: "string" },
    });
    if (positionals.length > 1)
      throw new AppError("invalid_input", "give at most one frame number (quote it if it has spaces)");
    const q = parseInput(eligibilityInputSchema, {
      ...(positionals[0] ? { frame: positionals[0] } : {}),
      ...(values.built ? { built: values.built } : {}),
      ...(values["first-registered"] ? { firstRegistered: values["first-registered"] } : {}),
      ...(values.class ? { vehicleClass: values.class } : {}),
      on: values.on ?? io.today,
    });
    const result = eligibilityFor(getFacts(), q, io.today as IsoDate);
    if (values.json) printJson(io, result);
    else io.out(formatEligibility(result));
    return 0;
  },
};
