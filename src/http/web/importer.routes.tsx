// /importer: sellers upload auction-lot CSVs, follow the upload and the evaluation, and browse, sort,
// filter and download the saved batches.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Context, Hono } from "hono";
import { stream } from "hono/streaming";
import { z } from "zod";
import { LOT_CSV_COLUMNS, lotCsvLine } from "../../present/lots.present.js";
import { AppError } from "../../services/app-error.js";
import { idParam, parseInput } from "../../services/inputs.schema.js";
import {
  allBatchResults,
  batchesOf,
  batchFor,
  batchResults,
  deleteBatch,
  evaluateUpload,
  RESULT_FILTERS,
  RESULT_SORTS,
} from "../../services/lot-batches.js";
import { IMPORTER_ISLAND } from "../../web/islands/importer.js";
import { renderGuide } from "../../web/markdown/index.js";
import { BatchPage, ImporterPage, LotFormatPage } from "../../web/pages/importer.js";
import type { AppDeps, AppEnv, MarketDeps } from "../context.js";
import { LOTS_TOO_LARGE } from "../middleware/body-limit.js";
import { pageQuery } from "./page-query.js";
import { formFields, html, viewerOf } from "./render.js";

const ROOT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const viewQuery = z.object({
  sort: z.enum(RESULT_SORTS).default("margin"),
  filter: z.enum(RESULT_FILTERS).default("all"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  existing: z.string().optional(),
});

export function importerWebRoutes(deps: AppDeps, market: MarketDeps) {
  const { database } = market;
  const app = new Hono<AppEnv>();
  const page = async (
    c: Context<AppEnv>,
    error?: AppError,
    status: 200 | 400 = 200,
    values?: Record<string, string>,
    notice?: string,
  ) => {
    const batches = await batchesOf(database, c.get("user"));
    return html(
      c,
      <ImporterPage
        viewer={viewerOf(c, deps.facts)}
        batches={batches}
        today={deps.today()}
        error={error}
        values={values}
        notice={notice}
      />,
      status,
    );
  };

  app.get("/importer", async (c) => {
    if (!c.get("user")) return c.redirect("/login?next=/importer", 303);
    // Sent here by the body limit when a browser posted a file over the limit without the island.
    if (c.req.query("too-large") !== undefined)
      return page(c, new AppError("payload_too_large", LOTS_TOO_LARGE));
    return page(c, undefined, 200, undefined, c.req.query("deleted") ? "The batch was deleted." : undefined);
  });

  app.post("/importer", async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    const fields = Object.fromEntries(
      Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
    );
    const upload = {
      name: file instanceof File ? file.name : "",
      bytes: file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array(),
    };
    const ctx = { facts: deps.facts, jpyPerUsd: market.jpyPerUsd };
    const user = c.get("user");
    if ((c.req.header("accept") ?? "").includes("application/x-ndjson")) {
      // The island's request: progress lines while evaluating, then where the batch is.
      c.header("content-type", "application/x-ndjson; charset=utf-8");
      c.header("cache-control", "no-store");
      return stream(c, async (s) => {
        const line = async (o: unknown) => {
          await s.write(`${JSON.stringify(o)}\n`);
        };
        try {
          const { batch, existing } = await evaluateUpload(database, user, upload, fields, {
            ...ctx,
            onProgress: (p) => line({ kind: "progress", ...p }),
          });
          await line({
            kind: "done",
            url: `/importer/batches/${batch.id}${existing ? "?existing=1" : ""}`,
          });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          await line({ kind: "error", message: e.message });
        }
      });
    }
    try {
      const { batch, existing } = await evaluateUpload(database, user, upload, fields, ctx);
      return c.redirect(`/importer/batches/${batch.id}${existing ? "?existing=1" : ""}`, 303);
    } catch (e) {
      if (!(e instanceof AppError) || !["invalid_input", "payload_too_large"].includes(e.code)) throw e;
      return page(c, e, 400, fields);
    }
  });

  app.post("/importer/batches/:id{[0-9]+}/delete", async (c) => {
    const id = parseInput(idParam, c.req.param("id"));
    const { confirm } = await formFields(c);
    // The page's box must be ticked: a deleted batch cannot come back.
    if (confirm !== "yes") return c.redirect(`/importer/batches/${id}`, 303);
    await deleteBatch(database, c.get("user"), id);
    return c.redirect("/importer?deleted=1", 303);
  });

  app.get("/importer/batches/:id{[0-9]+}", async (c) => {
    const batch = await batchFor(database, c.get("user"), parseInput(idParam, c.req.param("id")));
    const q = parseInput(viewQuery, pageQuery(c));
    const found = await batchResults(database.db, batch.id, q);
    return html(
      c,
      <BatchPage
        viewer={viewerOf(c, deps.facts)}
        batch={batch}
        results={found.results}
        total={found.total}
        view={q}
        existing={q.existing !== undefined}
      />,
    );
  });

  app.get("/importer/batches/:id{[0-9]+}/results.csv", async (c) => {
    const batch = await batchFor(database, c.get("user"), parseInput(idParam, c.req.param("id")));
    c.header("content-type", "text/csv; charset=utf-8");
    c.header("content-disposition", `attachment; filename="keiyard-lots-${batch.id}.csv"`);
    return stream(c, async (s) => {
      await s.write(`${LOT_CSV_COLUMNS.join(",")}\n`);
      for await (const chunk of allBatchResults(database.db, batch.id))
        await s.write(`${chunk.map(lotCsvLine).join("\n")}\n`);
    });
  });

  // The format document of the repository, rendered once (trusted content, still through the safe renderer).
  let formatHtml: string | null = null;
  app.get("/importer/format", (c) => {
    formatHtml ??= renderGuide(readFileSync(join(ROOT_DIR, "docs", "auction-lots.md"), "utf8")).html;
    return html(c, <LotFormatPage viewer={viewerOf(c, deps.facts)} html={formatHtml} />);
  });

  app.get("/static/importer.js", (c) =>
    c.body(IMPORTER_ISLAND, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );
  return app;
}
