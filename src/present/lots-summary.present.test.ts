import { describe, expect, it } from "vitest";
import { emptySummary, finishSummary, type TopLot } from "../domain/lots/summary.js";
import { formatLotSummary, type LotRunInfo } from "./lots-summary.present.js";

const info: LotRunInfo = {
  file: "lots.csv",
  arrival: "2027-01-15",
  state: { code: "TX", name: "Texas" },
  fx: { jpyPerUsd: 150, from: "--fx" },
  priceUnit: 1,
  pricing: { kind: "none", reason: "no database" },
  retail: undefined,
  sampleCost: null,
  out: null,
  elapsedMs: 12,
  threads: 0,
  disclaimer: "Not legal advice.",
};

const lot = (over: Partial<TopLot>): TopLot => ({
  line: 2,
  lotNo: "100",
  vehicle: "Suzuki Carry Truck DA52T",
  landedCents: 97_100,
  marginCents: 402_900,
  fairSource: "facts",
  warnings: 0,
  basis: "sold",
  ...over,
});

function bestMargins(top: TopLot[]): string[] {
  const text = formatLotSummary({ ...finishSummary(emptySummary()), top }, info);
  return text.split("\n").filter((l) => l.startsWith("  line "));
}

describe("the best margins in the summary", () => {
  it("says a margin on the fact data's range is its low end, and a model's is the point", () => {
    expect(bestMargins([lot({}), lot({ line: 3, fairSource: "model", marginCents: 150_000 })])).toEqual([
      "  line 2, lot 100: Suzuki Carry Truck DA52T, landed $971, margin at least $4,029",
      "  line 3, lot 100: Suzuki Carry Truck DA52T, landed $971, margin $1,500",
    ]);
  });

  it("says figures on a start price hold only if the truck went for it, and names warnings", () => {
    expect(bestMargins([lot({ basis: "start", warnings: 2 })])).toEqual([
      "  line 2, lot 100: Suzuki Carry Truck DA52T, landed $971 and margin at least $4,029 if bought at its start price (bidding lowers the margin) (2 warnings: see the row)",
    ]);
  });
});
