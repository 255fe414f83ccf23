// `keiyard db migrate | backup <file> | restore <file>`: the operator's side of the database, on
// whichever engine the config picks (embedded PGlite in KEIYARD_DATA_DIR, or DATABASE_URL).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { backupDatabase, restoreDatabase } from "../../db/backup.js";
import { type Database, openDatabaseFromConfig } from "../../db/client.js";
import { DbError } from "../../db/errors.js";
import { appliedMigrations, migrate } from "../../db/migrate.js";
import { AppError } from "../../services/app-error.js";
import { type Command, type Io, parseFlags, printJson } from "../command.js";
import { cliConfig } from "../config.js";

const USAGE = [
  "keiyard db migrate [--json]           apply the committed migrations",
  "       keiyard db backup <file> [--json]     dump every row (JSON lines; gzip when <file> ends in .gz)",
  "       keiyard db restore <file> [--json]    load a backup into an empty database (migrates first)",
  "",
  "The embedded database lives in KEIYARD_DATA_DIR (.data/db); set DATABASE_URL=postgres://… for a server.",
].join("\n");

type Action = (database: Database, file: string | undefined, io: Io, json: boolean) => Promise<void>;

const ACTIONS: Record<string, Action> = {
  async migrate(database, _file, io, json) {
    const started = performance.now();
    const before = (await appliedMigrations(database.db)).length;
    await migrate(database);
    const applied = await appliedMigrations(database.db);
    const ms = Math.round(performance.now() - started);
    const result = {
      engine: database.kind,
      location: database.location,
      migration: applied.at(-1),
      applied: applied.length - before,
      ms,
    };
    if (json) printJson(io, result);
    else
      io.out(
        `${database.location}: at ${result.migration}, ${result.applied} migration(s) applied in ${ms} ms`,
      );
  },
  async backup(database, file, io, json) {
    const summary = await backupDatabase(database, file!);
    if (json) printJson(io, summary);
    else io.out(`Backed up ${describeRows(summary.rows)} to ${file} (schema ${summary.migration})`);
  },
  async restore(database, file, io, json) {
    // A fresh data folder or server database needs the tables before it can take the rows.
    await migrate(database);
    const summary = await restoreDatabase(database, file!);
    if (json) printJson(io, summary);
    else io.out(`Restored ${describeRows(summary.rows)} from ${file} into ${database.location}`);
  },
};

function describeRows(rows: Record<string, number>): string {
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  return `${total} rows in ${Object.keys(rows).length} tables`;
}

export const dbCommand: Command = {
  name: "db",
  summary: "Database upkeep: migrate, backup <file>, restore <file>",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {});
    const [sub, file, ...extra] = positionals;
    const action = sub === undefined ? undefined : ACTIONS[sub];
    if (!action)
      throw new AppError(
        "invalid_input",
        sub
          ? `unknown db command "${sub}" (migrate, backup, restore)`
          : `give one of migrate, backup or restore (keiyard db --help)`,
      );
    const needsFile = sub !== "migrate";
    if (needsFile && !file) throw new AppError("invalid_input", `keiyard db ${sub} needs a file name`);
    if (extra.length > 0 || (!needsFile && file)) throw new AppError("invalid_input", "too many arguments");
    const config = cliConfig();
    if (sub === "backup" && !config.DATABASE_URL && !existsSync(config.KEIYARD_DATA_DIR)) {
      throw new AppError("invalid_input", `no embedded database in ${resolve(config.KEIYARD_DATA_DIR)}`);
    }
    try {
      const database = await openDatabaseFromConfig(config);
      try {
        await action(database, file, io, values.json === true);
      } finally {
        await database.close();
      }
    } catch (e) {
      if (e instanceof DbError) throw new AppError("invalid_input", e.message);
      throw e;
    }
    return 0;
  },
};
