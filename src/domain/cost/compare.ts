// Import it yourself, or buy the same truck from a US seller? Each side is a total plus the costs it
// leaves out: those with a typical range widen the side into a range, those without a figure are
// counted and shown, never taken as zero. The answer is a verdict only when the ranges do not overlap.
import { sumCents, type UsdCents } from "../units/money.js";

export interface SideRange {
  /** The total of the itemized lines. */
  totalCents: UsdCents;
  /** The total plus the low and the high ends of every typical range left out. */
  lowCents: UsdCents;
  highCents: UsdCents;
  /** Costs left out with no figure at all (an unknown state fee, a quote with no typical range). */
  unknownCount: number;
}

export function sideRange(
  totalCents: UsdCents,
  notIncluded: readonly { typicalRange?: { low: UsdCents; high: UsdCents } | null }[],
): SideRange {
  const ranges = notIncluded.flatMap((n) => (n.typicalRange ? [n.typicalRange] : []));
  return {
    totalCents,
    lowCents: sumCents([totalCents, ...ranges.map((r) => r.low)]),
    highCents: sumCents([totalCents, ...ranges.map((r) => r.high)]),
    unknownCount: notIncluded.length - ranges.length,
  };
}

export type ComparisonVerdict = "import_cheaper" | "us_cheaper" | "depends";

export interface Comparison {
  verdict: ComparisonVerdict;
  /**
   * The US purchase minus the import, from the least to the most it can be given the ranges (signed:
   * positive means importing costs less). When both ends have the same sign, that side is cheaper.
   */
  usMinusImportLowCents: number;
  usMinusImportHighCents: number;
  /** Costs with no figure on either side: the verdict is before them. */
  unknownCount: number;
}

export function compareImportWithUsSeller(imported: SideRange, us: SideRange): Comparison {
  const low = us.lowCents - imported.highCents;
  const high = us.highCents - imported.lowCents;
  return {
    verdict: low > 0 ? "import_cheaper" : high < 0 ? "us_cheaper" : "depends",
    usMinusImportLowCents: low,
    usMinusImportHighCents: high,
    unknownCount: imported.unknownCount + us.unknownCount,
  };
}
