import { z } from "zod";
import { startServer } from "../../main.js";
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
    const server = await startServer({ port, host: values.host });
    const stop = (signal: string) => {
      console.log(`${signal}: finishing in-flight requests, then stopping`);
      void server.close().then(() => process.exit(0));
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
    return 0;
  },
};
