// Picks the command, runs it, and turns user errors into one line on stderr (plus the JSON error
// document on stdout under --json) and exit code 1. Kept apart from main.ts so tests can call it.
import { FactsError } from "../facts/load.js";
import { AppError } from "../services/app-error.js";
import type { Command, Io } from "./command.js";
import { costCommand } from "./commands/cost.js";
import { decodeCommand } from "./commands/decode.js";
import { eligibilityCommand } from "./commands/eligibility.js";
import { legalCommand } from "./commands/legal.js";
import { serveCommand } from "./commands/serve.js";

export const COMMANDS: Command[] = [
  serveCommand,
  decodeCommand,
  eligibilityCommand,
  legalCommand,
  costCommand,
];

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "keiyard: find, import, register and use a Japanese kei truck in the United States.",
    "",
    "Usage: keiyard <command> [options]   (every command takes --help and --json)",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width + 2)}${c.summary}`),
    "",
    "Facts carry their sources; nothing here is legal advice.",
  ].join("\n");
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(helpText());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  const json = rest.includes("--json");
  try {
    if (!command) throw new AppError("invalid_input", `unknown command "${name}" (try keiyard --help)`);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof AppError) {
      if (json) io.out(JSON.stringify(e.toJSON(), null, 2));
      io.err(`keiyard ${name}: ${e.message}`);
      return 1;
    }
    if (e instanceof FactsError) {
      io.err(`keiyard: the fact data is invalid: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
