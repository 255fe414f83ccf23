import { getFacts } from "../../facts/load.js";
import type { DecodedView } from "../../present/decode.present.js";
import { AppError } from "../../services/app-error.js";
import { decodeFor } from "../../services/decode.js";
import { frameInputString, parseInput } from "../../services/inputs.schema.js";
import { type Command, parseFlags, printJson, rows } from "../command.js";

const known = (v: number | null, unit: string) => (v === null ? "unknown" : `${v} ${unit}`);

function formatDecoded(d: DecodedView): string {
  const s = d.specs;
  const lines = [
    `${d.make} ${d.model} ${d.chassisCode}${d.serial ? `, serial ${d.serial}` : ""}`,
    rows([
      ["Generation", d.generation.label],
      [
        "Production",
        `${d.productionStart ?? "unknown"} to ${d.inProduction ? "today (in production)" : (d.productionEnd ?? "unknown")}`,
      ],
      ["Drive", d.drive === "both" ? "2WD or 4WD (the frame number cannot tell)" : (d.drive ?? "unknown")],
      [
        "Engine",
        d.engineCodes.length ? `${d.engineCodes.join(", ")}, ${known(d.displacementCc, "cc")}` : "unknown",
      ],
      ["Layout", d.layout],
      ["Payload", s.payloadKg === null ? "unknown" : `${s.payloadKg} kg (${s.payloadLb} lb)`],
      ["Rebadge of", d.rebadgeOf ?? "none"],
      ["Emissions prefix", d.emissionsPrefix ?? "none given"],
      ["Confidence", d.confidence],
    ]),
  ];
  if (d.driveNote) lines.push("", d.driveNote);
  if (d.prefixHint) lines.push("", d.prefixHint);
  if (d.warnings.length) lines.push("", ...d.warnings.map((w) => `Warning: ${w}`));
  lines.push("", "A serial number does not date a truck: use the build plate or the export certificate.");
  lines.push("", "Sources:", ...d.sources.map((x) => `  - ${x.title}${x.url ? ` <${x.url}>` : ""}`));
  return lines.join("\n");
}

export const decodeCommand: Command = {
  name: "decode",
  summary: "Decode a frame number or chassis code (DA63T-123456, HA4, GD-DA52T)",
  usage: "keiyard decode <frame-number-or-chassis-code> [--json]",
  run(argv, io) {
    const { values, positionals } = parseFlags(argv, {});
    if (positionals.length === 0)
      throw new AppError("invalid_input", "give a frame number or chassis code, e.g. DA63T-123456");
    // "da63t 123456" may arrive as two arguments when not quoted.
    const input = parseInput(frameInputString, positionals.join(" "));
    const decoded = decodeFor(getFacts(), input);
    if (values.json) printJson(io, decoded);
    else io.out(formatDecoded(decoded));
    return 0;
  },
};
