// Steps 7+, the state's title and registration path, from its record on the given date (dated changes
// applied by checkStreetLegality). Each listed requirement becomes a step in the record's own words; a
// state that will not register the truck, or whose position is unclear, gets one plain step saying so.
import type { StateRule } from "../../facts/schemas.js";
import { findStreetLegality, STATUS_LABELS, type StreetLegality } from "../legality/street-legality.js";
import type { IsoDate } from "../units/dates.js";
import { CONFIRM_DMV, confirmWith } from "./confidence.js";
import { sentence } from "./facts.js";
import type { ChecklistStep, ChecklistWho } from "./types.js";

interface Kind {
  key: string;
  test: RegExp;
  title: string;
  who: ChecklistWho;
}

// First match wins: the definition a truck must fit, then the specific registration routes (a class or
// plate) before the generic "title and registration".
const KINDS: readonly Kind[] = [
  {
    key: "definition",
    test: /defin|must fit/i,
    title: "Check the truck fits the state's definition",
    who: "you",
  },
  {
    key: "class",
    test: /plate|special purpose vehicle|low speed|medium speed|multipurpose|antique|collector|special-interest|off-road (vehicle|title)|register as an off-road/i,
    title: "Register in the state's class for the truck",
    who: "you",
  },
  { key: "inspection", test: /inspect/i, title: "Have the truck inspected", who: "DMV" },
  { key: "emissions", test: /emission/i, title: "Meet the emissions requirement", who: "you" },
  { key: "vin", test: /VIN verif/i, title: "VIN verification", who: "DMV" },
  { key: "import-documents", test: /import documents/i, title: "Show the import documents", who: "you" },
  {
    key: "equipment",
    test: /equipment|lamps|mirrors|seat belts/i,
    title: "Fit the required equipment",
    who: "you",
  },
  { key: "registration", test: /title|regist/i, title: "Title and register the truck", who: "you" },
  { key: "insurance", test: /insur/i, title: "Insure the truck", who: "you" },
  { key: "license", test: /driver/i, title: "Hold a valid driver license", who: "you" },
  {
    key: "local",
    test: /ordinance|local|permit|city|county/i,
    title: "Check that your city or county allows it",
    who: "you",
  },
  { key: "roads", test: /highway|road|street|interstate|mph/i, title: "Where it may be driven", who: "you" },
  { key: "dealer", test: /dealer/i, title: "Buy from a licensed dealer", who: "you" },
];

const FEDERAL_FORMS: readonly [RegExp, string][] = [
  [/7501/, "CBP Form 7501"],
  [/HS-7/, "NHTSA HS-7"],
  [/3520-1/, "EPA 3520-1"],
];

/** The topics a registration path usually has; the ones the record never mentions are shown as unknown. */
const TOPICS: readonly [string, RegExp][] = [
  ["title and registration", /title|regist/i],
  ["inspection", /inspect/i],
  ["VIN verification", /VIN verif/i],
  ["emissions", /emission/i],
  ["insurance", /insur/i],
];

function base(l: StreetLegality) {
  return {
    phase: "state" as const,
    confidence: l.confidence,
    confirmWith: confirmWith(l.confidence, CONFIRM_DMV),
    sources: l.sources,
  };
}

function upcoming(l: StreetLegality): string[] {
  return l.upcomingChanges.map(
    (c) =>
      `From ${c.effectiveFrom}: ${sentence(c.summary ?? (c.status ? STATUS_LABELS[c.status] : "the rule changes"))}`,
  );
}

function statuteLine(l: StreetLegality): string {
  return `Statute: ${sentence(l.statute ?? "none cited in the record")}`;
}

function requirementStep(l: StreetLegality, requirement: string, index: number): ChecklistStep {
  const kind = KINDS.find((k) => k.test.test(requirement));
  const forms = FEDERAL_FORMS.filter(([re]) => re.test(requirement)).map(([, f]) => f);
  return {
    ...base(l),
    id: `state-${l.code.toLowerCase()}-${index + 1}-${kind?.key ?? "condition"}`,
    title: kind?.title ?? "Meet this condition",
    who: kind?.who ?? "you",
    forms,
    detail: [
      `${l.name} requires: ${sentence(requirement)}`,
      kind?.key === "class" || kind?.key === "registration"
        ? "The record names no state form: ask your DMV which application to file."
        : null,
    ]
      .filter((x): x is string => x !== null)
      .join(" "),
    status: "todo",
  };
}

function unmentionedStep(l: StreetLegality): ChecklistStep | null {
  const all = l.requirements.join(" ");
  const missing = TOPICS.filter(([, re]) => !re.test(all)).map(([name]) => name);
  if (missing.length === 0) return null;
  return {
    ...base(l),
    // The record is silent on these, so nothing about them is known, whatever the record's confidence.
    confidence: "unknown",
    confirmWith: CONFIRM_DMV,
    id: `state-${l.code.toLowerCase()}-unlisted`,
    title: "Anything else the DMV requires",
    who: "DMV",
    forms: [],
    detail: `The ${l.name} record does not mention ${missing.join(", ")}: whether they apply is unknown. Ask your DMV.`,
    status: "unknown",
  };
}

function registrablePath(l: StreetLegality): ChecklistStep[] {
  const head: ChecklistStep = {
    ...base(l),
    id: `state-${l.code.toLowerCase()}-status`,
    title: `${l.name}: ${STATUS_LABELS[l.status].toLowerCase()}`,
    who: "DMV",
    forms: [],
    detail: [l.summary, ...l.restrictions, statuteLine(l), ...upcoming(l)].join(" "),
    status: "todo",
  };
  const rest = l.requirements.map((r, i) => requirementStep(l, r, i));
  const unlisted = unmentionedStep(l);
  return [head, ...rest, ...(unlisted ? [unlisted] : [])];
}

function refusedStep(l: StreetLegality): ChecklistStep {
  return {
    ...base(l),
    id: `state-${l.code.toLowerCase()}-not-registrable`,
    title: `${l.name} will not register it for public roads`,
    who: "DMV",
    forms: [],
    detail: [
      `${STATUS_LABELS[l.status]}. The record says: ${sentence(l.summary)}`,
      ...l.requirements.map((r) => `Listed: ${sentence(r)}`),
      statuteLine(l),
      ...upcoming(l),
    ].join(" "),
    status: "not_possible",
  };
}

function unclearStep(l: StreetLegality): ChecklistStep {
  return {
    ...base(l),
    id: `state-${l.code.toLowerCase()}-unclear`,
    title: `${l.name}: the state's position is not known`,
    who: "DMV",
    forms: [],
    detail: [
      "The state's position could not be established from the sources found: ask your DMV whether it will title and register an imported kei truck for road use, and on what conditions.",
      `The record says: ${sentence(l.summary)}`,
      ...upcoming(l),
    ].join(" "),
    status: "unknown",
  };
}

function noStateStep(state: string | null): ChecklistStep {
  const detail =
    state === null
      ? "Title and registration differ by state: choose your state to see its path from the DMV's title to the plates."
      : `There is no record for "${state}" in the state data: its path is unknown. Ask your DMV.`;
  return {
    id: "state-choose",
    phase: "state",
    title: state === null ? "Choose your state" : `No record for ${state}`,
    who: "you",
    forms: [],
    detail,
    status: "unknown",
    confidence: state === null ? null : "unknown",
    confirmWith: state === null ? null : CONFIRM_DMV,
    sources: [],
  };
}

export function stateSteps(
  state: string | null,
  stateRules: readonly StateRule[],
  on: IsoDate,
): { steps: ChecklistStep[]; legality: StreetLegality | null } {
  if (state === null) return { steps: [noStateStep(null)], legality: null };
  const found = findStreetLegality(stateRules, state, on);
  if (found.kind === "unknown_state") return { steps: [noStateStep(found.code)], legality: null };
  const l = found.legality;
  switch (l.status) {
    case "street_legal":
    case "restricted":
      return { steps: registrablePath(l), legality: l };
    case "prohibited":
    case "offroad_only":
      return { steps: [refusedStep(l)], legality: l };
    case "unclear":
      return { steps: [unclearStep(l)], legality: l };
  }
}
