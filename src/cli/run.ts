// Picks the command, runs it, and turns user errors into one line on stderr (plus the JSON error
// document on stdout under --json) and exit code 1. Kept apart from main.ts so tests can call it.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FactsError } from "../facts/errors.js";
import { GuideError } from "../guides/errors.js";
import { AppError } from "../services/app-error.js";
import type { CommandEntry, Io } from "./command.js";

export const COMMANDS: CommandEntry[] = [
  {
    name: "serve",
    summary: "Start the web site and JSON API (http://localhost:3000 by default)",
    load: async () => (await import("./commands/serve.js")).serveCommand,
  },
  {
    name: "decode",
    summary: "Decode a frame number or chassis code (DA63T-123456, HA4, GD-DA52T)",
    load: async () => (await import("./commands/decode.js")).decodeCommand,
  },
  {
    name: "eligibility",
    summary: "May this truck enter the US, and from which day? (25-year rule, EPA, duty)",
    load: async () => (await import("./commands/eligibility.js")).eligibilityCommand,
  },
  {
    name: "legal",
    summary: "Street legality in a state (50 states + DC), with restrictions and sources",
    load: async () => (await import("./commands/legal.js")).legalCommand,
  },
  {
    name: "cost",
    summary: "Landed cost from a yen price: duty, fees, state tax, itemized with sources",
    load: async () => (await import("./commands/cost.js")).costCommand,
  },
  {
    name: "haul",
    summary: "Does a load fit a kei truck's payload and bed, and in how many trips? (with sources)",
    load: async () => (await import("./commands/haul.js")).haulCommand,
  },
  {
    name: "sheet",
    summary: "What an auction sheet's codes mean (score, letters, A1/S2/XX marks), with sources",
    load: async () => (await import("./commands/sheet.js")).sheetCommand,
  },
  {
    name: "lots",
    summary:
      "Evaluate a CSV of Japanese auction lots: eligibility on arrival, landed cost, fair US price, margin",
    load: async () => (await import("./commands/lots.js")).lotsCommand,
  },
  {
    name: "seed",
    summary: "Add clearly labelled demo listings (--demo --count N; --seed N repeats a set)",
    load: async () => (await import("./commands/seed.js")).seedCommand,
  },
  {
    name: "admin",
    summary:
      "Make an account an admin or take the role back, or confirm its email (grant|revoke|confirm <email>)",
    load: async () => (await import("./commands/admin.js")).adminCommand,
  },
  {
    name: "db",
    summary: "Database upkeep: migrate, backup <file>, restore <file>",
    load: async () => (await import("./commands/db.js")).dbCommand,
  },
];

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "keiyard: find, import, register and use a Japanese kei truck in the United States.",
    "",
    "Usage: keiyard <command> [options]   (every command takes --help and --json; keiyard --version)",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width + 2)}${c.summary}`),
    "",
    "Facts carry their sources; nothing here is legal advice.",
  ].join("\n");
}

/**
 * The message of an input error, naming the option the user types ("--price-jpy: …") rather than the
 * field it fills ("priceJpy: …", as the JSON API names it): when that option is on the command line,
 * or when the command's usage lists it (a required option left out).
 */
export function asFlag(
  e: AppError,
  argv: readonly string[],
  usage = "",
  flagNames: Record<string, string> = {},
): string {
  const flagOf = (name: string) =>
    flagNames[name] ?? `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  const listed = (flag: string) => new RegExp(`${flag}(?![\\w-])`).test(usage);
  // Fields the message names in passing, "(firstRegistered)", are options too where the usage lists them.
  const text = e.message.replace(/\(([a-z][A-Za-z]*)\)/g, (all, name: string) =>
    listed(flagOf(name)) ? `(${flagOf(name)})` : all,
  );
  const field = e.field;
  if (!field || !text.startsWith(`${field}: `)) return text;
  const flag = flagOf(field);
  const typed = argv.some((a) => a === flag || a.startsWith(`${flag}=`));
  if (!typed && !listed(flag)) return text;
  return `${flag}: ${text.slice(field.length + 2)}`;
}

/**
 * The version in the project's package.json, found by walking up from this module: the same from the
 * sources and from the compiled copy under node_modules/.cache.
 */
function version(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 10; i++) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "keiyard" && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return "unknown";
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(helpText());
    return 0;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.out(`keiyard ${version()}`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  const json = rest.includes("--json");
  let usage = "";
  let flagNames: Record<string, string> | undefined;
  try {
    if (!entry) throw new AppError("invalid_input", `unknown command "${name}" (try keiyard --help)`);
    const command = await entry.load();
    usage = command.usage;
    flagNames = command.flagNames;
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof AppError) {
      if (json) io.out(JSON.stringify(e.toJSON(), null, 2));
      io.err(`keiyard ${name}: ${asFlag(e, rest, usage, flagNames)}`);
      return 1;
    }
    if (e instanceof FactsError) {
      io.err(`keiyard: the fact data is invalid: ${e.message}`);
      return 2;
    }
    if (e instanceof GuideError) {
      io.err(`keiyard: a guide is invalid: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
