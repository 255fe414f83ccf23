// `keiyard admin grant|revoke|confirm <email>`: the operator makes an account an admin (who moderates at
// /admin) or takes the role back, or vouches for its email address (alert mail goes only to confirmed
// addresses), on whichever database the config picks.
import { ConfigError, getConfig } from "../../config/env.js";
import { openDatabaseFromConfig } from "../../db/client.js";
import { DbError } from "../../db/errors.js";
import { migrate } from "../../db/migrate.js";
import { AppError } from "../../services/app-error.js";
import { confirmEmailOf } from "../../services/email-confirmation.js";
import { setAdminRole } from "../../services/moderation.js";
import { type Command, parseFlags, printJson } from "../command.js";

const USAGE = [
  "keiyard admin grant <email> [--json]    make the account an admin (moderates at /admin)",
  "       keiyard admin revoke <email> [--json]   make it a seller or buyer again",
  "       keiyard admin confirm <email> [--json]  confirm its email address (alerts are mailed to it)",
  "",
  "The account signs up on the site first. The embedded database must not be open in a running server;",
  "with DATABASE_URL=postgres://… it may be.",
].join("\n");

export const adminCommand: Command = {
  name: "admin",
  summary:
    "Make an account an admin or take the role back, or confirm its email (grant|revoke|confirm <email>)",
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {});
    const [sub, email, ...extra] = positionals;
    if (sub !== "grant" && sub !== "revoke" && sub !== "confirm")
      throw new AppError(
        "invalid_input",
        sub
          ? `unknown admin command "${sub}" (grant, revoke, confirm)`
          : `give one of grant, revoke or confirm (keiyard admin --help)`,
      );
    if (!email) throw new AppError("invalid_input", `keiyard admin ${sub} needs an account's email`);
    if (extra.length) throw new AppError("invalid_input", "too many arguments");
    let result: Awaited<ReturnType<typeof setAdminRole>> | Awaited<ReturnType<typeof confirmEmailOf>>;
    try {
      const database = await openDatabaseFromConfig(getConfig());
      try {
        await migrate(database);
        result =
          sub === "confirm"
            ? await confirmEmailOf(database, email)
            : await setAdminRole(database, email, sub === "grant");
      } finally {
        await database.close();
      }
    } catch (e) {
      if (e instanceof DbError || e instanceof ConfigError) throw new AppError("invalid_input", e.message);
      throw e;
    }
    if (values.json) printJson(io, result);
    else if (!("role" in result))
      io.out(
        result.changed
          ? `${result.email} (${result.displayName}) is confirmed: alert mail goes to it`
          : `${result.email} is confirmed already; nothing changed`,
      );
    else
      io.out(
        result.changed
          ? `${result.email} (${result.displayName}) is now ${result.role === "admin" ? "an admin" : `a ${result.role}`}`
          : `${result.email} is ${result.role === "admin" ? "an admin" : "not an admin"} already; nothing changed`,
      );
    return 0;
  },
};
