// Requests take turns with the event loop when the database is the embedded one.
//
// PGlite runs PostgreSQL in WebAssembly on the app's own thread, so a request's queries never wait on
// I/O: a request runs from its first line to its response in one go, inside the callback that read it.
// Under load, one turn of the event loop then serves every request that arrived since the last turn
// (0.3-0.4 s of work at 100 connections), and libuv accepts one new connection per turn (libuv PR
// #3696, "don't accept() connections in a loop"). The connections that did not get in with the first
// turns waited in the kernel's queue and were let in one per turn: in the load test (PGlite, 100
// connections, 30 s, two runs) 17 and 16 requests timed out at 30 s, and the p99 was 10-11 s against a
// p50 of 0.5 s.
//
// Here a request is not started where it is read: it joins a queue, and each turn of the loop starts
// the next `perTurn` requests in order (from a setImmediate, which runs once per turn, after the poll
// phase that accepts and reads). A turn then holds a bounded amount of work, new connections are
// accepted between requests, and everyone waits in one first-come queue. Same test: no timeouts, p99
// 1.4 s, p50 0.9-1.0 s (with 100 connections always waiting, the mean wait is connections divided by
// throughput whatever the order), and throughput within the machine's noise (97 and 114 req/s against
// 113 and 115; perhaps a few percent lower).
//
// Only the start is rationed: a request that awaits real I/O (an upload's body, a photo from disk,
// argon2 on the thread pool) lets others start meanwhile, so nothing waits on a slow request; what it
// does after that I/O runs outside the queue, so a turn's work is bounded for the usual requests (pages
// and API reads), not for those. A request whose client left while it waited is not run at all. With
// PostgreSQL the queries are I/O and the loop turns by itself; the queue is not used there (src/main.ts).

export class TurnQueue {
  private readonly waiting: (() => void)[] = [];
  private head = 0;
  private scheduled = false;

  constructor(private readonly perTurn = 1) {
    if (!Number.isInteger(perTurn) || perTurn < 1)
      throw new RangeError(`TurnQueue: perTurn must be a whole number of at least 1, not ${perTurn}`);
  }

  /** Requests waiting for their turn. */
  get queued(): number {
    return this.waiting.length - this.head;
  }

  /** Runs `fn` when its turn comes (on a later turn of the event loop, never right away). */
  run<T>(fn: () => T | Promise<T>): Promise<T> {
    return new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    }).then(fn);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(this.startSome);
  }

  private readonly startSome = (): void => {
    this.scheduled = false;
    // The started requests run as microtasks right after this callback, still in this turn.
    for (let i = 0; i < this.perTurn && this.queued > 0; i++) {
      const start = this.waiting[this.head]!;
      this.waiting[this.head++] = noop;
      start();
    }
    // Drop the started entries now and then, not on every start (a shift() is a copy of the queue).
    if (this.head >= 1024 && this.head * 2 >= this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    if (this.queued === 0) {
      this.waiting.length = 0;
      this.head = 0;
    }
    // Scheduled from inside a setImmediate callback, the next one runs on the next turn.
    else this.schedule();
  };
}

/**
 * What the Node server passes with each request (its incoming and outgoing messages). The app must get
 * it too: it is where the client's address is read (getConnInfo), without which every client would
 * count as one for the rate limits.
 */
export interface Bindings {
  outgoing?: { destroyed: boolean };
}

type Fetch = (req: Request, env?: Bindings) => Response | Promise<Response>;

/**
 * The server's fetch callback with requests taking turns, once the app is ready (requests that arrive
 * during start-up queue then, in order, rather than all starting in the turn the app becomes ready). A
 * request whose client went away while it waited (a timeout, a closed tab) is answered 503 without
 * running: the answer goes nowhere, and under overload the work would only lengthen the queue.
 */
export function fetchInTurns(queue: TurnQueue, app: Promise<{ fetch: Fetch }>) {
  return async (req: Request, env?: Bindings): Promise<Response> => {
    const { fetch } = await app;
    return queue.run(() =>
      env?.outgoing?.destroyed ? new Response(null, { status: 503 }) : fetch(req, env),
    );
  };
}

function noop(): void {}
