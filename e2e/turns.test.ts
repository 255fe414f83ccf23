// New connections to a busy server on the embedded database are let in between requests, not after
// everyone already connected (src/http/turns.ts, decision 0032). Counted, not timed: while busy
// connections send request after request, a burst of new connections each sends one request, and the
// test counts how many requests the busy connections had answered meanwhile. Without turns, libuv let
// one new connection in per turn of the loop, and a turn served a request from every busy connection:
// the last of 24 new connections waited for about 24 x 24 answers to others. In a first-come queue it
// waits for about one round of them.
import { Agent, request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startKeiyard } from "./server.js";

const BUSY = 24;
const NEW = 24;
const PATH = "/api/v1/listings?pageSize=20";

function get(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${PATH}`, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("requests take turns on the embedded database", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startKeiyard({ KEIYARD_RATE_LIMIT_SCALE: "0", KEIYARD_JOBS_INTERVAL_MS: "0" });
  }, 240_000);
  afterAll(async () => server?.stop());

  it("lets a burst of new connections in within about one round of the busy ones' requests", async () => {
    let answered = 0;
    let stop = false;
    const perBusy = new Array<number>(BUSY).fill(0);
    const busyAgents = Array.from({ length: BUSY }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
    const busy = busyAgents.map(async (agent, i) => {
      while (!stop) {
        expect(await get(server.url, agent)).toBe(200);
        answered++;
        perBusy[i]!++;
      }
    });
    // Every busy connection open and answered twice: all of them are in the loop's rounds.
    while (Math.min(...perBusy) < 2) await new Promise((r) => setTimeout(r, 5));

    const newAgents = Array.from({ length: NEW }, () => new Agent({ keepAlive: false }));
    const from = answered;
    const waited = await Promise.all(
      newAgents.map(async (agent) => {
        expect(await get(server.url, agent)).toBe(200);
        return answered - from;
      }),
    );
    stop = true;
    await Promise.all(busy);
    for (const a of [...busyAgents, ...newAgents]) a.destroy();

    const longest = Math.max(...waited);
    console.log(`new connections waited for ${waited.join(", ")} answers to the busy ones`);
    // One round is BUSY answers; before turns the last new connection waited for about NEW rounds.
    expect(longest).toBeLessThan(BUSY * 4);
  }, 120_000);
});
