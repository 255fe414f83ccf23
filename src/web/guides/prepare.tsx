// Turns the guide files into pages once, at start-up: renders the Markdown with the fact directives,
// checks what a file names (catalog codes, the related-listings search, headings) and computes the
// reading time. Everything that can be wrong in a guide is found here, with the file and field named.
import type { CatalogEntry, Facts } from "../../facts/schemas.js";
import { countWords, GuideError, readingMinutes } from "../../guides/load.js";
import type { GuideSource } from "../../guides/schema.js";
import { AppError } from "../../services/app-error.js";
import { parseInput } from "../../services/inputs.schema.js";
import { searchQuerySchema } from "../../services/search.schema.js";
import { EngineTimingTable, KeiSizeLimitsTable } from "../components/fact-tables.js";
import { DirectiveError, type Directives, renderGuide, type TocEntry } from "../markdown/index.js";

export interface Guide extends GuideSource {
  html: string;
  toc: TocEntry[];
  words: number;
  minutes: number;
  models: CatalogEntry[];
  /** The /trucks search for related listings (empty: the newest). */
  listingQuery: Record<string, string>;
}

/** What `{{name}}` may stand for in a guide: fact tables, and short values inside sentences. */
export function guideDirectives(facts: Facts): Directives {
  const r = facts.importRules;
  const current = r.keiRegulations.find((e) => e.to === null);
  const cap = r.keiPowerCap as { maxPowerPs?: number } | undefined;
  const inline = (text: string | number | undefined) => ({
    kind: "inline" as const,
    text: String(text ?? "unknown"),
  });
  return {
    "kei-size-limits": { kind: "block", html: String(<KeiSizeLimitsTable importRules={r} />) },
    "engine-timing": { kind: "block", html: String(<EngineTimingTable facts={facts} />) },
    "fmvss-age": inline(r.fmvss.minAgeYears),
    "fmvss-citation": inline(r.fmvss.citation.split(";")[0]),
    "fmvss-form": inline((r.fmvss.form as { name?: string } | undefined)?.name),
    "epa-form": inline(typeof r.epa.form === "string" ? r.epa.form.replace(/\s*\(.*$/, "") : undefined),
    "epa-age": inline(r.epa.minAgeYears),
    "epa-code": inline(r.epa.code),
    "kei-max-cc": inline(current?.maxDisplacementCc),
    "kei-power-ps": inline(cap?.maxPowerPs),
    "catalog-codes": inline(facts.catalog.length),
    "facts-reviewed": inline(r.meta.reviewedOn),
  };
}

/** The first tag that names a make or model of the catalog becomes the search ("acty" finds Actys). */
function queryFromTags(tags: readonly string[], facts: Facts): Record<string, string> {
  const names = new Set(
    facts.catalog.flatMap((e) => [e.make.toLowerCase(), e.model.split(/\s+/)[0]!.toLowerCase()]),
  );
  const tag = tags.find((t) => names.has(t));
  return tag ? { q: tag } : {};
}

function prepareOne(g: GuideSource, facts: Facts, directives: Directives): Guide {
  const fail = (what: string) => new GuideError(`${g.file}: ${what}`);
  let rendered: ReturnType<typeof renderGuide>;
  try {
    rendered = renderGuide(g.body, directives);
  } catch (e) {
    if (e instanceof DirectiveError) throw fail(e.message);
    throw e;
  }
  if (/<h1[\s>]/.test(rendered.html))
    throw fail("use ## headings in the text: the title is the page's only level-1 heading");
  const models = g.meta.models.map((code) => {
    const entry = facts.catalog.find((e) => e.chassisCode === code);
    if (!entry) throw fail(`field models: "${code}" is not a chassis code of the catalog`);
    return entry;
  });
  let listingQuery = g.meta.listings ?? queryFromTags(g.meta.tags, facts);
  try {
    parseInput(searchQuerySchema, listingQuery);
  } catch (e) {
    if (e instanceof AppError) throw fail(`field listings: ${e.message}`);
    throw e;
  }
  listingQuery = Object.fromEntries(Object.entries(listingQuery).filter(([k]) => k !== "page"));
  const words = countWords(rendered.text);
  return {
    ...g,
    html: rendered.html,
    toc: rendered.toc,
    words,
    minutes: readingMinutes(words),
    models,
    listingQuery,
  };
}

export function prepareGuides(sources: readonly GuideSource[], facts: Facts): Guide[] {
  const directives = guideDirectives(facts);
  return sources.map((g) => prepareOne(g, facts, directives));
}
