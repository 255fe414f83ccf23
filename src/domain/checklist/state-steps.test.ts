import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { checkImportEligibility } from "../eligibility/index.js";
import { linkSources } from "../sources.js";
import { isoDate } from "../units/dates.js";
import { buildImportChecklist, CONFIRM_DMV } from "./index.js";

const { importRules: rules, stateRules } = loadFacts();
const ENTRY = isoDate("2026-06-15");
const eligibility = checkImportEligibility(
  { evidence: { kind: "build_date", date: isoDate("1999-03-10") }, entryDate: ENTRY },
  rules,
);
const checklist = (state: string | null, on = ENTRY) =>
  buildImportChecklist({ eligibility, state, on }, rules, stateRules);
const stateStepsOf = (state: string | null, on = ENTRY) =>
  checklist(state, on).steps.filter((s) => s.phase === "state");
const record = (code: string) => {
  const r = stateRules.find((x) => x.code === code);
  if (!r) throw new Error(code);
  return r;
};
const codesWith = (status: string) => stateRules.filter((r) => r.status === status).map((r) => r.code);

describe("a state with a mini-truck class or plate", () => {
  it("Indiana: the mini-truck plate is its own step, in the record's words, with no confirm (high)", () => {
    expect(record("IN").requirements.join(" ")).toMatch(/mini-truck plate/);
    const steps = stateStepsOf("IN");
    const plate = steps.find((s) => s.id.endsWith("-class"));
    expect(plate?.detail).toMatch(/mini-truck plate/);
    expect(plate).toMatchObject({
      title: "Register in the state's class for the truck",
      status: "todo",
      confirmWith: null,
    });
    expect(plate?.sources).toEqual(linkSources(record("IN").sources));
    expect(steps[0]?.title).toBe("Indiana: street legal with restrictions");
  });

  it("each state whose requirements name a mini-truck plate, tag or special class gets a class step", () => {
    const withClass = stateRules.filter(
      (r) =>
        ["street_legal", "restricted"].includes(r.status) &&
        r.requirements.some((q) => /mini-truck plate|special purpose vehicle|low speed use/i.test(q)),
    );
    expect(withClass.map((r) => r.code)).toEqual(expect.arrayContaining(["AL", "IN", "KY", "WV"]));
    for (const r of withClass)
      expect(
        stateStepsOf(r.code).some((s) => s.id.endsWith("-class")),
        r.code,
      ).toBe(true);
  });

  it.each(stateRules.filter((r) => ["street_legal", "restricted"].includes(r.status)).map((r) => r.code))(
    "%s: every requirement becomes a step, and topics the record never mentions are marked unknown",
    (code) => {
      const steps = stateStepsOf(code);
      for (const q of record(code).requirements)
        expect(steps.some((s) => s.status === "todo" && s.detail.includes(q))).toBe(true);
      for (const s of steps) expect(["todo", "unknown"]).toContain(s.status);
      const unlisted = steps.find((s) => s.id.endsWith("-unlisted"));
      if (unlisted) expect(unlisted).toMatchObject({ status: "unknown", confirmWith: CONFIRM_DMV });
    },
  );

  it("North Carolina's definition (which bars antique plates) is a definition step, not a plate", () => {
    const steps = stateStepsOf("NC");
    expect(steps.find((s) => /antique\/historic plates/.test(s.detail))?.id).toMatch(/-definition$/);
    expect(steps.some((s) => s.id.endsWith("-class"))).toBe(false);
  });

  it("Texas lists the federal import documents as forms", () => {
    const docs = stateStepsOf("TX").find((s) => s.id.endsWith("-import-documents"));
    expect(docs?.forms).toEqual(["CBP Form 7501", "NHTSA HS-7", "EPA 3520-1"]);
  });
});

describe("states that will not register it", () => {
  it("Maine (prohibited, high confidence): one plain not_possible step, no confirm needed", () => {
    const c = checklist("ME");
    const steps = c.steps.filter((s) => s.phase === "state");
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      title: "Maine will not register it for public roads",
      status: "not_possible",
      confirmWith: null,
    });
    expect(steps[0]?.detail).toContain(record("ME").summary.trim().replace(/\.$/, ""));
    expect(c.blockers).toEqual(["Maine will not register it for public roads (not possible)."]);
    expect(c.summary).toMatch(/Maine .*will not register it for public roads/);
  });

  it.each([...codesWith("prohibited"), ...codesWith("offroad_only")])(
    "%s: a single not_possible step",
    (code) => {
      const steps = stateStepsOf(code);
      expect(steps).toHaveLength(1);
      expect(steps[0]?.status).toBe("not_possible");
      expect(steps[0]?.title).toMatch(/will not register it for public roads$/);
    },
  );
});

describe("states whose position is unclear", () => {
  it.each(codesWith("unclear"))("%s: one unknown step telling you to ask the DMV", (code) => {
    const steps = stateStepsOf(code);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ status: "unknown", confirmWith: CONFIRM_DMV });
    expect(steps[0]?.detail).toMatch(/could not be established.*ask your DMV/);
  });

  it("Connecticut's summary says it plainly", () => {
    expect(checklist("CT").summary).toMatch(/Connecticut .*position is not known; ask your DMV/);
  });
});

describe("Colorado's dated change (HB25-1281 from 2028-01-01)", () => {
  it("before: not possible, and the coming change is named", () => {
    const steps = stateStepsOf("CO", isoDate("2027-12-31"));
    expect(steps).toHaveLength(1);
    expect(steps[0]?.status).toBe("not_possible");
    expect(steps[0]?.detail).toContain("From 2028-01-01:");
  });

  it("from 2028-01-01: a registration path with the emissions test and the 55 mph limit", () => {
    const steps = stateStepsOf("CO", isoDate("2028-01-01"));
    expect(steps.every((s) => s.status !== "not_possible")).toBe(true);
    expect(steps[0]?.title).toBe("Colorado: street legal with restrictions");
    expect(steps[0]?.detail).toContain("55 mph");
    const emissions = steps.find((s) => s.id.endsWith("-emissions"));
    expect(emissions?.detail).toMatch(/two-speed idle emissions test/);
    expect(emissions?.confirmWith).toBe(CONFIRM_DMV); // the record is medium confidence
    expect(steps.some((s) => s.id.endsWith("-registration"))).toBe(true);
  });
});

describe("no state, or one the data does not have", () => {
  it("null: one 'choose your state' step, resting on no fact", () => {
    const c = checklist(null);
    expect(c.steps.filter((s) => s.phase === "state")).toEqual([
      expect.objectContaining({
        id: "state-choose",
        title: "Choose your state",
        status: "unknown",
        confidence: null,
        confirmWith: null,
        sources: [],
      }),
    ]);
    expect(c.steps).toHaveLength(7);
  });

  it("an unknown code: unknown, ask the DMV; a lower-case known code is found", () => {
    expect(stateStepsOf("PR")).toEqual([
      expect.objectContaining({ title: "No record for PR", status: "unknown", confirmWith: CONFIRM_DMV }),
    ]);
    expect(stateStepsOf("in")[0]?.title).toBe("Indiana: street legal with restrictions");
  });
});
