// Use case behind the /cost page: the landed cost of a truck bought in Japan, the same truck bought
// from a US seller, the two as stacked bars on one scale, and which is cheaper once the costs not yet
// entered are counted as ranges. The yen rate: the user's, else this site's (the one its listing pages
// use, so the page and a listing agree), else the fact data's dated default, else the user must give one.
import { type Bar, barParts, stackedBars } from "../domain/cost/bars.js";
import {
  type Comparison,
  compareImportWithUsSeller,
  type SideRange,
  sideRange,
} from "../domain/cost/compare.js";
import { findStateFees } from "../domain/cost/state-charges.js";
import { usPurchaseCost } from "../domain/cost/us-purchase.js";
import type { IsoDate } from "../domain/units/dates.js";
import { dollarsToCents } from "../domain/units/money.js";
import type { Facts } from "../facts/schemas.js";
import { presentUsPurchase, type UsPurchaseView } from "../present/us-purchase.present.js";
import { AppError } from "./app-error.js";
import { costFor } from "./cost.js";
import type { CostPageQuery } from "./inputs.schema.js";

export interface CostPageContext {
  today: IsoDate;
  /** The operator's rate for Japan listings (KEIYARD_JPY_PER_USD), where the site has one. */
  siteJpyPerUsd: number | null;
}

/** Whose exchange rate the figures use. */
export type RateOrigin = "yours" | "site" | "data";

type LandedView = ReturnType<typeof costFor>;

export interface CostPageResult {
  landed: LandedView;
  rateOrigin: RateOrigin;
  /** The landed total widened by the typical ranges of the costs not entered. */
  importRange: SideRange;
  us: UsPurchaseView | null;
  bars: Bar[];
  comparison: Comparison | null;
}

const cents = dollarsToCents;

function rangesOf(items: readonly { typicalRange: { lowUsd: number; highUsd: number } | null }[]) {
  return items.map((n) => ({
    typicalRange: n.typicalRange
      ? { low: cents(n.typicalRange.lowUsd), high: cents(n.typicalRange.highUsd) }
      : null,
  }));
}

export function costPageFor(facts: Facts, q: CostPageQuery, ctx: CostPageContext): CostPageResult {
  const { usPriceUsd, ...question } = q;
  if (question.fxDate !== undefined && question.fx === undefined)
    throw new AppError("invalid_input", "fxDate: give it together with your own rate (fx)", "fxDate");
  const rateOrigin: RateOrigin =
    question.fx !== undefined ? "yours" : ctx.siteJpyPerUsd !== null ? "site" : "data";
  const fx = question.fx ?? ctx.siteJpyPerUsd ?? undefined;
  const view = costFor(facts, { ...question, ...(fx === undefined ? {} : { fx }) }, ctx.today);
  const landed: LandedView =
    rateOrigin === "site"
      ? {
          ...view,
          fx: { ...view.fx, isDefault: true },
          // The user entered no rate: say whose it is instead of the engine's "the rate you entered".
          warnings: [
            `Yen converted at this site's rate of ${fx} JPY per USD (set by the operator; not a quote): enter your own rate for your estimate. CBP converts at the certified rate for the quarter of the date of exportation (19 CFR 159.31-159.34).`,
            ...view.warnings.filter((w) => !/rate you entered/.test(w)),
          ],
        }
      : view;

  const us =
    usPriceUsd === undefined
      ? null
      : presentUsPurchase(
          usPurchaseCost(
            cents(usPriceUsd),
            landed.state ? findStateFees(facts.stateFees, landed.state.code) : null,
          ),
        );

  const importParts = barParts(landed.lines.map((l) => ({ id: l.id, group: l.group, cents: cents(l.usd) })));
  const bars = stackedBars([
    { id: "import", label: "Import it yourself", parts: importParts },
    ...(us
      ? [
          {
            id: "us",
            label: "Buy from a US seller",
            parts: barParts([
              { id: "vehicle", group: "us" as const, cents: cents(us.priceUsd) },
              ...us.lines.map((l) => ({ id: l.id, group: l.group, cents: cents(l.usd) })),
            ]),
          },
        ]
      : []),
  ]);
  const importRange = sideRange(cents(landed.totalUsd), rangesOf(landed.notIncluded));
  const comparison = us
    ? compareImportWithUsSeller(importRange, sideRange(cents(us.totalUsd), rangesOf(us.notIncluded)))
    : null;
  return { landed, rateOrigin, importRange, us, bars, comparison };
}
