// The haul planner page. A GET form, so every plan is a shareable URL; bad input is shown on the page
// next to the form (400), never as an error page.
import { Hono } from "hono";
import { AppError } from "../../services/app-error.js";
import { haulFor } from "../../services/haul.js";
import { haulQuerySchema } from "../../services/haul.schema.js";
import { parseInput } from "../../services/inputs.schema.js";
import { HaulPage } from "../../web/pages/haul.js";
import type { AppDeps, AppEnv } from "../context.js";
import { pageQuery } from "./page-query.js";
import { html, viewerOf } from "./render.js";

export function haulWebRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const schema = haulQuerySchema(deps.facts);
  app.get("/haul", (c) => {
    const query = Object.fromEntries(Object.entries(pageQuery(c)).filter(([, v]) => v.trim() !== ""));
    const viewer = deps.market ? viewerOf(c, deps.facts) : undefined;
    const asked = Object.keys(query).some((k) => k !== "code" && k !== "height");
    let plan: ReturnType<typeof haulFor> | null = null;
    let error: string | null = null;
    if (asked) {
      try {
        plan = haulFor(deps.facts, parseInput(schema, query));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        error = e.message;
      }
    }
    return html(
      c,
      <HaulPage viewer={viewer} facts={deps.facts} query={query} plan={plan} error={error} />,
      error ? 400 : 200,
    );
  });
  return app;
}
