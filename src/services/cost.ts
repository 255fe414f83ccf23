// Use case: landed cost. Turns validated query values into the engine's input (cents, yen, dates), applies
// the defaults a user sees labelled as defaults (entry date today, the dated default exchange rate), and
// maps the engine's typed errors to AppError.
import { LandedCostError } from "../domain/cost/errors.js";
import { computeLandedCost } from "../domain/cost/landed-cost.js";
import type { LandedCostInput } from "../domain/cost/types.js";
import type { IsoDate } from "../domain/units/dates.js";
import { dollarsToCents, jpy } from "../domain/units/money.js";
import type { Facts } from "../facts/schemas.js";
import { presentLandedCost } from "../present/cost.present.js";
import { AppError } from "./app-error.js";
import type { CostInputQuery } from "./inputs.schema.js";

const cents = (v: number | undefined) => (v === undefined ? null : dollarsToCents(v));

/** The engine's input names as the query's (what the API, the form and the CLI's options call them). */
const QUERY_FIELD: Readonly<Record<string, string>> = {
  state: "to",
  buildYear: "built",
  jpyPerUsd: "fx",
  entryDate: "entry",
  fxRateDate: "fxDate",
};

export function costFor(facts: Facts, q: CostInputQuery, today: IsoDate) {
  const fxDefault = facts.fxDefault;
  const jpyPerUsd = q.fx ?? fxDefault?.jpyPerUsd;
  if (jpyPerUsd === undefined)
    throw new AppError("invalid_input", "fx: give the exchange rate in yen per US dollar (e.g. 150)", "fx");
  if (q.fxDate !== undefined && q.fx === undefined)
    throw new AppError("invalid_input", "fxDate: give it together with your own rate (fx)", "fxDate");
  const input: LandedCostInput = {
    priceJpy: jpy(q.priceJpy),
    jpyPerUsd,
    fxRateDate: (q.fx === undefined ? (fxDefault?.date ?? null) : (q.fxDate ?? null)) as IsoDate | null,
    entryDate: (q.entry ?? today) as IsoDate,
    buildYear: q.built ? Number(q.built.slice(0, 4)) : null,
    freightUsd: cents(q.freightUsd),
    insuranceJpy: q.insuranceJpy === undefined ? null : jpy(q.insuranceJpy),
    usCosts: {
      brokerUsd: cents(q.brokerUsd),
      portUsd: cents(q.portUsd),
      deliveryUsd: cents(q.deliveryUsd),
      isfBondUsd: cents(q.isfBondUsd),
      customsBondUsd: cents(q.customsBondUsd),
    },
    hmfApplies: q.hmf !== "false",
    state: q.to ?? null,
    ...(q.hts ? { hts: q.hts } : {}),
    // Not given: the typical Japan-side fees are listed as not included. Zero: the price is FOB (the
    // seller's price already covers them), so there is no line at all rather than a "$0" one.
    ...(q.japanFeesJpy === undefined
      ? {}
      : q.japanFeesJpy === 0
        ? { japanFees: [] }
        : {
            japanFees: [
              {
                id: "japan_fees",
                label: "Japan-side fees (auction, agent, inland, port)",
                jpy: jpy(q.japanFeesJpy),
              },
            ],
          }),
  };
  try {
    const view = presentLandedCost(computeLandedCost(input, facts.importRules, facts.stateFees));
    return {
      ...view,
      fx: {
        ...view.fx,
        isDefault: q.fx === undefined,
        ...(q.fx === undefined && fxDefault ? { kind: fxDefault.kind, source: fxDefault.source } : {}),
      },
    };
  } catch (e) {
    if (!(e instanceof LandedCostError)) throw e;
    const code =
      e.code === "unknown_state"
        ? "unknown_state"
        : e.code === "invalid_input"
          ? "invalid_input"
          : "unknown_hts";
    // Named as the query names it, "built: must be …" like the schema's messages, so that every face
    // points at the input to fix (the CLI's --built, the form's "built" field, the API's parameter).
    const field = e.field ? (QUERY_FIELD[e.field] ?? e.field) : undefined;
    let message = e.message;
    if (field && field !== e.field)
      message = message.startsWith(`${e.field} `)
        ? `${field}: ${message.slice(e.field!.length + 1)}`
        : `${field}: ${message}`;
    throw new AppError(code, message, field);
  }
}
