import { z } from "zod";
import { DbError } from "../../db/errors.js";
import { startServer } from "../../main.js";
import { AppError } from "../../services/app-error.js";
import { parseInput } from "../../services/inputs.schema.js";
import { type Command, parseFlags } from "../command.js";

const portSchema = z.coerce.number().int().min(0).max(65_535);

export const serveCommand: Command = {
  name: "serve",
  summary: "Start the web site and JSON API (http://localhost:3000 by default)",
  usage: "keiyard serve [--port 3000] [--host 0.0.0.0]",
  async run(argv) {
    const { values } = parseFlags(argv, { port: { type: "string" }, host: { type: "string" } }, false);
    const port = values.port === undefined ? undefined : parseInput(portSchema, values.port);
    const server = await startServer({ port, host: values.host }).catch((e: unknown) => {
      // Start-up problems a user can fix are one line, not a stack trace.
      if (e instanceof DbError) throw new AppError("invalid_input", e.message);
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE")
        throw new AppError(
          "invalid_input",
          `port ${port ?? "3000"} is in use: stop the other server or use --port`,
        );
      if (code === "EACCES") throw new AppError("invalid_input", `not allowed to listen on port ${port}`);
      throw e;
    });
    const stop = (signal: string) => {
      console.log(`${signal}: finishing in-flight requests, then stopping`);
      void server.close().then(() => process.exit(0));
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
    return 0;
  },
};
