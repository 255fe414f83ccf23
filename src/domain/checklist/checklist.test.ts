import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { isBelowHighConfidence } from "../eligibility/duty.js";
import { checkImportEligibility } from "../eligibility/index.js";
import type { AgeEvidence, VehicleClass } from "../eligibility/types.js";
import { isoDate, yearMonth } from "../units/dates.js";
import { buildImportChecklist, CONFIRM_BROKER, CONFIRM_DMV } from "./index.js";
import type { ChecklistInput } from "./types.js";

const { importRules: rules, stateRules } = loadFacts();
const ENTRY = isoDate("2026-06-15");
const eligibility = (evidence: AgeEvidence, vehicleClass?: VehicleClass) =>
  checkImportEligibility({ evidence, entryDate: ENTRY, ...(vehicleClass ? { vehicleClass } : {}) }, rules);
const BUILT_1999: AgeEvidence = { kind: "build_date", date: isoDate("1999-03-10") };
const build = (input: Partial<ChecklistInput> & { evidence?: AgeEvidence } = {}) =>
  buildImportChecklist(
    { eligibility: eligibility(input.evidence ?? BUILT_1999), state: "TX", on: ENTRY, ...input },
    rules,
    stateRules,
  );
const stepById = (c: ReturnType<typeof build>, id: string) => {
  const s = c.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};
const FEDERAL_IDS = ["export-certificate", "bill-of-lading", "isf", "cbp-entry", "nhtsa-hs7", "epa-3520-1"];
const PHASES = ["japan", "shipping", "customs", "federal", "state"];

describe("order of steps", () => {
  it("runs from Japan to the state, the six import steps first", () => {
    const c = build();
    expect(c.steps.slice(0, 6).map((s) => s.id)).toEqual(FEDERAL_IDS);
    expect(c.steps.slice(6).every((s) => s.phase === "state")).toBe(true);
    const ranks = c.steps.map((s) => PHASES.indexOf(s.phase));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(c.steps.map((s) => s.id)).size).toBe(c.steps.length);
  });

  it("names who files each import step", () => {
    const who = build()
      .steps.slice(0, 6)
      .map((s) => s.who);
    expect(who).toEqual([
      "seller/exporter",
      "carrier",
      "you or your broker",
      "customs broker",
      "you or your broker",
      "you or your broker",
    ]);
  });
});

describe("import steps carry the data's values", () => {
  it("export certificate and its translation, with the frame number to check", () => {
    const s = stepById(build({ frameNumber: "DA52T-123456" }), "export-certificate");
    expect(s.forms.join(" ")).toMatch(/輸出抹消仮登録証明書/);
    expect(s.forms.join(" ")).toMatch(/English translation/);
    expect(s.detail).toContain("DA52T-123456");
  });

  it("ISF: both deadlines and the liquidated damages from fees.isf", () => {
    const isf = rules.fees.isf as {
      deadlineRoRo: string;
      deadlineContainer: string;
      liquidatedDamagesPerViolation: number;
    };
    const s = stepById(build(), "isf");
    expect(isf.liquidatedDamagesPerViolation).toBe(5000);
    expect(s.detail).toContain("$5,000 per violation");
    expect(s.detail).toContain(isf.deadlineRoRo);
    expect(s.detail).toContain(isf.deadlineContainer);
  });

  it.each([
    ["kei_truck", "8704.31.0120"],
    ["kei_van_passenger", "8703.21.0150"],
  ] as const)("CBP 7501 for a %s: HTS %s, its duty, the entry deadline and the bond", (cls, hts) => {
    const e = eligibility(BUILT_1999, cls);
    const c = buildImportChecklist({ eligibility: e, state: "TX", on: ENTRY }, rules, stateRules);
    const s = stepById(c, "cbp-entry");
    expect(e.duty.hts).toBe(hts);
    expect(s.title).toContain(hts);
    expect(s.detail).toContain(e.duty.rateText);
    expect(s.detail).toContain((rules.fees.entryDeadline as { rule: string }).rule);
    expect(s.detail).toContain(
      (rules.fees.customsBond as { singleEntryBondAmount: string }).singleEntryBondAmount,
    );
    expect(s.forms).toContain("CBP Form 7501 (entry summary)");
  });

  it("HS-7 box 1 with the date of manufacture and the frame number", () => {
    const s = stepById(build({ frameNumber: "DA52T-123456" }), "nhtsa-hs7");
    expect(s.status).toBe("todo");
    expect(s.forms).toEqual(["NHTSA HS-7 (box 1)"]);
    expect(s.detail).toContain("Date of manufacture: 1999-03-10");
    expect(s.detail).toContain("This truck: DA52T-123456");
  });

  it("EPA 3520-1 code E with the conditions from epa", () => {
    const s = stepById(build(), "epa-3520-1");
    expect(s.status).toBe("todo");
    expect(s.title).toBe("EPA Form 3520-1, code E");
    for (const c of rules.epa.conditions) expect(s.detail).toContain(c);
  });
});

describe("the eligibility verdict gates HS-7", () => {
  it("needs_evidence: HS-7 is blocked and says which evidence is needed", () => {
    const c = build({ evidence: { kind: "none" } });
    const s = stepById(c, "nhtsa-hs7");
    expect(s.status).toBe("blocked");
    expect(s.detail).toMatch(/manufacturer plate or label/);
    expect(s.detail).toContain("Evidence NHTSA accepts:");
    expect(s.detail).toContain("Date of manufacture: unknown");
    expect(stepById(c, "epa-3520-1").status).toBe("blocked");
    expect(c.blockers).toContain(`${s.title} (blocked).`);
    expect(c.summary).toMatch(/blocked until the date of manufacture is proven/);
  });

  it("needs_evidence from a registration month: blocked, with the date that month proves", () => {
    const s = stepById(
      build({ evidence: { kind: "first_registration", month: yearMonth("2001-06") } }),
      "nhtsa-hs7",
    );
    expect(s.status).toBe("blocked");
    expect(s.detail).toContain("first-registration month is 2001-06");
    expect(s.detail).toMatch(/build date on the manufacturer plate or label/);
  });

  it("not_importable: HS-7 is not possible and gives the eligible-from date", () => {
    const c = build({ evidence: { kind: "build_date", date: isoDate("2005-03-10") } });
    const s = stepById(c, "nhtsa-hs7");
    expect(s.status).toBe("not_possible");
    expect(s.detail).toContain("eligible only from 2030-03-10");
    expect(c.summary).toContain("eligible from 2030-03-10");
    expect(c.blockers).toEqual([`${s.title} (not possible).`]);
    // EPA's calendar-year test passes (21 years), but that never makes the truck importable.
    expect(stepById(c, "epa-3520-1").status).toBe("todo");
  });
});

describe("sources and confidence, for every state", () => {
  const all = stateRules.map((r) => [r.code, build({ state: r.code })] as const);

  it.each(all)("%s: every step has at least one source", (_, c) => {
    for (const s of c.steps) expect(s.sources.length, s.id).toBeGreaterThan(0);
  });

  it.each(all)("%s: confirmWith is present exactly when the confidence is below high", (code, c) => {
    const record = stateRules.find((r) => r.code === code);
    for (const s of c.steps) {
      expect(s.confidence, s.id).not.toBeNull();
      const below = isBelowHighConfidence(s.confidence ?? "");
      expect(s.confirmWith, s.id).toBe(below ? (s.phase === "state" ? CONFIRM_DMV : CONFIRM_BROKER) : null);
      if (s.phase === "state" && !s.id.endsWith("-unlisted")) expect(s.confidence).toBe(record?.confidence);
    }
  });

  it("federal confidence comes from the sections: HS-7 high for a build date, EPA, ISF and entry below", () => {
    const c = build();
    expect(stepById(c, "nhtsa-hs7").confirmWith).toBeNull();
    expect(stepById(c, "nhtsa-hs7").confidence).toBe("high");
    expect(stepById(c, "epa-3520-1").confidence).toBe(
      (rules.epa.confidence as { whoMayUse: string }).whoMayUse,
    );
    expect(stepById(c, "isf").confidence).toBe((rules.fees.isf as { confidence: string }).confidence);
    expect(stepById(c, "cbp-entry").confirmWith).toBe(CONFIRM_BROKER);
    // A build month brings in the data's low-medium day-versus-month handling.
    const month = build({ evidence: { kind: "build_month", month: yearMonth("2000-01") } });
    expect(stepById(month, "nhtsa-hs7").confirmWith).toBe(CONFIRM_BROKER);
  });

  it("import-rules steps cite registry ids; state steps cite the state record's links", () => {
    const c = build({ state: "IN" });
    for (const s of c.steps.slice(0, 6))
      for (const src of s.sources) expect(rules.sources[src.id ?? ""]).toBeDefined();
    const links = stateRules.find((r) => r.code === "IN")?.sources.map((l) => l.url);
    for (const s of c.steps.slice(6)) expect(s.sources.map((x) => x.url)).toEqual(links);
  });
});

it("is deterministic and carries the disclaimers", () => {
  expect(build({ state: "FL" })).toEqual(build({ state: "FL" }));
  expect(build().disclaimer).toContain(rules.meta.disclaimer);
  expect(build().disclaimer).toMatch(/confirm with your state's DMV/);
});
