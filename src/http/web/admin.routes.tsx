// /admin for moderators: the reports queue, bans, and the audit log. Everyone else: a log-in redirect
// when signed out, 403 when signed in.
import { Hono } from "hono";
import { idParam, parseInput } from "../../services/inputs.schema.js";
import { moderationOverview, resolveReport, setBan } from "../../services/moderation.js";
import { AdminPage } from "../../web/pages/admin.js";
import type { AppDeps, AppEnv, MarketDeps } from "../context.js";
import { formFields, html, viewerOf } from "./render.js";

export function adminWebRoutes(deps: AppDeps, market: MarketDeps) {
  const { database } = market;
  const app = new Hono<AppEnv>();

  app.get("/admin", async (c) => {
    const user = c.get("user");
    if (!user) return c.redirect("/login?next=/admin", 303);
    const overview = await moderationOverview(database, user);
    return html(c, <AdminPage viewer={viewerOf(c, deps.facts)} overview={overview} />);
  });

  app.post("/admin/reports/:id{[0-9]+}/resolve", async (c) => {
    await resolveReport(database, c.get("user"), parseInput(idParam, c.req.param("id")));
    return c.redirect("/admin", 303);
  });

  for (const [path, ban] of [
    ["/admin/ban", true],
    ["/admin/unban", false],
  ] as const)
    app.post(path, async (c) => {
      await setBan(database, c.get("user"), await formFields(c), ban);
      return c.redirect("/admin#audit-h", 303);
    });
  return app;
}
