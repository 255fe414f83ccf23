// The HTTP face: middleware order, the JSON API under /api/v1 with its OpenAPI document, the web pages,
// and onError as the single exit for errors.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { IsoDate } from "../domain/units/dates.js";
import type { Facts } from "../facts/schemas.js";
import { AppError } from "../services/app-error.js";
import { ApiDocsPage } from "../web/pages/api-docs.js";
import { HomePage } from "../web/pages/home.js";
import { costRoutes } from "./api/cost.routes.js";
import { knowledgeRoutes } from "./api/knowledge.routes.js";
import { statesRoutes } from "./api/states.routes.js";
import { errorResponse } from "./errors.js";

export interface AppDeps {
  facts: Facts;
  /** Today's date as the server sees it; passed into the domain, never read there. */
  today: () => IsoDate;
}

export const OPENAPI_INFO = {
  openapi: "3.0.3",
  info: {
    title: "keiyard API",
    version: "1",
    description:
      "Kei-truck facts and rules engines: decode, import eligibility, state legality, landed cost.",
  },
};

export function createApp(deps: AppDeps) {
  const api = new OpenAPIHono();
  api.route("/", knowledgeRoutes(deps.facts, deps.today));
  api.route("/", statesRoutes(deps.facts, deps.today));
  api.route("/", costRoutes(deps.facts, deps.today));

  const app = new OpenAPIHono();
  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) =>
    c.req.path.startsWith("/api/")
      ? errorResponse(c, new AppError("not_found", `no such API route: ${c.req.method} ${c.req.path}`))
      : c.html(
          `<!doctype html><title>Not found · keiyard</title><p>Not found. <a href="/">Home</a></p>`,
          404,
        ),
  );

  app.get("/healthz", (c) => c.json({ ok: true }));
  app.route("/api/v1", api);
  app.doc("/api/openapi.json", { ...OPENAPI_INFO, servers: [{ url: "/" }] });
  app.get("/api/docs", (c) => c.html(`<!doctype html>${ApiDocsPage({ doc: apiDocument(app) })}`));
  app.get("/", (c) => c.html(`<!doctype html>${HomePage({ facts: deps.facts, today: deps.today() })}`));
  // Plain-HTML forms cannot put a value into a path: these send them to the API route.
  app.get("/states/lookup", (c) =>
    c.redirect(`/api/v1/states/${encodeURIComponent(c.req.query("code") ?? "")}`),
  );
  app.get("/decode", (c) => c.redirect(`/api/v1/decode/${encodeURIComponent(c.req.query("input") ?? "")}`));
  return app;
}

export function apiDocument(app: OpenAPIHono) {
  return app.getOpenAPIDocument(OPENAPI_INFO);
}
