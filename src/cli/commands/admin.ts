// `keiyard admin grant <email>` / `keiyard admin revoke <email>`: the operator makes an account an
// admin (who moderates at /admin) or takes the role back, on whichever database the config picks.
import { ConfigError, getConfig } from "../../config/env.js";
import { openDatabaseFromConfig } from "../../db/client.js";
import { DbError } from "../../db/errors.js";
import { migrate } from "../../db/migrate.js";
import { AppError } from "../../services/app-error.js";
import { setAdminRole } from "../../services/moderation.js";
import { type Command, parseFlags, printJson } from "../command.js";

const USAGE = [
  "keiyard admin grant <email> [--json]    make the account an admin (moderates at /admin)",
  "       keiyard admin revoke <email> [--json]   make it a seller or buyer again",
  "",
  "The account signs up on the site first. The embedded database must not be open in a running server;",
  "with DATABASE_URL=postgres://… it may be.",
].join("\n");

export const adminCommand: Command = {
  name: "admin",
  summary: "Make an account an admin, or take the role back (grant|revoke <email>)",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {});
    const [sub, email, ...extra] = positionals;
    if (sub !== "grant" && sub !== "revoke")
      throw new AppError("invalid_input", `unknown admin command "${sub ?? ""}" (grant, revoke)`);
    if (!email) throw new AppError("invalid_input", `keiyard admin ${sub} needs an account's email`);
    if (extra.length) throw new AppError("invalid_input", "too many arguments");
    let result: Awaited<ReturnType<typeof setAdminRole>>;
    try {
      const database = await openDatabaseFromConfig(getConfig());
      try {
        await migrate(database);
        result = await setAdminRole(database, email, sub === "grant");
      } finally {
        await database.close();
      }
    } catch (e) {
      if (e instanceof DbError || e instanceof ConfigError) throw new AppError("invalid_input", e.message);
      throw e;
    }
    if (values.json) printJson(io, result);
    else
      io.out(
        result.changed
          ? `${result.email} (${result.displayName}) is now ${result.role === "admin" ? "an admin" : `a ${result.role}`}`
          : `${result.email} is ${result.role === "admin" ? "an admin" : "not an admin"} already; nothing changed`,
      );
    return 0;
  },
};
