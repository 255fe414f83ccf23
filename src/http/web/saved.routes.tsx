// The watchlist: the heart posts to /saved/:id; /saved lists the trucks with what changed since.
import { Hono } from "hono";
import { z } from "zod";
import { idParam, parseInput } from "../../services/inputs.schema.js";
import { savedFor, setWatch } from "../../services/watchlist.js";
import { SavedPage } from "../../web/pages/saved.js";
import type { AppDeps, AppEnv, MarketDeps } from "../context.js";
import { formFields, html, safeNext, viewerOf } from "./render.js";

const watchInput = z.object({ watch: z.enum(["0", "1"]).default("1") });

export function savedWebRoutes(deps: AppDeps, market: MarketDeps) {
  const { database } = market;
  const app = new Hono<AppEnv>();

  app.post("/saved/:id{[0-9]+}", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const fields = await formFields(c);
    const { watch } = parseInput(watchInput, fields);
    await setWatch(database, c.get("user"), id, watch === "1");
    return c.redirect(safeNext(fields.next, "/saved"), 303);
  });

  app.get("/saved", async (c) => {
    if (!c.get("user")) return c.redirect("/login?next=/saved", 303);
    const items = await savedFor(database, c.get("user"));
    return html(c, <SavedPage viewer={viewerOf(c, deps.facts)} items={items} />);
  });
  return app;
}
