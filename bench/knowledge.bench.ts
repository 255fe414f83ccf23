// Throughput of the knowledge-core engines and the CLI's start-up, measured (not asserted).
import { spawnSync } from "node:child_process";
import { decodeFrameNumber } from "../src/domain/catalog/decode.js";
import { computeLandedCost } from "../src/domain/cost/landed-cost.js";
import { checkImportEligibility } from "../src/domain/eligibility/check.js";
import { listStreetLegality } from "../src/domain/legality/street-legality.js";
import { estimateWithGroups, resolveFairGroups } from "../src/domain/pricing/estimate.js";
import { fitDealModel } from "../src/domain/pricing/index.js";
import { syntheticComparables } from "../src/domain/pricing/synthetic.fixture.js";
import type { IsoDate, YearMonth } from "../src/domain/units/dates.js";
import { jpy } from "../src/domain/units/money.js";
import { loadFacts } from "../src/facts/load.js";
import { percentiles, report, timeIt } from "./measure.js";

export async function benchKnowledge(): Promise<void> {
  const t0 = performance.now();
  const facts = loadFacts();
  report("facts: load and validate all files", { ms: performance.now() - t0 });

  const codes = facts.catalog.map((e) => e.chassisCode);
  const inputs = Array.from({ length: 10_000 }, (_, i) => `${codes[i % codes.length]}-${100000 + i}`);
  report(
    "decodeFrameNumber",
    timeIt(inputs.length, (i) => decodeFrameNumber(inputs[i]!, facts.catalog)),
  );

  const months = Array.from(
    { length: 10_000 },
    (_, i) => `${1990 + (i % 30)}-${String((i % 12) + 1).padStart(2, "0")}`,
  );
  report(
    "checkImportEligibility (build month)",
    timeIt(months.length, (i) =>
      checkImportEligibility(
        {
          evidence: { kind: "build_month", month: months[i] as YearMonth },
          entryDate: "2026-12-15" as IsoDate,
        },
        facts.importRules,
      ),
    ),
  );

  const states = facts.stateFees.map((s) => s.code);
  report(
    "computeLandedCost (with state)",
    timeIt(10_000, (i) =>
      computeLandedCost(
        {
          priceJpy: jpy(200_000 + i * 37),
          jpyPerUsd: 150,
          entryDate: "2026-12-15" as IsoDate,
          buildYear: 1999,
          state: states[i % states.length]!,
        },
        facts.importRules,
        facts.stateFees,
      ),
    ),
  );
  // The deal model's estimate as a batch makes it: the groups of a truck's names resolved once, then
  // one estimate a truck (keiyard lots makes a million).
  const comps = syntheticComparables(20_000, 1);
  const model = fitDealModel(comps);
  const trucks = comps.slice(0, 10_000).map((c) => ({ spec: c, groups: resolveFairGroups(model, c) }));
  report(
    "estimateWithGroups (deal model, groups resolved)",
    timeIt(200_000, (i) =>
      estimateWithGroups(model, trucks[i % trucks.length]!.groups, trucks[i % trucks.length]!.spec),
    ),
  );
  report(
    "listStreetLegality (51 states)",
    timeIt(2_000, () => listStreetLegality(facts.stateRules, "2026-11-24" as IsoDate)),
  );

  // The command runs a compiled copy of its sources (made by the first run after a change, which is
  // left out), or with KEIYARD_COMPILE=0 the sources through tsx's loader.
  for (const [label, compile] of [
    ["compiled", "1"],
    ["through tsx", "0"],
  ] as const) {
    const runs: number[] = [];
    for (let i = 0; i < 6; i++) {
      const s = performance.now();
      const r = spawnSync(process.execPath, ["bin/keiyard.js", "decode", "HA4-2123456", "--json"], {
        encoding: "utf8",
        env: { ...process.env, KEIYARD_COMPILE: compile },
      });
      if (r.status !== 0) throw new Error(r.stderr);
      if (i > 0) runs.push(performance.now() - s);
    }
    report(`CLI: keiyard decode, ${label} (process start to exit)`, percentiles(runs));
  }
}
