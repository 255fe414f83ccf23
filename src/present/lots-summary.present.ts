// The end of a lot run, for people (text) and programs (JSON): what was counted, what the numbers rest
// on (arrival date, state, exchange rate and where it came from, what priced the trucks), what landed
// cost leaves out, the best margins, the first errors, and the disclaimer.
import type { LandedCost } from "../domain/cost/types.js";
import type { LotSummary, TopLot } from "../domain/lots/summary.js";
import type { ImportRules } from "../facts/schemas.js";
import { dollars } from "./lots.present.js";

export type LotPricingInfo =
  | {
      kind: "model";
      listings: number;
      demoListings: number;
      /** Read from the deal-model snapshot (ISO time of the fit; bySite: a running site holds the database). */
      snapshot?: { fittedAt: string; bySite: boolean };
    }
  | { kind: "none"; reason: string };

export interface LotRunInfo {
  file: string;
  arrival: string;
  state: { code: string; name: string };
  fx: { jpyPerUsd: number; from: "--fx" | "KEIYARD_JPY_PER_USD" };
  priceUnit: number;
  pricing: LotPricingInfo;
  retail: ImportRules["usRetailPrices"];
  sampleCost: LandedCost | null;
  out: string | null;
  elapsedMs: number;
  /** Worker threads that evaluated the file (0: the main thread alone). */
  threads: number;
  disclaimer: string;
}

const n = (v: number) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const usd = (cents: number) => `${cents < 0 ? "-" : ""}$${n(Math.round(Math.abs(cents) / 100))}`;

function pricingText(info: LotRunInfo): string {
  const p = info.pricing;
  if (p.kind === "none") return `no fair-price model (${p.reason})`;
  const demo =
    p.demoListings === 0
      ? ""
      : p.demoListings === p.listings
        ? ": all of them demo listings, so these estimates are illustrative, not market prices"
        : `, ${n(p.demoListings)} of them demo listings (illustrative, not market prices)`;
  const on = `${n(p.listings)} US marketplace listings${demo}`;
  if (!p.snapshot) return `the deal model fitted on ${on}`;
  const at = `${p.snapshot.fittedAt.slice(0, 16).replace("T", " ")} UTC`;
  return p.snapshot.bySite
    ? `the deal model fitted at ${at} by the running site on ${on} (its snapshot: listings changed since are not in it)`
    : `the deal model fitted on ${on} (from the snapshot of ${at}: the database has not changed since)`;
}

function retailText(info: LotRunInfo): string | null {
  const r = info.retail;
  if (!r) return null;
  const [low, high] = r.typicalRangeUsd;
  return `* the fact data's typical US retail range for kei trucks, $${n(low)}-$${n(high)} (an estimate, confidence ${r.confidence}; import-rules.json usRetailPrices): a range for any kei truck, not a price for this one`;
}

/** The `keiyard lots` option that puts a cost left out into landed cost, by the cost's id. */
function optionFor(id: string): string | null {
  if (id.startsWith("japan:")) return "--japan-fees-jpy";
  const options: Record<string, string> = {
    "shipping:freight": "--freight-usd",
    "shipping:insurance": "--insurance-jpy",
    "us:broker": "--broker-usd",
    "us:customs-bond": "--customs-bond-usd",
    "us:isf": "--isf-bond-usd",
    "us:port": "--port-usd",
    "us:delivery": "--delivery-usd",
  };
  return options[id] ?? null;
}

function costLines(cost: LandedCost | null): string[] {
  if (!cost) return [];
  const included = cost.lines.map((l) => l.label);
  const out = [`Landed cost includes: ${included.join(", ")}.`];
  if (cost.notIncluded.length > 0) {
    let low = 0;
    let high = 0;
    const unknown: string[] = [];
    for (const item of cost.notIncluded) {
      if (item.typicalRange) {
        low += item.typicalRange.low;
        high += item.typicalRange.high;
      } else unknown.push(item.label);
    }
    out.push(
      `Not included, so margins are before them (typically ${usd(low)}-${usd(high)} a lot${unknown.length ? ", plus costs with no typical figure" : ""}):`,
      ...cost.notIncluded.map((i) => {
        const range = i.typicalRange
          ? ` (typically ${usd(i.typicalRange.low)}-${usd(i.typicalRange.high)})`
          : "";
        return `  - ${i.label}${range}`;
      }),
    );
    const options = [...new Set(cost.notIncluded.flatMap((i) => optionFor(i.id) ?? []))];
    if (options.length) out.push(`  Give your quotes with ${options.join(", ")}.`);
  }
  return out;
}

/** The human summary printed after the table (or after writing --out). */
export function formatLotSummary(s: LotSummary, info: LotRunInfo): string {
  const seconds = info.elapsedMs / 1000;
  const rate = seconds > 0 ? Math.round(s.rows / seconds) : s.rows;
  const fxFrom =
    info.fx.from === "--fx"
      ? "given with --fx"
      : "KEIYARD_JPY_PER_USD: the operator's setting, not a market rate; give yours with --fx";
  const out = [
    `${n(s.rows)} lots in ${info.file}${info.out ? ` -> ${info.out}` : ""}: ${n(s.evaluated)} evaluated, ${n(s.errorRows)} with errors, ${n(s.warningRows)} with warnings (${seconds < 1 ? `${Math.round(info.elapsedMs)} ms` : `${seconds.toFixed(1)} s`} of evaluation, ${n(rate)} lots/s${info.threads > 0 ? ` on ${info.threads} worker threads` : ""}).`,
    `Arrival ${info.arrival}, delivered and registered in ${info.state.name}, at ${info.fx.jpyPerUsd} JPY per USD (${fxFrom}).`,
  ];
  if (info.priceUnit !== 1) out.push(`Prices read in units of ¥${n(info.priceUnit)}.`);
  out.push(
    "",
    `Import on ${info.arrival}: ${n(s.verdicts.importable)} importable, ${n(s.verdicts.not_importable)} not yet, ${n(s.verdicts.needs_evidence)} awaiting evidence (the build date on the plate).`,
    `Price used for landed cost: sold price for ${n(s.priceBasis.sold)}, start price for ${n(s.priceBasis.start)} (unsold or in negotiation: the hammer price will be higher).`,
    `Fair US price: ${pricingText(info)}; ${n(s.fairSource.model)} lots priced by it, ${n(s.fairSource.facts)} by the fact data's range (*), ${n(s.fairSource.none)} with no fair price.`,
  );
  const retail = retailText(info);
  if (retail && s.fairSource.facts > 0) out.push(retail);
  out.push(`Margin = fair US price - landed cost: above zero for ${n(s.positiveMargins)} importable lots.`);
  if (s.top.length > 0) {
    out.push("Best margins among importable lots (lots without warnings first, then sold prices):");
    for (const t of s.top) out.push(`  ${topLotText(t)}`);
  }
  out.push("", ...costLines(info.sampleCost));
  if (s.errors.length > 0) {
    out.push(
      "",
      `Errors (${s.errors.length < s.errorRows ? `the first ${s.errors.length}` : "all"}; those rows were not evaluated):`,
    );
    for (const e of s.errors) out.push(`  line ${e.line}, ${e.column}: ${e.reason}`);
  }
  if (s.warnings.length > 0) out.push("", ...s.warnings.map((w) => `Warning: ${w}`));
  out.push("", info.disclaimer);
  return out.join("\n");
}

/**
 * One of the best margins. On the fact data's range the margin is its low end ("at least"). On a start
 * price (unsold, in negotiation) both figures hold only if the truck went for that price: bidding
 * raises the landed cost and lowers the margin, which the line says.
 */
function topLotText(t: TopLot): string {
  const warned =
    t.warnings > 0 ? ` (${t.warnings === 1 ? "a warning" : `${t.warnings} warnings`}: see the row)` : "";
  const margin = `margin ${t.fairSource === "facts" ? "at least " : ""}${usd(t.marginCents)}`;
  const lot = `line ${t.line}, lot ${t.lotNo || "-"}: ${t.vehicle}`;
  if (t.basis === "start")
    return `${lot}, landed ${usd(t.landedCents)} and ${margin} if bought at its start price (bidding lowers the margin)${warned}`;
  return `${lot}, landed ${usd(t.landedCents)}, ${margin}${warned}`;
}

/** The summary as JSON (--json): the counts plus what the numbers rest on. */
export function presentLotSummary(s: LotSummary, info: LotRunInfo) {
  return {
    ...s,
    top: s.top.map((t) => ({
      ...t,
      landedUsd: Number(dollars(t.landedCents)),
      marginUsd: Number(dollars(t.marginCents)),
    })),
    arrival: info.arrival,
    state: info.state,
    fx: info.fx,
    priceUnit: info.priceUnit,
    pricing: info.pricing,
    factRange: info.retail
      ? {
          lowUsd: info.retail.typicalRangeUsd[0],
          highUsd: info.retail.typicalRangeUsd[1],
          confidence: info.retail.confidence,
          notes: info.retail.notes,
        }
      : null,
    landedCostIncludes: info.sampleCost?.lines.map((l) => l.label) ?? [],
    notIncluded:
      info.sampleCost?.notIncluded.map((i) => ({
        id: i.id,
        label: i.label,
        typicalLowUsd: i.typicalRange ? Number(dollars(i.typicalRange.low)) : null,
        typicalHighUsd: i.typicalRange ? Number(dollars(i.typicalRange.high)) : null,
      })) ?? [],
    costWarnings: info.sampleCost?.warnings ?? [],
    elapsedMs: Math.round(info.elapsedMs),
    disclaimer: info.disclaimer,
  };
}
