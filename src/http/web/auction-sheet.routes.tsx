// The auction-sheet reader page. A GET form, so a reading is a shareable URL; bad input is shown on
// the page next to the form (400), never as an error page.
import { Hono } from "hono";
import { AppError } from "../../services/app-error.js";
import { auctionSheetFor } from "../../services/auction-sheet.js";
import { auctionSheetQuerySchema } from "../../services/auction-sheet.schema.js";
import { parseInput } from "../../services/inputs.schema.js";
import { AuctionSheetPage } from "../../web/pages/auction-sheet.js";
import type { AppDeps, AppEnv } from "../context.js";
import { pageQuery } from "./page-query.js";
import { html, viewerOf } from "./render.js";

export function auctionSheetWebRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const schema = auctionSheetQuerySchema();
  app.get("/auction-sheet", (c) => {
    const query = pageQuery(c);
    const viewer = deps.market ? viewerOf(c, deps.facts) : undefined;
    const asked = Object.values(query).some((v) => v.trim() !== "");
    let reading: ReturnType<typeof auctionSheetFor> | null = null;
    let error: string | null = null;
    if (asked) {
      try {
        reading = auctionSheetFor(deps.facts, parseInput(schema, query));
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        error = e.message;
      }
    }
    return html(
      c,
      <AuctionSheetPage
        viewer={viewer}
        sheet={deps.facts.auctionSheet}
        query={query}
        reading={reading}
        error={error}
      />,
      error ? 400 : 200,
    );
  });
  return app;
}
