// The HTTP face: middleware order, the JSON API under /api/v1 with its OpenAPI document, the web pages,
// and onError as the single exit for errors.
import { OpenAPIHono } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { csrf } from "hono/csrf";
import { AppError } from "../services/app-error.js";
import { searchListings } from "../services/search.js";
import { ApiDocsPage } from "../web/pages/api-docs.js";
import { HomePage } from "../web/pages/home.js";
import { auctionSheetRoutes } from "./api/auction-sheet.routes.js";
import { costRoutes } from "./api/cost.routes.js";
import { haulRoutes } from "./api/haul.routes.js";
import { knowledgeRoutes } from "./api/knowledge.routes.js";
import { listingsRoutes } from "./api/listings.routes.js";
import { statesRoutes } from "./api/states.routes.js";
import type { AppDeps, AppEnv } from "./context.js";
import { errorResponse } from "./errors.js";
import { bodyLimits } from "./middleware/body-limit.js";
import { POLICIES, type RatePolicy, rateLimit } from "./middleware/rate-limit.js";
import { requestLog } from "./middleware/request-log.js";
import { securityHeaders } from "./middleware/security.js";
import { sessionMiddleware } from "./middleware/session.js";
import { adminWebRoutes } from "./web/admin.routes.js";
import { alertWebRoutes } from "./web/alerts.routes.js";
import { auctionSheetWebRoutes } from "./web/auction-sheet.routes.js";
import { authRoutes } from "./web/auth.routes.js";
import { catalogWebRoutes } from "./web/catalog.routes.js";
import { commentWebRoutes } from "./web/comments.routes.js";
import { costWebRoutes } from "./web/cost.routes.js";
import { guideWebRoutes } from "./web/guides.routes.js";
import { haulWebRoutes } from "./web/haul.routes.js";
import { importerWebRoutes } from "./web/importer.routes.js";
import { knowledgeWebRoutes } from "./web/knowledge.routes.js";
import { listingWebRoutes } from "./web/listings.routes.js";
import { viewerOf } from "./web/render.js";
import { reputationWebRoutes } from "./web/reputation.routes.js";
import { savedWebRoutes } from "./web/saved.routes.js";
import { searchWebRoutes } from "./web/search.routes.js";
import { shareWebRoutes } from "./web/share.routes.js";

/** A green rounded square with a white "k": the site's mark at 16 to 64 pixels. */
const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#2f6b3a"/><text x="16" y="24" font-family="Arial,sans-serif" font-size="22" font-weight="700" text-anchor="middle" fill="#fff">k</text></svg>';

export type { AppDeps } from "./context.js";

export const OPENAPI_INFO = {
  openapi: "3.0.3",
  info: {
    title: "keiyard API",
    version: "1",
    description:
      "Kei-truck facts and rules engines (decode, import eligibility, state legality, landed cost) and the marketplace.",
  },
};

export function createApp(deps: AppDeps) {
  const api = new OpenAPIHono<AppEnv>();
  api.route("/", knowledgeRoutes(deps.facts, deps.today));
  api.route("/", statesRoutes(deps.facts, deps.today));
  api.route("/", costRoutes(deps.facts, deps.today));
  api.route("/", haulRoutes(deps.facts));
  api.route("/", auctionSheetRoutes(deps.facts));
  if (deps.market) api.route("/", listingsRoutes({ ...deps.market, facts: deps.facts, today: deps.today }));

  const app = new OpenAPIHono<AppEnv>();
  app.onError((err, c) => errorResponse(c, err));
  // An unknown address gets the same error page as a missing listing (language, charset, links on).
  app.notFound((c) =>
    errorResponse(
      c,
      c.req.path.startsWith("/api/")
        ? new AppError("not_found", `no such API route: ${c.req.method} ${c.req.path}`)
        : new AppError("not_found", `there is no page at ${c.req.path}`),
    ),
  );
  app.use("*", requestLog(deps.log));
  app.use("*", securityHeaders({ hsts: deps.market?.secureCookies ?? false }));
  app.use("*", bodyLimits());
  // Forms from other sites may not post here (Origin check); the session cookie is SameSite=Lax too.
  app.use("*", csrf());
  app.use("*", sessionMiddleware(deps.market?.database));
  if (deps.market) {
    const o = { database: deps.market.database, scale: 1, trustProxy: false, ...deps.market.rateLimits };
    const limit = (method: "GET" | "POST", path: string, policy: RatePolicy) =>
      app.on(method, path, rateLimit(policy, o));
    limit("POST", "/signup", POLICIES.signup);
    limit("POST", "/login", POLICIES.login);
    limit("POST", "/reset", POLICIES.passwordReset);
    limit("POST", "/confirm-email", POLICIES.confirmEmail);
    limit("POST", "/confirm-email", POLICIES.confirmEmailDaily);
    limit("POST", "/trucks/:id/photos", POLICIES.uploads);
    for (const path of [
      "/trucks/:id/review",
      "/reviews/*",
      "/comments/*",
      "/guides/:slug/comments",
      "/trucks/:id/questions",
    ]) {
      limit("POST", path, POLICIES.posts);
      limit("POST", path, POLICIES.postsByAddress);
    }
    app.use("/api/v1/*", rateLimit(POLICIES.api, o));
  }

  // The site's icon, a few hundred bytes of SVG kept here (no file to ship); /favicon.ico is what
  // browsers ask for when a page names none (feeds, the API's JSON), and gets the same.
  for (const path of ["/favicon.svg", "/favicon.ico"])
    app.get(path, (c) =>
      c.body(FAVICON_SVG, 200, {
        "content-type": "image/svg+xml",
        "cache-control": "public, max-age=86400",
      }),
    );

  // Liveness: the process answers. Readiness: it can reach its database too (a load balancer's check).
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/readyz", async (c) => {
    if (!deps.market) return c.json({ ok: true, database: "none" });
    try {
      await deps.market.database.db.execute(sql`select 1`);
      return c.json({ ok: true, database: deps.market.database.kind });
    } catch {
      return c.json({ ok: false, database: "unreachable" }, 503);
    }
  });
  app.route("/api/v1", api);
  app.doc("/api/openapi.json", { ...OPENAPI_INFO, servers: [{ url: "/" }] });
  app.get("/api/docs", (c) =>
    c.html(
      `<!doctype html>${ApiDocsPage({ doc: apiDocument(app), viewer: deps.market ? viewerOf(c, deps.facts) : undefined })}`,
    ),
  );
  app.get("/", async (c) => {
    const market = deps.market;
    const recent = market
      ? await searchListings(
          market.database.db,
          deps.facts,
          { sort: "newest", pageSize: 6 },
          { today: deps.today(), jpyPerUsd: market.jpyPerUsd },
        )
      : null;
    const price = (i: NonNullable<typeof recent>["items"][number]) =>
      i.location === "us"
        ? `$${(i.priceUsd ?? 0).toLocaleString("en-US")}`
        : `¥${(i.priceJpy ?? 0).toLocaleString("en-US")}`;
    return c.html(
      `<!doctype html>${HomePage({
        facts: deps.facts,
        today: deps.today(),
        viewer: market ? viewerOf(c, deps.facts) : undefined,
        total: recent?.total,
        totalEstimated: recent?.countsEstimated ?? false,
        recent: recent?.items.map((i) => ({
          id: i.id,
          title: i.title,
          photo: i.photo,
          priceLabel: price(i),
        })),
      })}`,
    );
  });
  // Plain-HTML forms cannot put a value into a path: these send them to the page or API route.
  app.get("/states/lookup", (c) => {
    const code = (c.req.query("code") ?? "").trim().toUpperCase();
    return c.redirect(code ? `/states/${encodeURIComponent(code)}` : "/states");
  });
  app.get("/decode", (c) => c.redirect(`/api/v1/decode/${encodeURIComponent(c.req.query("input") ?? "")}`));

  app.route("/", knowledgeWebRoutes(deps));
  app.route("/", haulWebRoutes(deps));
  app.route("/", auctionSheetWebRoutes(deps));
  app.route("/", catalogWebRoutes(deps));
  app.route("/", costWebRoutes(deps));
  app.route("/", guideWebRoutes(deps));
  if (deps.market) {
    app.route("/", authRoutes(deps, deps.market));
    app.route("/", listingWebRoutes(deps, deps.market));
    app.route("/", searchWebRoutes(deps, deps.market));
    app.route("/", reputationWebRoutes(deps, deps.market));
    app.route("/", savedWebRoutes(deps, deps.market));
    app.route("/", alertWebRoutes(deps, deps.market));
    app.route("/", importerWebRoutes(deps, deps.market));
    app.route("/", shareWebRoutes(deps, deps.market));
    app.route("/", commentWebRoutes(deps.market, deps.facts));
    app.route("/", adminWebRoutes(deps, deps.market));
  }
  return app;
}

export function apiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPIDocument(OPENAPI_INFO);
}
