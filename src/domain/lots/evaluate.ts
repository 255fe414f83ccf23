// Evaluates one lot with the knowledge core: which truck (decode), may it enter on the arrival date
// (eligibility), what it costs delivered and registered in the state (landed cost), what it should sell
// for in the US (the deal model, else the fact data's typical range, labelled), and the margin.
//
// A file has a million rows but few distinct answers: a thousand chassis codes and registration months,
// prices in ¥1,000 steps. The engines' answers are memoised by exactly the inputs they read (bounded
// caches, cleared when full), so a row costs a few map lookups and the answers are the engines' own.
import type { CatalogEntry, Facts } from "../../facts/schemas.js";
import { type DecodeResult, decodeFrameNumber } from "../catalog/decode.js";
import { computeLandedCost } from "../cost/landed-cost.js";
import type { LandedCost, LandedCostInput } from "../cost/types.js";
import { checkImportEligibility } from "../eligibility/check.js";
import { combineFrameVerdict } from "../eligibility/frame.js";
import { checkModelEligibility } from "../eligibility/model.js";
import type { AgeEvidence } from "../eligibility/types.js";
import { estimateFairPrice } from "../pricing/estimate.js";
import type { BedType, DealModel, Drive } from "../pricing/types.js";
import { daysBetween, type IsoDate, type YearMonth } from "../units/dates.js";
import { jpy } from "../units/money.js";
import { lotFlags } from "./flags.js";
import { createNameIndex } from "./names.js";
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
  evaluate(lot: Lot, warnings: LotIssue[]): LotResult;
  /** One landed-cost answer of the run (the first computed), for what it includes and leaves out. */
  sampleCost(): LandedCost | null;
}

const CACHE_LIMIT = 50_000;
// A registration-year-only lot within this many days of its date may be eligible by its build plate.
const NEAR_LINE_DAYS = 366;

function cached<V>(map: Map<string, V>, key: string, make: () => V): V {
  const hit = map.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (map.size >= CACHE_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

// "DA63T-123456", "GD-DA52T 123456": the code part repeats across lots, the serial does not.
const FRAME_WITH_SERIAL = /^([A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,8})?)[- ](\d{1,10})$/;

export function createLotEvaluator(ctx: LotContext): LotEvaluator {
  const { facts, arrival } = ctx;
  const names = createNameIndex(facts.modelNames);
  const decodes = new Map<string, DecodeResult>();
  const eligibility = new Map<string, { answer: LotEligibility; warnings: string[] }>();
  const costs = new Map<string, number>();
  const fairs = new Map<string, FairPriceAnswer>();
  let sample: LandedCost | null = null;
  const retail = facts.importRules.usRetailPrices;

  /** Decodes a frame number or code; only the code part is decoded and remembered when a serial follows. */
  function decode(input: string): DecodeResult {
    const m = FRAME_WITH_SERIAL.exec(input);
    if (m) {
      const head = cached(decodes, m[1]!, () => decodeFrameNumber(m[1]!, facts.catalog));
      // "HA41-2345": the code part alone would read as HA4 + "1"; only a clean code part can be reused.
      if (head.kind === "decoded" && head.serial === null) return { ...head, serial: m[2]! };
      if (head.kind === "decoded") return decodeFrameNumber(input, facts.catalog);
    }
    return cached(decodes, input, () => decodeFrameNumber(input, facts.catalog));
  }

  /** The truck and, when a code was decoded, its catalog record. */
  function identify(lot: Lot, out: LotIssue[]): { vehicle: LotVehicle | null; entry: CatalogEntry | null } {
    const issue = (column: string, reason: string) => out.push({ line: lot.line, column, reason });
    const tries: ["frame_no" | "chassis_code", string][] = [];
    if (lot.frameNo) tries.push(["frame_no", lot.frameNo]);
    if (lot.chassisCode) tries.push(["chassis_code", lot.chassisCode]);
    let found: LotVehicle | null = null;
    let entry: CatalogEntry | null = null;
    for (const [column, input] of tries) {
      const d = decode(input);
      if (d.kind === "decoded") {
        if (found && found.chassisCode !== d.chassisCode)
          issue(column, `${input} is ${d.chassisCode}, but the frame number says ${found.chassisCode}`);
        if (found) continue;
        found = {
          from: column,
          chassisCode: d.chassisCode,
          make: d.entry.make,
          model: d.entry.model,
          generation: d.entry.generation.label,
          drive: d.entry.drive,
        };
        entry = d.entry;
      } else if (d.kind === "unknown") {
        const hint = d.suggestions.length ? ` (did you mean ${d.suggestions.slice(0, 3).join(", ")}?)` : "";
        issue(column, `chassis code ${d.candidateCode} is not in the catalog${hint}`);
      } else issue(column, d.reason);
    }
    const named = lot.model ? names.family(lot.model, lot.make) : null;
    if (found) {
      if (lot.model && named && named.make !== found.make)
        issue(
          "model",
          `the model name "${lot.model}" is not the ${found.make} ${found.model} of ${found.chassisCode}`,
        );
      checkAgainstCatalog(lot, found, entry!, issue);
      return { vehicle: found, entry };
    }
    if (named)
      return {
        vehicle: { from: "model_name", chassisCode: null, ...named, generation: null, drive: lot.drive },
        entry: null,
      };
    if (lot.model) issue("model", `the model name "${lot.model}" is not one keiyard knows`);
    return { vehicle: null, entry: null };
  }

  function checkEligibility(lot: Lot, entry: CatalogEntry | null) {
    const evidence: AgeEvidence = lot.firstReg
      ? { kind: "first_registration", month: lot.firstReg as YearMonth }
      : lot.year !== null
        ? // A registration year bounds the build by its last month: conservative, never early.
          { kind: "first_registration", month: `${lot.year}-12` as YearMonth }
        : { kind: "none" };
    const key = `${entry?.id ?? "-"}|${evidence.kind === "none" ? "none" : evidence.month}|${lot.firstReg ? "m" : "y"}`;
    return cached(eligibility, key, () => {
      const truck = checkImportEligibility({ evidence, entryDate: arrival }, facts.importRules);
      const byEvidence = truck.fmvss.eligibleFrom;
      let verdict = truck.verdict;
      let decidedBy: LotEligibility["decidedBy"] = "evidence";
      let eligibleFrom = byEvidence;
      const warnings: string[] = [];
      if (entry) {
        const model = checkModelEligibility(entry, arrival, facts.importRules);
        const combined = combineFrameVerdict(truck, model);
        ({ verdict, decidedBy } = combined);
        warnings.push(...combined.warnings);
        if (model.lastEligible && (!eligibleFrom || model.lastEligible < eligibleFrom))
          eligibleFrom = model.lastEligible;
      }
      if (
        verdict === "needs_evidence" &&
        eligibleFrom &&
        daysBetween(arrival, eligibleFrom as IsoDate) <= NEAR_LINE_DAYS
      )
        warnings.push(
          `proven eligible from ${eligibleFrom} by its ${lot.firstReg ? "first-registration month" : "registration year"}; the build date on the plate may be earlier`,
        );
      const answer: LotEligibility = {
        verdict,
        eligibleFrom: verdict === "importable" ? null : eligibleFrom,
        decidedBy,
        evidence: lot.firstReg ? "first_registration" : lot.year !== null ? "registration_year" : "none",
      };
      return { answer, warnings };
    });
  }

  function landed(priceJpy: number, buildYear: number | null): number {
    return cached(costs, `${priceJpy}|${buildYear ?? ""}`, () => {
      const cost = computeLandedCost(
        {
          ...ctx.costs,
          priceJpy: jpy(priceJpy),
          jpyPerUsd: ctx.jpyPerUsd,
          entryDate: arrival,
          buildYear,
          state: ctx.state,
        },
        facts.importRules,
        facts.stateFees,
      );
      sample ??= cost;
      return cost.totalCents;
    });
  }

  function fairPrice(lot: Lot, vehicle: LotVehicle | null): FairPriceAnswer {
    if (!vehicle) return { source: "none", reason: "the truck is not identified" };
    const drive: Drive | null =
      vehicle.drive === "both" || vehicle.drive === null ? lot.drive : vehicle.drive;
    const bed: BedType = isDump(lot) ? "dump" : "standard";
    const model = ctx.dealModel;
    if (model) {
      const key = `${vehicle.make}|${vehicle.model}|${vehicle.generation}|${lot.year}|${lot.mileageKm}|${drive}|${bed}`;
      const answer = cached(fairs, key, (): FairPriceAnswer => {
        const fair = estimateFairPrice(model, {
          make: vehicle.make,
          model: vehicle.model,
          generation: vehicle.generation,
          year: lot.year,
          mileageKm: lot.mileageKm,
          drive,
          bedType: bed,
        });
        if (fair.kind === "not_enough_data")
          return { source: "none", reason: `${fair.comparables} comparables, ${fair.needed} needed` };
        return {
          source: "model",
          fairCents: fair.fairCents,
          lowCents: fair.lowCents,
          highCents: fair.highCents,
          comparables: fair.comparables,
          level: fair.level,
        };
      });
      if (answer.source === "model" || !retail) return answer;
    }
    if (retail) {
      const [low, high] = retail.typicalRangeUsd;
      return { source: "facts", lowCents: Math.round(low * 100), highCents: Math.round(high * 100) };
    }
    return { source: "none", reason: "no fair-price model and no typical range in the fact data" };
  }

  return {
    sampleCost: () => sample,
    evaluate(lot, warnings) {
      const { vehicle, entry } = identify(lot, warnings);
      const elig = checkEligibility(lot, entry);
      for (const reason of elig.warnings) warnings.push({ line: lot.line, column: "eligibility", reason });
      for (const reason of lotFlags(lot)) warnings.push({ line: lot.line, column: "flags", reason });
      const price =
        lot.soldPriceJpy !== null
          ? { basis: "sold" as const, jpy: lot.soldPriceJpy }
          : { basis: "start" as const, jpy: lot.startPriceJpy! };
      const landedCents = landed(price.jpy, lot.year);
      const fair = fairPrice(lot, vehicle);
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
        margin: marginOf(fair, landedCents),
        warnings,
        errors: [],
        lot,
      };
    },
  };
}

function marginOf(fair: FairPriceAnswer, landedCents: number): LotResult["margin"] {
  if (fair.source === "none") return null;
  return {
    cents: fair.source === "model" ? fair.fairCents - landedCents : null,
    lowCents: fair.lowCents - landedCents,
    highCents: fair.highCents - landedCents,
  };
}

const DUMP = /dump|ダンプ/i;

function isDump(lot: Lot): boolean {
  return DUMP.test(lot.model ?? "") || DUMP.test(lot.trim ?? "");
}

/** The lot's own drive and engine size against the catalog's, where both are known. */
function checkAgainstCatalog(
  lot: Lot,
  v: LotVehicle,
  entry: CatalogEntry,
  issue: (column: string, reason: string) => void,
): void {
  if (lot.drive && (v.drive === "2WD" || v.drive === "4WD") && lot.drive !== v.drive)
    issue("drive", `the lot says ${lot.drive}, but ${v.chassisCode} is ${v.drive} in the catalog`);
  const cc = entry.displacementCc;
  // Kei 660 engines read 656-659 cc on lists; 30 cc apart is another engine.
  if (lot.displacementCc !== null && cc !== null && Math.abs(lot.displacementCc - cc) > 30)
    issue(
      "displacement_cc",
      `${lot.displacementCc} cc does not match ${v.chassisCode} (${cc} cc in the catalog)`,
    );
}
