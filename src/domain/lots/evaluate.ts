// Evaluates one lot with the knowledge core: which truck (decode), may it enter on the arrival date
// (eligibility), what it costs delivered and registered in the state (landed cost), what it should sell
// for in the US (the deal model, else the fact data's typical range, labelled), and the margin.
//
// A file has a million rows but few distinct answers: some dozens of chassis codes, a few hundred
// registration months, prices in ¥1,000 steps. The engines' answers are remembered by exactly the inputs
// they read (bounded: a table is cleared when full), so a row costs a few lookups and the answers are the
// engines' own. The lookups are keyed by shared objects and numbers where possible, and nothing here
// creates a closure per row: this runs a million times for a big file.
import type { CatalogEntry, Facts } from "../../facts/schemas.js";
import { type DecodeResult, decodeFrameNumber } from "../catalog/decode.js";
import { computeLandedCost } from "../cost/landed-cost.js";
import { type LandedTotals, prepareLandedTotals } from "../cost/landed-total.js";
import { ageStatusFor } from "../cost/tariffs.js";
import type { LandedCost, LandedCostInput } from "../cost/types.js";
import { checkImportEligibility } from "../eligibility/check.js";
import { combineFrameVerdict } from "../eligibility/frame.js";
import { checkModelEligibility, type ModelEligibility } from "../eligibility/model.js";
import type { AgeEvidence, EligibilityResult } from "../eligibility/types.js";
import { type FairGroups, resolveFairGroups } from "../pricing/estimate.js";
import type { DealModel } from "../pricing/types.js";
import { daysBetween, type IsoDate, type YearMonth } from "../units/dates.js";
import { jpy } from "../units/money.js";
import { checkAgainstCatalog } from "./catalog-check.js";
import { fairPrice } from "./fair.js";
import { mileageFlags, notesFlags, scoreFlags } from "./flags.js";
import { frameCodePart } from "./frame-code.js";
import { createNameIndex, type Family } from "./names.js";
import type { FairPriceAnswer, Lot, LotEligibility, LotIssue, LotResult, LotVehicle } from "./types.js";

/** What landed cost adds besides the price: the same for every lot of a run. */
export type LotCosts = Omit<LandedCostInput, "priceJpy" | "jpyPerUsd" | "entryDate" | "buildYear" | "state">;

export interface LotContext {
  facts: Pick<Facts, "catalog" | "importRules" | "stateFees" | "modelNames">;
  /** The ship's arrival in the US: the date eligibility and landed cost are for. */
  arrival: IsoDate;
  /** Destination state code (already validated). */
  state: string;
  jpyPerUsd: number;
  costs: LotCosts;
  /** The fair-price model fitted on US prices, or null when there is none. */
  dealModel: DealModel | null;
}

export interface LotEvaluator {
  /** The answer for a lot read without errors; `warnings` (the row's own) is extended and kept. */
  evaluate(lot: Lot, warnings: LotIssue[]): LotResult;
  /** The itemized landed cost of the run's first priced lot, for what it includes and leaves out. */
  sampleCost(): LandedCost | null;
  /** The landed cost of a price and build year, computed afresh (not remembered, not the sample). */
  landedCostOf(priceJpy: number, buildYear: number | null): LandedCost;
}

const CACHE_LIMIT = 50_000;

/** A lot's age evidence: its first-registration month (or the last month of its year), or none. */
type LotEvidence = Extract<AgeEvidence, { kind: "first_registration" | "none" }>;
// A lot proven eligible within this many days of the arrival may be eligible by its build plate.
const NEAR_LINE_DAYS = 366;

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

interface Eligibility {
  answer: LotEligibility;
  warnings: readonly string[];
}

/** What identifying a lot gives: shared objects, so identifying a million lots allocates nothing. */
interface Identified {
  vehicle: LotVehicle | null;
  memo: EntryMemo | null;
  groups: FairGroups | null;
}

const UNIDENTIFIED: Identified = { vehicle: null, memo: null, groups: null };

/** Everything remembered about one catalog record: its vehicles, price groups and eligibility answers. */
interface EntryMemo {
  entry: CatalogEntry;
  byFrame: Identified;
  byCode: Identified;
  groups: FairGroups | null;
  byMonth: Map<string, Eligibility>;
  byYear: Map<number, Eligibility>;
  none: Eligibility | null;
}

export function createLotEvaluator(ctx: LotContext): LotEvaluator {
  const { facts, arrival } = ctx;
  const rules = facts.importRules;
  const model = ctx.dealModel;
  const names = createNameIndex(facts.modelNames);
  const decodes = new Map<string, DecodeResult>();
  const entries = new Map<CatalogEntry, EntryMemo>();
  const named = new Map<Family, Identified>();
  const unknown: Omit<EntryMemo, "entry" | "byFrame" | "byCode" | "groups"> = {
    byMonth: new Map(),
    byYear: new Map(),
    none: null,
  };
  const costsByAge = new Map<string, Map<number, number>>();
  const ageKinds = new Map<number | null, string>();
  const notesMemo = new Map<string, readonly string[]>();
  const scoreMemo = new Map<string, readonly string[]>();
  const trucks = new Map<string, EligibilityResult>();
  const models = new Map<CatalogEntry, ModelEligibility>();
  let sample: LandedCost | null = null;
  let firstPriced: { priceJpy: number; buildYear: number | null } | null = null;
  let totals: LandedTotals | null = null;
  const retail = rules.usRetailPrices;
  const factRange: FairPriceAnswer | null = retail
    ? {
        source: "facts",
        lowCents: Math.round(retail.typicalRangeUsd[0] * 100),
        highCents: Math.round(retail.typicalRangeUsd[1] * 100),
      }
    : null;

  function decodeOnce(input: string): DecodeResult {
    return decodes.get(input) ?? remember(decodes, input, decodeFrameNumber(input, facts.catalog));
  }

  /** Decodes a frame number or code; only the code part is decoded and remembered when a serial follows. */
  function decode(input: string): DecodeResult {
    const code = frameCodePart(input);
    if (code !== null) {
      const head = decodeOnce(code);
      // "HA41-2345": the code part alone would read as HA4 + "1"; only a clean code part can be reused.
      // (The serial itself is not part of a lot's answer, so the code part's answer is returned as is.)
      if (head.kind === "decoded" && head.serial === null) return head;
      if (head.kind === "decoded") return decodeFrameNumber(input, facts.catalog);
    }
    return decodeOnce(input);
  }

  function memoOf(entry: CatalogEntry, chassisCode: string): EntryMemo {
    const hit = entries.get(entry);
    if (hit) return hit;
    const vehicle = (from: LotVehicle["from"]): LotVehicle => ({
      from,
      chassisCode,
      make: entry.make,
      model: entry.model,
      generation: entry.generation.label,
      drive: entry.drive,
    });
    const byFrame = vehicle("frame_no");
    const groups = model ? resolveFairGroups(model, byFrame) : null;
    const memo: EntryMemo = {
      entry,
      byFrame: { vehicle: byFrame, memo: null, groups },
      byCode: { vehicle: vehicle("chassis_code"), memo: null, groups },
      groups,
      byMonth: new Map(),
      byYear: new Map(),
      none: null,
    };
    memo.byFrame.memo = memo;
    memo.byCode.memo = memo;
    return remember(entries, entry, memo);
  }

  /** The truck (a shared, read-only object), its record's memo when a code was decoded, and the price groups. */
  function identify(lot: Lot, out: LotIssue[]): Identified {
    let found: Identified | null = null;
    for (let k = 0; k < 2; k++) {
      const column = k === 0 ? "frame_no" : "chassis_code";
      const input = k === 0 ? lot.frameNo : lot.chassisCode;
      if (!input) continue;
      const d = decode(input);
      if (d.kind === "decoded") {
        if (found) {
          if (found.vehicle!.chassisCode !== d.chassisCode)
            out.push({
              line: lot.line,
              column,
              reason: `${input} is ${d.chassisCode}, but the frame number says ${found.vehicle!.chassisCode}`,
            });
          continue;
        }
        const memo = memoOf(d.entry, d.chassisCode);
        found = k === 0 ? memo.byFrame : memo.byCode;
      } else if (d.kind === "unknown") {
        const hint = d.suggestions.length ? ` (did you mean ${d.suggestions.slice(0, 3).join(", ")}?)` : "";
        out.push({
          line: lot.line,
          column,
          reason: `chassis code ${d.candidateCode} is not in the catalog${hint}`,
        });
      } else out.push({ line: lot.line, column, reason: d.reason });
    }
    const family = lot.model ? names.family(lot.model, lot.make) : null;
    if (found) {
      const vehicle = found.vehicle!;
      if (lot.model && family && family.make !== vehicle.make)
        out.push({
          line: lot.line,
          column: "model",
          reason: `the model name "${lot.model}" is not the ${vehicle.make} ${vehicle.model} of ${vehicle.chassisCode}`,
        });
      checkAgainstCatalog(lot, vehicle, found.memo!.entry, out);
      return found;
    }
    if (family) {
      let byName = named.get(family);
      if (!byName) {
        const v: LotVehicle = {
          from: "model_name",
          chassisCode: null,
          ...family,
          generation: null,
          drive: null,
        };
        byName = remember(named, family, {
          vehicle: v,
          memo: null,
          groups: model ? resolveFairGroups(model, v) : null,
        });
      }
      return byName;
    }
    if (lot.model)
      out.push({
        line: lot.line,
        column: "model",
        reason: `the model name "${lot.model}" is not one keiyard knows`,
      });
    return UNIDENTIFIED;
  }

  function checkEligibility(lot: Lot, memo: EntryMemo | null): Eligibility {
    const m = memo ?? unknown;
    if (lot.firstReg !== null) {
      const hit = m.byMonth.get(lot.firstReg);
      if (hit) return hit;
      const evidence: LotEvidence = { kind: "first_registration", month: lot.firstReg as YearMonth };
      return remember(m.byMonth, lot.firstReg, judge(evidence, memo?.entry ?? null, "first_registration"));
    }
    if (lot.year !== null) {
      const hit = m.byYear.get(lot.year);
      if (hit) return hit;
      // A registration year bounds the build by its last month: conservative, never early.
      const evidence: LotEvidence = { kind: "first_registration", month: `${lot.year}-12` as YearMonth };
      return remember(m.byYear, lot.year, judge(evidence, memo?.entry ?? null, "registration_year"));
    }
    m.none ??= judge({ kind: "none" }, memo?.entry ?? null, "none");
    return m.none;
  }

  // The two halves of a judgement are remembered apart: the truck's own answer depends on its month
  // alone and the code's on its catalog record alone, while their combination is per record and month
  // (thousands of those, each otherwise paying for both engines).
  function truckEligibility(evidence: LotEvidence): EligibilityResult {
    const key = evidence.kind === "none" ? "" : evidence.month;
    const hit = trucks.get(key);
    if (hit) return hit;
    return remember(trucks, key, checkImportEligibility({ evidence, entryDate: arrival }, rules));
  }

  function modelEligibility(entry: CatalogEntry): ModelEligibility {
    const hit = models.get(entry);
    if (hit) return hit;
    return remember(models, entry, checkModelEligibility(entry, arrival, rules));
  }

  function judge(
    evidence: LotEvidence,
    entry: CatalogEntry | null,
    basis: LotEligibility["evidence"],
  ): Eligibility {
    const truck = truckEligibility(evidence);
    let verdict = truck.verdict;
    let decidedBy: LotEligibility["decidedBy"] = "evidence";
    let eligibleFrom = truck.fmvss.eligibleFrom;
    const warnings: string[] = [];
    if (entry) {
      const byModel = modelEligibility(entry);
      const combined = combineFrameVerdict(truck, byModel);
      ({ verdict, decidedBy } = combined);
      warnings.push(...combined.warnings);
      if (byModel.lastEligible && (!eligibleFrom || byModel.lastEligible < eligibleFrom))
        eligibleFrom = byModel.lastEligible;
    }
    if (verdict === "needs_evidence" && eligibleFrom && daysBetween(arrival, eligibleFrom) <= NEAR_LINE_DAYS)
      warnings.push(
        `proven eligible from ${eligibleFrom} by its ${basis === "first_registration" ? "first-registration month" : "registration year"}; the build date on the plate may be earlier`,
      );
    return {
      answer: {
        verdict,
        eligibleFrom: verdict === "importable" ? null : eligibleFrom,
        decidedBy,
        evidence: basis,
      },
      warnings,
    };
  }

  function costOf(priceJpy: number, buildYear: number | null): LandedCost {
    return computeLandedCost(
      {
        ...ctx.costs,
        priceJpy: jpy(priceJpy),
        jpyPerUsd: ctx.jpyPerUsd,
        entryDate: arrival,
        buildYear,
        state: ctx.state,
      },
      rules,
      facts.stateFees,
    );
  }

  function landed(priceJpy: number, buildYear: number | null): number {
    // The total depends on the build year only through the Section 232 age test, so lots of one price
    // and one age status share an answer.
    let age = ageKinds.get(buildYear);
    if (age === undefined) age = remember(ageKinds, buildYear, ageStatusFor(arrival, buildYear, rules).kind);
    let byPrice = costsByAge.get(age);
    if (!byPrice) byPrice = remember(costsByAge, age, new Map<number, number>());
    const hit = byPrice.get(priceJpy);
    if (hit !== undefined) return hit;
    // The total alone (the same number computeLandedCost gives); the itemized sample is made on demand.
    firstPriced ??= { priceJpy, buildYear };
    totals ??= prepareLandedTotals(
      { ...ctx.costs, jpyPerUsd: ctx.jpyPerUsd, entryDate: arrival, state: ctx.state },
      rules,
      facts.stateFees,
    );
    return remember(byPrice, priceJpy, totals.total(priceJpy, buildYear));
  }

  function flags(lot: Lot, out: LotIssue[]): void {
    if (lot.score !== null) {
      const byScore = scoreMemo.get(lot.score) ?? remember(scoreMemo, lot.score, scoreFlags(lot.score));
      for (const reason of byScore) out.push({ line: lot.line, column: "flags", reason });
    }
    if (lot.notes !== null) {
      const byNotes = notesMemo.get(lot.notes) ?? remember(notesMemo, lot.notes, notesFlags(lot.notes));
      for (const reason of byNotes) out.push({ line: lot.line, column: "flags", reason });
    }
    for (const reason of mileageFlags(lot.mileageFlag)) out.push({ line: lot.line, column: "flags", reason });
  }

  return {
    sampleCost: () => {
      if (!sample && firstPriced) sample = costOf(firstPriced.priceJpy, firstPriced.buildYear);
      return sample;
    },
    landedCostOf: costOf,
    evaluate(lot, warnings) {
      const { vehicle, memo, groups } = identify(lot, warnings);
      const elig = checkEligibility(lot, memo);
      for (const reason of elig.warnings) warnings.push({ line: lot.line, column: "eligibility", reason });
      flags(lot, warnings);
      const price =
        lot.soldPriceJpy !== null
          ? { basis: "sold" as const, jpy: lot.soldPriceJpy }
          : { basis: "start" as const, jpy: lot.startPriceJpy! };
      const landedCents = landed(price.jpy, lot.year);
      const fair = fairPrice(model, factRange, lot, vehicle, groups);
      return {
        line: lot.line,
        lotNo: lot.lotNo,
        auction: lot.auction,
        auctionDate: lot.auctionDate,
        status: "ok",
        vehicle,
        year: lot.year,
        firstReg: lot.firstReg,
        mileageKm: lot.mileageKm,
        score: lot.score,
        eligibility: elig.answer,
        price,
        landedCents,
        fair,
        margin:
          fair.source === "none"
            ? null
            : {
                cents: fair.source === "model" ? fair.fairCents - landedCents : null,
                lowCents: fair.lowCents - landedCents,
                highCents: fair.highCents - landedCents,
              },
        warnings,
        errors: [],
      };
    },
  };
}
