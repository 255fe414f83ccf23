// Composition root: config -> facts -> http -> listen. Facts are validated before the port opens, so a
// bad data edit stops the server at start-up with the file, record and field named.
import { serve } from "@hono/node-server";
import { todayUtc } from "./config/clock.js";
import { getConfig } from "./config/env.js";
import { loadFacts } from "./facts/load.js";
import { createApp } from "./http/app.js";

export interface StartOptions {
  port?: number;
  host?: string;
  log?: (line: string) => void;
}

export async function startServer(options: StartOptions = {}) {
  const config = getConfig();
  const log = options.log ?? ((l: string) => console.log(l));
  const facts = loadFacts(config.KEIYARD_FACTS_DIR);
  const app = createApp({ facts, today: () => todayUtc() });
  const port = options.port ?? config.PORT;
  const hostname = options.host ?? config.HOST;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s));
    s.once("error", reject);
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  log(`keiyard is listening on http://localhost:${actualPort}`);
  let closing: Promise<void> | undefined;
  const close = () => {
    // Stop accepting connections and let in-flight requests finish.
    closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
    return closing;
  };
  return { port: actualPort, close };
}
