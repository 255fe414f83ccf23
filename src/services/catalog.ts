// Use cases of the catalog pages: the whole catalog with today's import status per code, one model
// family, one chassis code, a comparison of two to four codes, and a family's price trends from the
// marketplace. Everything but the price trends is the fact data and the pure engines applied to today.
import type { Db } from "../db/client.js";
import { familyPriceHistory } from "../db/repos/price-history.repo.js";
import {
  catalogTree,
  familyOfEntry,
  findChassisCode,
  findFamily,
  type Make,
  type ModelFamily,
  rebadgesOf,
  rebadgeTargets,
} from "../domain/catalog/families.js";
import { describeDrive, describeRecordCaveats } from "../domain/catalog/notes.js";
import { type SpecRow, specRows } from "../domain/catalog/specs.js";
import { suggestChassisCodes } from "../domain/catalog/suggest.js";
import { buildTimeline, type Timeline } from "../domain/catalog/timeline.js";
import {
  checkModelEligibility,
  type ModelEligibility,
  type ModelStatus,
} from "../domain/eligibility/model.js";
import {
  type FairLine,
  fairPriceLine,
  type PriceSummary,
  summarizePrices,
} from "../domain/pricing/trends.js";
import type { DealModel } from "../domain/pricing/types.js";
import { linkSources, type Source } from "../domain/sources.js";
import type { IsoDate, YearMonth } from "../domain/units/dates.js";
import type { CatalogEntry, Facts } from "../facts/schemas.js";
import { AppError } from "./app-error.js";
import type { CompareQuery } from "./catalog.schema.js";

export interface CodeView {
  entry: CatalogEntry;
  family: ModelFamily;
  eligibility: ModelEligibility;
  specs: SpecRow[];
  /** The record's own caveats (low confidence, unverified fields, rebadge), most serious first. */
  caveats: string[];
  driveNote: string | null;
  rebadgeOf: CatalogEntry[];
  alsoSoldAs: CatalogEntry[];
  sources: Source[];
}

const trees = new WeakMap<readonly CatalogEntry[], Make[]>();
/** The catalog tree, built once per (frozen) catalog. */
export function treeOf(facts: Facts): Make[] {
  let tree = trees.get(facts.catalog);
  if (!tree) {
    tree = catalogTree(facts.catalog);
    trees.set(facts.catalog, tree);
  }
  return tree;
}

export function codeView(facts: Facts, entry: CatalogEntry, today: IsoDate): CodeView {
  return {
    entry,
    family: familyOfEntry(treeOf(facts), entry),
    eligibility: checkModelEligibility(entry, today, facts.importRules),
    specs: specRows(entry),
    caveats: describeRecordCaveats(entry, entry.chassisCode),
    driveNote: describeDrive(entry, entry.chassisCode),
    rebadgeOf: rebadgeTargets(entry, facts.catalog),
    alsoSoldAs: rebadgesOf(entry, facts.catalog),
    sources: linkSources(entry.sources),
  };
}

export function statusCounts(timeline: Timeline): Record<ModelStatus, number> {
  const counts: Record<ModelStatus, number> = { all: 0, some: 0, none: 0, unknown: 0 };
  for (const r of timeline.rows) counts[r.status]++;
  return counts;
}

/** The order codes are drawn in: family by family, by production start, unknown starts last. */
function byFamily(families: readonly ModelFamily[]): CatalogEntry[] {
  const start = (e: CatalogEntry) => e.productionStart ?? e.productionEnd ?? "9999";
  return families.flatMap((f) =>
    [...f.entries].sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : 0)),
  );
}

export function catalogIndex(facts: Facts, today: IsoDate) {
  const tree = treeOf(facts);
  const timeline = buildTimeline(byFamily(tree.flatMap((m) => m.families)), today, facts.importRules);
  return { tree, timeline, counts: statusCounts(timeline) };
}

export type FamilyLookup =
  | { kind: "found"; family: ModelFamily; timeline: Timeline; codes: CodeView[] }
  | { kind: "unknown_make"; makes: Make[] }
  | { kind: "unknown_model"; make: Make };

export function familyLookup(
  facts: Facts,
  makeSlug: string,
  modelSlug: string,
  today: IsoDate,
): FamilyLookup {
  const tree = treeOf(facts);
  const { make, family } = findFamily(tree, makeSlug, modelSlug);
  if (!make) return { kind: "unknown_make", makes: tree };
  if (!family) return { kind: "unknown_model", make };
  const entries = byFamily([family]);
  return {
    kind: "found",
    family,
    timeline: buildTimeline(entries, today, facts.importRules, (e) => e.model),
    codes: entries.map((e) => codeView(facts, e, today)),
  };
}

export type CodeLookup =
  | { kind: "found"; code: CodeView; timeline: Timeline }
  /** A make's slug in the chassis-code position: the page sends the visitor to the make. */
  | { kind: "make"; make: Make }
  | { kind: "unknown"; input: string; suggestions: string[]; makes: Make[] };

export function codeLookup(facts: Facts, input: string, today: IsoDate): CodeLookup {
  const tree = treeOf(facts);
  const entry = findChassisCode(facts.catalog, input);
  if (entry) {
    const code = codeView(facts, entry, today);
    const siblings = byFamily([code.family]);
    return {
      kind: "found",
      code,
      timeline: buildTimeline(siblings, today, facts.importRules, (e) => e.model),
    };
  }
  const make = tree.find((m) => m.slug === input.toLowerCase());
  if (make) return { kind: "make", make };
  return { kind: "unknown", input, suggestions: suggestChassisCodes(input, facts.catalog), makes: tree };
}

/** The compared codes in the order asked; an unknown code is a 400 naming it, with "did you mean". */
export function compareCodes(facts: Facts, query: CompareQuery, today: IsoDate) {
  const codes = query.codes.map((c) => {
    const entry = findChassisCode(facts.catalog, c);
    if (!entry) {
      const near = suggestChassisCodes(c, facts.catalog);
      const hint = near.length ? ` (did you mean ${near.join(", ")}?)` : "";
      throw new AppError("invalid_input", `codes: unknown chassis code "${c}"${hint}`, "codes");
    }
    return codeView(facts, entry, today);
  });
  return {
    codes,
    timeline: buildTimeline(
      codes.map((c) => c.entry),
      today,
      facts.importRules,
    ),
  };
}

export interface PriceTrends {
  summary: PriceSummary;
  /** null when no deal model has been fitted yet. */
  fairLine: FairLine | null;
  /** Japan listings of the family: priced in yen, so not charted with the dollar prices. */
  jpCount: number;
}

export async function familyPriceTrends(
  db: Db,
  family: ModelFamily,
  dealModel: DealModel | null,
): Promise<PriceTrends> {
  const { us, jpCount } = await familyPriceHistory(db, {
    chassisCodes: family.entries.map((e) => e.chassisCode),
    make: family.make,
    models: family.names,
  });
  const points = us.map((r) => ({
    year: r.year,
    month: r.month as YearMonth,
    priceCents: r.priceUsdCents,
    make: r.make,
    model: r.model,
    generation: r.generationLabel,
    mileageKm: r.mileageKm,
    drive: r.drive,
  }));
  return {
    summary: summarizePrices(points),
    fairLine: dealModel ? fairPriceLine(dealModel, points) : null,
    jpCount,
  };
}
