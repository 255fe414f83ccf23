// The catalog as pages: /models (every code, the generation timeline), /models/compare, a model family
// at /models/:make/:model and a chassis code at /models/:code. The two shapes never collide: a family
// path has two segments; a one-segment path is a chassis code when the catalog has it (in any letter
// case, redirected to the canonical upper case), a make's slug sends the visitor to that make on
// /models, and anything else is a 404 page with near misses. "compare" is neither a code nor a make
// (a test over the fact data keeps it so). See docs/decisions/0012-catalog-pages.md.
import { Hono } from "hono";
import { AppError } from "../../services/app-error.js";
import {
  catalogIndex,
  codeLookup,
  compareCodes,
  familyLookup,
  familyPriceTrends,
  statusCounts,
  treeOf,
} from "../../services/catalog.js";
import { compareQuerySchema } from "../../services/catalog.schema.js";
import { currentDealModel } from "../../services/deals.js";
import { parseInput } from "../../services/inputs.schema.js";
import { ChassisCodePage } from "../../web/pages/chassis-code.js";
import { ComparePage } from "../../web/pages/compare.js";
import { ModelPage } from "../../web/pages/model.js";
import { ModelNotFoundPage } from "../../web/pages/model-not-found.js";
import { ModelsPage } from "../../web/pages/models.js";
import type { AppDeps, AppEnv } from "../context.js";
import { pageQueries } from "./page-query.js";
import { html, viewerOf } from "./render.js";

export function catalogWebRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const viewer = (c: Parameters<typeof viewerOf>[0]) => (deps.market ? viewerOf(c, deps.facts) : undefined);

  app.get("/models", (c) => {
    const today = deps.today();
    return html(c, <ModelsPage viewer={viewer(c)} index={catalogIndex(deps.facts, today)} today={today} />);
  });

  app.get("/models/compare", (c) => {
    const tree = treeOf(deps.facts);
    const queries = pageQueries(c);
    const asked = Object.keys(queries).length > 0;
    const selected = (queries.codes ?? [])
      .flatMap((s) => s.split(/[\s,]+/))
      .map((s) => s.trim().toUpperCase())
      .filter((s) => s !== "");
    let result: ReturnType<typeof compareCodes> | null = null;
    let error: string | null = null;
    if (asked) {
      try {
        result = compareCodes(deps.facts, parseInput(compareQuerySchema, queries), deps.today());
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        error = e.message;
      }
    }
    return html(
      c,
      <ComparePage viewer={viewer(c)} tree={tree} selected={selected} result={result} error={error} />,
      error ? 400 : 200,
    );
  });

  app.get("/models/:make/:model", async (c) => {
    const { make, model } = c.req.param();
    const canonical = `/models/${make.toLowerCase()}/${model.toLowerCase()}`;
    const found = familyLookup(deps.facts, make, model, deps.today());
    if (found.kind === "found" && c.req.path !== canonical) return c.redirect(canonical, 301);
    if (found.kind === "unknown_make")
      return html(
        c,
        <ModelNotFoundPage
          viewer={viewer(c)}
          message={`The catalog has no make "${make}".`}
          suggestions={[]}
          makes={found.makes}
        />,
        404,
      );
    if (found.kind === "unknown_model")
      return html(
        c,
        <ModelNotFoundPage
          viewer={viewer(c)}
          message={`The catalog has no ${found.make.make} model "${model}".`}
          suggestions={[]}
          makes={[]}
          make={found.make}
        />,
        404,
      );
    const market = deps.market;
    const trends = market
      ? await familyPriceTrends(market.database.db, found.family, currentDealModel("us"))
      : ("no_marketplace" as const);
    return html(
      c,
      <ModelPage
        viewer={viewer(c)}
        codes={found.codes}
        timeline={found.timeline}
        counts={statusCounts(found.timeline)}
        trends={typeof trends === "string" || trends.summary.total > 0 ? trends : "no_listings"}
      />,
    );
  });

  app.get("/models/:code", (c) => {
    const input = c.req.param("code");
    const found = codeLookup(deps.facts, input, deps.today());
    if (found.kind === "make") return c.redirect(`/models#${found.make.slug}`, 302);
    if (found.kind === "unknown")
      return html(
        c,
        <ModelNotFoundPage
          viewer={viewer(c)}
          message={`The catalog has no chassis code or make "${input.slice(0, 40)}". keiyard matches exact codes only.`}
          suggestions={found.suggestions}
          makes={found.makes}
        />,
        404,
      );
    if (input !== found.code.entry.chassisCode)
      return c.redirect(`/models/${found.code.entry.chassisCode}`, 301);
    return html(
      c,
      <ChassisCodePage
        viewer={viewer(c)}
        code={found.code}
        timeline={found.timeline}
        tree={treeOf(deps.facts)}
        hasMarket={deps.market !== undefined}
      />,
    );
  });
  return app;
}
