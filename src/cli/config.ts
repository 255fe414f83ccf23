// The configuration as a command reads it: a bad environment variable is the user's input, so it is an
// invalid_input error (exit 1, the message as it is), not a crash.
import { type Config, ConfigError, getConfig } from "../config/env.js";
import { AppError } from "../services/app-error.js";

export function cliConfig(): Config {
  try {
    return getConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new AppError("invalid_input", e.message);
    throw e;
  }
}
