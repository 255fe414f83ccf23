// Seller pages and reviews: /sellers/:id, a buyer's review of a sale, the seller's answer, reports,
// and the admins' hide / restore.
import { Hono } from "hono";
import { idParam, parseInput } from "../../services/inputs.schema.js";
import {
  leaveReview,
  moderateReview,
  replyToReview,
  reportReview,
  sellerProfile,
} from "../../services/reputation.js";
import { SellerPage } from "../../web/pages/seller.js";
import type { AppDeps, AppEnv, MarketDeps } from "../context.js";
import { formFields, html, safeNext, viewerOf } from "./render.js";

export function reputationWebRoutes(deps: AppDeps, market: MarketDeps) {
  const { database } = market;
  const app = new Hono<AppEnv>();

  app.get("/sellers/:id{[0-9]+}", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const user = c.get("user");
    const profile = await sellerProfile(database, id, user);
    return html(
      c,
      <SellerPage
        viewer={viewerOf(c, deps.facts)}
        profile={profile}
        user={user ? { id: user.id, role: user.role } : null}
      />,
    );
  });

  app.post("/trucks/:id{[0-9]+}/review", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    await leaveReview(database, c.get("user"), id, await formFields(c));
    return c.redirect(`/trucks/${id}#sale-review-h`, 303);
  });

  app.post("/reviews/:id{[0-9]+}/reply", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const fields = await formFields(c);
    const review = await replyToReview(database, c.get("user"), id, fields);
    return c.redirect(safeNext(fields.next, `/sellers/${review.sellerId}`), 303);
  });

  app.post("/reviews/:id{[0-9]+}/report", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const fields = await formFields(c);
    const review = await reportReview(database, c.get("user"), id, fields);
    return c.redirect(safeNext(fields.next, `/sellers/${review.sellerId}`), 303);
  });

  for (const action of ["hide", "restore"] as const)
    app.post(`/reviews/:id{[0-9]+}/${action}`, async (c) => {
      const id = parseInput(idParam, c.req.param("id"));
      const fields = await formFields(c);
      const review = await moderateReview(database, c.get("user"), id, action);
      return c.redirect(safeNext(fields.next, `/sellers/${review.sellerId}`), 303);
    });
  return app;
}
