import { describe, expect, it } from "vitest";
import { fetchInTurns, TurnQueue } from "./turns.js";

/** Logs "turn" once per turn of the event loop, `n` times (a setImmediate that schedules the next). */
function turnTicker(log: string[], n: number): Promise<void> {
  return new Promise((resolve) => {
    let left = n;
    const tick = () => {
      log.push("turn");
      if (--left > 0) setImmediate(tick);
      else resolve();
    };
    setImmediate(tick);
  });
}

describe("TurnQueue", () => {
  it("starts one request per turn of the event loop, in the order they came", async () => {
    const turns = new TurnQueue();
    const log: string[] = [];
    const done = [0, 1, 2].map((i) => turns.run(() => log.push(`request ${i}`)));
    expect(log).toEqual([]); // never started where it was queued
    expect(turns.queued).toBe(3);
    await Promise.all([...done, turnTicker(log, 4)]);
    // Work that waits for the next turn (accepting and reading connections) comes between two requests.
    expect(log).toEqual(["request 0", "turn", "request 1", "turn", "request 2", "turn", "turn"]);
    expect(turns.queued).toBe(0);
  });

  it("starts perTurn requests per turn", async () => {
    const turns = new TurnQueue(2);
    const log: string[] = [];
    const done = [0, 1, 2, 3, 4].map((i) => turns.run(() => log.push(`request ${i}`)));
    await Promise.all([...done, turnTicker(log, 3)]);
    expect(log).toEqual([
      "request 0",
      "request 1",
      "turn",
      "request 2",
      "request 3",
      "turn",
      "request 4",
      "turn",
    ]);
  });

  it("gives each caller its own result or error, and goes on after an error", async () => {
    const turns = new TurnQueue();
    const a = turns.run(async () => "a");
    const b = turns.run(async () => {
      throw new Error("b failed");
    });
    const c = turns.run(() => 3);
    await expect(a).resolves.toBe("a");
    await expect(b).rejects.toThrow("b failed");
    await expect(c).resolves.toBe(3);
  });

  it("rations starts only: a request waiting on I/O does not hold up the next", async () => {
    const turns = new TurnQueue();
    let release!: () => void;
    const slow = turns.run(() => new Promise<string>((r) => (release = () => r("slow"))));
    const quick = turns.run(() => "quick");
    await expect(quick).resolves.toBe("quick");
    release();
    await expect(slow).resolves.toBe("slow");
  });

  it("keeps its order over a long queue (the started entries are dropped as it goes)", async () => {
    const turns = new TurnQueue(64);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 5000 }, (_, i) => turns.run(() => order.push(i))));
    expect(order).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    expect(turns.queued).toBe(0);
    // And it still works afterwards.
    await expect(turns.run(() => "again")).resolves.toBe("again");
  });

  it("refuses a perTurn that is not a whole number of at least 1", () => {
    expect(() => new TurnQueue(0)).toThrow(RangeError);
    expect(() => new TurnQueue(1.5)).toThrow(RangeError);
  });

  describe("fetchInTurns", () => {
    it("queues requests that come before the app is ready, then starts them one per turn", async () => {
      const log: string[] = [];
      let ready!: (app: { fetch: (req: Request) => Response }) => void;
      const app = new Promise<{ fetch: (req: Request) => Response }>((r) => (ready = r));
      const fetch = fetchInTurns(new TurnQueue(), app);
      const answers = ["/a", "/b", "/c"].map((path) => fetch(new Request(`http://x${path}`)));
      await turnTicker(log, 2);
      expect(log).toEqual(["turn", "turn"]); // nothing ran before the app was ready
      ready({
        fetch: (req) => {
          log.push(new URL(req.url).pathname);
          return new Response("ok");
        },
      });
      await Promise.all([...answers, turnTicker(log, 3)]);
      // In order, and a turn of the loop between any two.
      expect(log.slice(2).join(" ")).toMatch(/^(turn )?\/a turn \/b turn \/c/);
    });

    it("does not run a request whose client left while it waited", async () => {
      const ran: string[] = [];
      const fetch = fetchInTurns(
        new TurnQueue(),
        Promise.resolve({
          fetch: (req: Request) => {
            ran.push(new URL(req.url).pathname);
            return new Response("ok");
          },
        }),
      );
      const gone = { destroyed: false };
      const first = fetch(new Request("http://x/first"), { outgoing: { destroyed: false } });
      const left = fetch(new Request("http://x/left"), { outgoing: gone });
      gone.destroyed = true; // the client hung up before its turn
      const [a, b] = await Promise.all([first, left]);
      expect(a.status).toBe(200);
      expect(b.status).toBe(503);
      expect(ran).toEqual(["/first"]);
    });
  });
});
