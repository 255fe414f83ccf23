// The knowledge core as pages: /states, /states/:code and the /import checker. They work without the
// marketplace database; with it, the visitor's home state picks the checklist's state path.
import { Hono } from "hono";
import { buildImportChecklist } from "../../domain/checklist/index.js";
import { codesCrossingIn } from "../../domain/eligibility/model.js";
import { legalityMap } from "../../domain/legality/map-data.js";
import type { IsoDate } from "../../domain/units/dates.js";
import { monthOf } from "../../domain/units/dates.js";
import { turning25Calendar } from "../../present/calendar.ics.js";
import { AppError } from "../../services/app-error.js";
import { eligibilityFor } from "../../services/eligibility.js";
import {
  eligibilityInputSchema,
  isoDateString,
  parseInput,
  stateCodeString,
} from "../../services/inputs.schema.js";
import { legalityFor, legalityForAll } from "../../services/legality.js";
import { stateMapSvg } from "../../web/charts/state-map.js";
import { absoluteUrl, shareDescription } from "../../web/components/share.js";
import { ImportPage } from "../../web/pages/import.js";
import { StatePage, StatesPage } from "../../web/pages/states.js";
import type { AppDeps, AppEnv } from "../context.js";
import { pageQuery } from "./page-query.js";
import { html, viewerOf } from "./render.js";

export function knowledgeWebRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const viewer = (c: Parameters<typeof viewerOf>[0]) => (deps.market ? viewerOf(c, deps.facts) : undefined);
  const onDate = (v: string | undefined) => (v ? parseInput(isoDateString, v) : deps.today()) as IsoDate;

  app.get("/states", (c) => {
    const on = onDate(c.req.query("on"));
    const states = legalityForAll(deps.facts, on);
    const map = legalityMap(states);
    const share = {
      url: absoluteUrl(new URL(c.req.url).origin, "/states"),
      title: "Where can I drive a kei truck? All 50 states and DC",
      description:
        "Street legality of Japanese kei trucks in every state and DC, with road limits, sources and review dates.",
    };
    return html(
      c,
      <StatesPage
        viewer={viewer(c)}
        states={states}
        on={on}
        map={map}
        mapSvg={stateMapSvg(map)}
        share={share}
      />,
    );
  });

  app.get("/states/:code{[A-Za-z]{2}}", (c) => {
    const raw = c.req.param("code");
    // One address a state: /states/tx (as typed, or from the lookup form) moves to /states/TX.
    if (raw !== raw.toUpperCase()) {
      const url = new URL(c.req.url);
      return c.redirect(`/states/${raw.toUpperCase()}${url.search}`, 301);
    }
    const code = parseInput(stateCodeString, raw);
    const state = legalityFor(deps.facts, code, onDate(c.req.query("on")));
    const share = {
      url: absoluteUrl(new URL(c.req.url).origin, `/states/${state.code}`),
      title: `Kei trucks in ${state.name}: ${state.statusLabel}`,
      description: `${shareDescription(state.summary, 180)} Not legal advice.`,
    };
    return html(c, <StatePage viewer={viewer(c)} state={state} share={share} />);
  });

  const MONTHS = 24;
  const crossings = (today: IsoDate) =>
    codesCrossingIn(deps.facts.catalog, monthOf(today), MONTHS, deps.facts.importRules);
  const makes = [...new Set(deps.facts.catalog.map((e) => e.make))].sort();

  app.get("/import/calendar.ics", (c) => {
    const make = c.req.query("make") ?? null;
    if (make && !makes.some((m) => m.toLowerCase() === make.toLowerCase()))
      throw new AppError(
        "invalid_input",
        `make: unknown make "${make}" (one of ${makes.join(", ")})`,
        "make",
      );
    const today = deps.today();
    const body = turning25Calendar(crossings(today), { today, make, baseUrl: new URL(c.req.url).origin });
    return c.body(body, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "public, max-age=3600",
    });
  });

  app.get("/import", (c) => {
    const query = Object.fromEntries(Object.entries(pageQuery(c)).filter(([, v]) => v.trim() !== ""));
    const today = deps.today();
    const asked = Boolean(query.frame || query.built || query.firstRegistered);
    let result: ReturnType<typeof eligibilityFor> | null = null;
    let error: string | null = null;
    if (asked) {
      try {
        result = eligibilityFor(deps.facts, parseInput(eligibilityInputSchema, query), today);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        error = e.message;
      }
    }
    const checklist = result
      ? buildImportChecklist(
          {
            eligibility: result,
            state: c.get("viewerState"),
            on: result.entryDate,
            frameNumber: query.frame ?? null,
          },
          deps.facts.importRules,
          deps.facts.stateRules,
        )
      : null;
    return html(
      c,
      <ImportPage
        viewer={viewer(c)}
        query={query}
        today={today}
        result={result}
        checklist={checklist}
        error={error}
        calendar={crossings(today)}
        makes={makes}
      />,
      error ? 400 : 200,
    );
  });
  return app;
}
