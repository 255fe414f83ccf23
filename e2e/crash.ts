// The crash test's harness: writers hammer a real server process with writes, the process is killed with
// SIGKILL once enough of them were acknowledged (others still in flight), a new server is started on the
// same data, and then the database is read directly. A scenario says what a write is, what the client
// was told, and what must be true afterwards. Listings are the first scenario (crash-scenarios.ts); the
// importer's lot-batch save is meant to be the next one, as one more CrashScenario.
import type { Database } from "../src/db/client.js";
import { HttpClient } from "./http-client.js";
import type { RunningServer } from "./server.js";

export interface CrashScenario<Setup, Ack> {
  name: string;
  /** Before the writes, on the first server: accounts, rows the writes need. */
  setup(url: string): Promise<Setup>;
  /**
   * One write by writer `worker` (its `n`th): what the client was acknowledged (the 303 or 200 it
   * received). Throws when the write fails (a cut connection, an unexpected status).
   */
  write(client: HttpClient, setup: Setup, worker: number, n: number): Promise<Ack>;
  /** After the restart, reading the database: every acknowledged write is there, nothing half-written. */
  verify(database: Database, acks: Ack[], setup: Setup): Promise<void>;
}

export interface CrashRun<Ack> {
  acks: Ack[];
  /** Writes in flight when the server was killed: not acknowledged, so either outcome is allowed. */
  unacknowledged: number;
}

/**
 * Runs `writers` concurrent writers against `server` and kills it (SIGKILL) as soon as `killAfter`
 * writes were acknowledged, while the others are still in flight.
 */
export async function writeUntilKilled<Setup, Ack>(
  server: RunningServer,
  scenario: CrashScenario<Setup, Ack>,
  setup: Setup,
  { writers, killAfter }: { writers: number; killAfter: number },
): Promise<CrashRun<Ack>> {
  const acks: Ack[] = [];
  let unacknowledged = 0;
  let killed: Promise<void> | undefined;
  const worker = async (w: number) => {
    // Each writer has its own client (and so its own session, as with one browser each).
    const client = new HttpClient(server.url);
    for (let n = 0; !killed; n++) {
      // Before the kill every write must succeed (a failure is a bug, reported as such); after it, a
      // write cut short is simply not acknowledged.
      const ack = await scenario.write(client, setup, w, n).catch((e: unknown) => {
        if (killed) return null;
        throw e;
      });
      if (ack === null) {
        unacknowledged++;
        continue;
      }
      // Even an answer that arrives after the kill was sent is a promise made to the client: it counts.
      acks.push(ack);
      if (acks.length >= killAfter) killed ??= server.kill();
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => worker(w)));
  await killed;
  return { acks, unacknowledged };
}
