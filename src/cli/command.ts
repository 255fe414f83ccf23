// The shape every `keiyard` command shares: parse its own flags, answer in human text by default and
// with exactly one JSON document on stdout under --json, exit 0 on success and 1 on a user error.
import { type ParseArgsConfig, parseArgs } from "node:util";
import { AppError } from "../services/app-error.js";

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Today's date (UTC) as the faces see it; the domain gets it as an argument. */
  today: string;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Options named otherwise than their field ("vehicleClass" is --class), for error messages. */
  flagNames?: Record<string, string>;
  /** Returns the exit code. Throws AppError for user errors. */
  run(argv: string[], io: Io): Promise<number> | number;
}

/** What the dispatcher knows before loading a command: each command's module loads only when used. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

export type Options = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs with strict flags; a bad flag becomes a one-line AppError, not a stack trace. */
export function parseFlags<O extends Options>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, json: { type: "boolean" } },
      allowPositionals,
      strict: true,
    });
  } catch (e) {
    const message = (e as Error).message.split("\n")[0] ?? "bad arguments";
    const ambiguous = /Option '(--[\w-]+)' argument is ambiguous/.exec(message);
    if (ambiguous)
      throw new AppError(
        "invalid_input",
        `${ambiguous[1]}: a value starting with "-" must be written ${ambiguous[1]}=VALUE`,
      );
    const missing = /^Option '(--[\w-]+)(?: <value>)?' argument missing/.exec(message);
    if (missing)
      throw new AppError("invalid_input", `${missing[1]}: give it a value (--help lists the options)`);
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    // Node's own text goes on about positional arguments, with quotes that do not pair up.
    if (unknown)
      throw new AppError("invalid_input", `unknown option ${unknown[1]} (--help lists the options)`);
    throw new AppError("invalid_input", message);
  }
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/** Formats `label: value` rows with aligned values, for human output. */
export function rows(pairs: [string, string | number | null | undefined][]): string {
  const width = Math.max(...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${v ?? "unknown"}`).join("\n");
}
