// The authorization matrix (test/authz/matrix.ts) run against the real app and database: every
// state-changing route, called as anonymous, a buyer, another seller, the owner and an admin. Each call
// must get its status; a refused call must leave every table exactly as it was, an allowed one must make
// its change. The list of routes comes from the app's own route table, so a new route without a matrix
// entry fails here.
// The app first: @hono/zod-openapi must extend zod before any shared input schema is built.
import "../../test/market.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actors, createActors, ROLES, sessionFor } from "../../test/authz/fixtures.js";
import { type Call, MATRIX, STATE_CHANGING_GETS } from "../../test/authz/matrix.js";
import { snapshotTables } from "../../test/db-harness.js";
import { createMarket, type Market, ORIGIN } from "../../test/market.js";
import { mutatingRoutes } from "../../test/routes.js";
import { users } from "../db/schema/users.js";
import { jpegOf } from "../photos/test-fixtures.js";
import { SESSION_COOKIE } from "./middleware/session.js";

describe("authorization matrix", () => {
  let market: Market;
  let actors: Actors;
  let photo: Buffer;
  beforeAll(async () => {
    market = await createMarket();
    actors = await createActors(market.database.db);
    photo = await jpegOf(640, 480);
  }, 60_000);
  afterAll(async () => market?.dispose());

  /** Sends a matrix call as a browser would: same-site Origin, the session cookie, a form body. */
  function send(call: Call, method: string, session: string | undefined) {
    const headers = new Headers({ origin: ORIGIN, accept: "text/html" });
    if (session) headers.set("cookie", `${SESSION_COOKIE}=${session}`);
    let body: FormData | string | undefined = call.multipart;
    if (call.form || (method !== "GET" && !body)) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(call.form ?? {}).toString();
    }
    return market.app.request(`${ORIGIN}${call.path}`, { method, headers, body });
  }

  it("has an entry for every state-changing route of the app, and none for a route that is gone", () => {
    const routes = [...mutatingRoutes(market.app).map((r) => r.key), ...STATE_CHANGING_GETS];
    const covered = new Set(MATRIX.map((e) => e.route));
    expect(routes.filter((r) => !covered.has(r))).toEqual([]);
    expect([...covered].filter((r) => !routes.includes(r))).toEqual([]);
    // The inventory itself finds the routes it should (and not the rate limiters beside them).
    expect(routes).toContain("POST /trucks/:id/edit");
    expect(routes).not.toContain("POST /comments/*");
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  // A banned seller keeps their account but may change none of their listings (nor list new ones).
  for (const route of [
    "POST /sell",
    "POST /trucks/:id/edit",
    "POST /trucks/:id/status",
    "POST /trucks/:id/delete",
    "POST /trucks/:id/photos",
  ])
    it(`${route} as the owner, banned`, async () => {
      const db = market.database.db;
      const entry = MATRIX.find((e) => e.route === route)!;
      const me = actors.users.owner;
      await db.update(users).set({ bannedAt: new Date() }).where(eq(users.id, me.id));
      try {
        const session = await sessionFor(db, me.id);
        const call = await entry.prepare({ db, actors, role: "owner", me, session, photo });
        const before = await snapshotTables(db);
        const res = await send(call, "POST", session);
        expect(res.status).toBe(403);
        expect(await snapshotTables(db)).toEqual(before);
      } finally {
        await db.update(users).set({ bannedAt: null }).where(eq(users.id, me.id));
      }
    });

  for (const entry of MATRIX)
    for (const role of ROLES)
      it(`${entry.route}${entry.variant ? ` (${entry.variant})` : ""} as ${role}`, async () => {
        const db = market.database.db;
        const me = role === "anonymous" ? undefined : actors.users[role];
        const session = me ? await sessionFor(db, me.id) : undefined;
        const call = await entry.prepare({ db, actors, role, me, session, photo });
        const [method] = entry.route.split(" ");
        const before = await snapshotTables(db);
        const res = await send(call, method!, session);
        const want = entry.expect[role];
        expect({ status: res.status, text: res.status === want.status ? "" : await res.text() }).toEqual({
          status: want.status,
          text: "",
        });
        const after = await snapshotTables(db);
        if (want.effect === "none") expect(after).toEqual(before);
        else {
          expect(after).not.toEqual(before);
          await call.applied?.();
        }
      });
});
