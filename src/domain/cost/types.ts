// The shapes of the landed-cost engine: what a caller passes in and the itemized answer it gets back.
// Money is integer cents (or integer yen) throughout; every line is already rounded to the cent.
import type { Source } from "../sources.js";
import type { IsoDate } from "../units/dates.js";
import type { Jpy, UsdCents } from "../units/money.js";

/** Where a line is paid, in the order a buyer meets it. */
export type CostGroup = "japan" | "shipping" | "federal" | "us" | "state";

export interface JapanFee {
  id: string;
  label: string;
  jpy: Jpy;
  /**
   * Part of the customs value? Default true (conservative). A bona fide buying commission paid to the
   * buyer's own agent can be left out of transaction value; that is for the broker to decide.
   */
  dutiable?: boolean;
}

export interface UsCosts {
  brokerUsd?: UsdCents | null;
  portUsd?: UsdCents | null;
  deliveryUsd?: UsdCents | null;
  isfBondUsd?: UsdCents | null;
  /** Single-entry customs bond premium, if the broker bills it apart from the entry fee. */
  customsBondUsd?: UsdCents | null;
}

export interface LandedCostInput {
  /** Auction hammer or FOB price. */
  priceJpy: Jpy;
  /**
   * Auction fee, agent fee, inland transport, port handling. Leave it out to see the typical ranges
   * under `notIncluded`; pass [] when the price is FOB and already covers them.
   */
  japanFees?: JapanFee[];
  /** Yen per dollar: always an input, never a constant in the engine. */
  jpyPerUsd: number;
  /** Shown with the rate. */
  fxRateDate?: IsoDate | null;
  entryDate: IsoDate;
  /** Calendar year of manufacture, for the Section 232 age exclusion. */
  buildYear?: number | null;
  /** Default "8704.31.0120" (kei truck, 25%); "8703.21.0150" for a kei passenger van (2.5%). */
  hts?: string;
  /** Ocean freight (your quote). */
  freightUsd?: UsdCents | null;
  /** Marine insurance (your quote). */
  insuranceJpy?: Jpy | null;
  usCosts?: UsCosts;
  /** Default true: most kei trucks land at ports listed in 19 CFR 24.24(b). */
  hmfApplies?: boolean;
  /** Destination state code, e.g. "TX". */
  state?: string | null;
}

export interface CostLine {
  id: string;
  label: string;
  cents: UsdCents;
  /** True when the figure rests on an assumption or a range, not an exact rule or quote. */
  estimate: boolean;
  note?: string;
  /** Longer background from the fact data (e.g. a state's own notes on its tax base). */
  detail?: string;
  source: Source[];
  group: CostGroup;
}

export interface TypicalRange {
  low: UsdCents;
  high: UsdCents;
  /** How the range was made, e.g. converted from yen at the rate given. */
  basis: string;
  confidence: string;
  sources: Source[];
}

export interface NotIncluded {
  id: string;
  label: string;
  /** Why it is not in the total: "not included: enter your quote" or "unknown: ...". */
  reason: string;
  note?: string;
  typicalRange?: TypicalRange;
  group: CostGroup;
  source: Source[];
}

/** What the engine decided for one tariff overlay in force on the entry date. */
export interface TariffDecision {
  id: string;
  authority: string;
  /** charged: a line with an exact rule; estimated: a line whose applicability is uncertain; not_charged: no line. */
  outcome: "charged" | "estimated" | "not_charged";
  /** The additional ad valorem rate applied (0 when not charged). */
  rate: number;
  reason: string;
  sources: Source[];
}

export interface LandedCost {
  /** Price paid for the vehicle as sold for export, in cents: the base of duty, overlays, MPF and HMF. */
  customsValueCents: UsdCents;
  dutyCents: UsdCents;
  /** Sum of the tariff overlay lines (0 when none applies). */
  overlayCents: UsdCents;
  mpfCents: UsdCents;
  hmfCents: UsdCents;
  /** duty + overlays + MPF + HMF: the sum of the federal lines. */
  federalChargesCents: UsdCents;
  /** The sum of every line; items in `notIncluded` are not in it. */
  totalCents: UsdCents;
  lines: CostLine[];
  notIncluded: NotIncluded[];
  tariffs: TariffDecision[];
  warnings: string[];
  hts: { code: string; description: string; rate: number; rateText: string; confidence: string };
  fx: { jpyPerUsd: number; date: IsoDate | null };
  entryDate: IsoDate;
  state: { code: string; name: string; confidence: string; lastReviewed: string } | null;
  disclaimer: string;
}
