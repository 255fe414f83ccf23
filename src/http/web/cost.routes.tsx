// The /cost calculator page. A GET form, so the answer's address is the link to share; the question is
// parsed with the same schema as `keiyard cost` and /api/v1/cost (plus the US price to compare), and any
// bad input comes back as a message on the form, never a 500.
import { Hono } from "hono";
import { dutiableHtsLines } from "../../domain/cost/duty.js";
import { AppError } from "../../services/app-error.js";
import { type CostPageResult, costPageFor } from "../../services/cost-page.js";
import { costPageInputSchema, parseInput } from "../../services/inputs.schema.js";
import { CostPage } from "../../web/pages/cost.js";
import type { AppDeps, AppEnv } from "../context.js";
import { pageQuery } from "./page-query.js";
import { html, viewerOf } from "./render.js";

/** The order of the parameters in a shared link: the form's. */
const FIELD_ORDER = [
  "priceJpy",
  "fx",
  "fxDate",
  "built",
  "hts",
  "to",
  "entry",
  "hmf",
  "japanFeesJpy",
  "freightUsd",
  "insuranceJpy",
  "brokerUsd",
  "customsBondUsd",
  "isfBondUsd",
  "portUsd",
  "deliveryUsd",
  "usPriceUsd",
];

function shareUrl(values: Record<string, string>): string {
  const params = new URLSearchParams();
  const known = FIELD_ORDER.filter((k) => k in values);
  const extra = Object.keys(values).filter((k) => !FIELD_ORDER.includes(k));
  for (const k of [...known, ...extra]) params.set(k, values[k] ?? "");
  const q = params.toString();
  return q ? `/cost?${q}` : "/cost";
}

export function costWebRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const states = deps.facts.stateRules.map((s) => ({ code: s.code, name: s.name }));
  // The data's descriptions are the tariff schedule's; the examples in their last brackets say it shorter.
  const htsLines = dutiableHtsLines(deps.facts.importRules).map((d) => ({
    hts: d.hts,
    description: /\(([^()]+)\)$/.exec(d.description)?.[1] ?? d.description,
    rateText: d.rateText.split(" ")[0] ?? d.rateText,
  }));
  const siteRate = deps.market?.jpyPerUsd ?? null;
  const fxDefault = deps.facts.fxDefault;
  const rateDefault =
    siteRate !== null
      ? { jpyPerUsd: siteRate, text: "this site's rate (set by the operator; not a quote)" }
      : fxDefault
        ? { jpyPerUsd: fxDefault.jpyPerUsd, text: `${fxDefault.kind} of ${fxDefault.date}` }
        : null;

  app.get("/cost", (c) => {
    const raw = pageQuery(c);
    // Blank fields mean "use the default"; an explicitly blank state means "no state".
    const values = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v.trim() !== "" || k === "to"));
    const viewerState = c.get("viewerState");
    const home = states.find((s) => s.code === viewerState) ?? null;
    if (!("to" in values) && home) values.to = home.code;
    const { to, ...rest } = values;
    const query = to ? { ...rest, to } : rest;

    const asked = "priceJpy" in raw;
    let result: CostPageResult | null = null;
    let error: { field: string | null; message: string } | null = null;
    if (asked) {
      try {
        result = costPageFor(deps.facts, parseInput(costPageInputSchema, query), {
          today: deps.today(),
          siteJpyPerUsd: siteRate,
        });
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        const field = e.field ?? null;
        // The form shows the message under the field itself, so the schema's "field: " prefix goes.
        const message =
          e.field && e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
        error = { field, message };
      }
    }
    return html(
      c,
      <CostPage
        viewer={deps.market ? viewerOf(c, deps.facts) : undefined}
        form={{
          values,
          error,
          today: deps.today(),
          rateDefault,
          homeState: home,
          states,
          htsLines,
        }}
        result={result}
        shareUrl={shareUrl(values)}
      />,
      error ? 400 : 200,
    );
  });
  return app;
}
