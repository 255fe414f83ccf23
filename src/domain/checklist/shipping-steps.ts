// Steps 1-4, Japan to the US port: the export certificate, the bill of lading, the ISF and the CBP entry.
// Every sentence comes from import-rules.json or the eligibility result; where the data has nothing the
// step says so instead of filling it in.
import type { ImportRules } from "../../facts/schemas.js";
import { isBelowHighConfidence } from "../eligibility/duty.js";
import type { EligibilityResult } from "../eligibility/types.js";
import { uniqueSources } from "../sources.js";
import { CONFIRM_BROKER, confidenceValues, confirmWith, lowestConfidence } from "./confidence.js";
import {
  amount,
  fee,
  section,
  sectionSourceIds,
  sentence,
  sourcesOf,
  text,
  texts,
  typicalCost,
  usd,
} from "./facts.js";
import type { ChecklistStep } from "./types.js";

/** The registry entries about the Japanese export certificate (its chassis number and registration month). */
const EXPORT_CERTIFICATE_SOURCE_IDS = ["autorec-glossary", "providecars-firstreg", "japon-japan-chassis"];

const UNKNOWN = "unknown (not in the fact data)";

function step(s: Omit<ChecklistStep, "confirmWith">): ChecklistStep {
  return { ...s, confirmWith: confirmWith(s.confidence, CONFIRM_BROKER) };
}

export function exportCertificateStep(rules: ImportRules, frameNumber: string | null): ChecklistStep {
  const agent = typicalCost(rules, "exporter_service_fee");
  const registration = rules.fmvss.acceptedEvidence;
  const evidence = (Array.isArray(registration) ? registration : [])
    .map(section)
    .find((e) => text(e, "kind") === "registration_25_years_ago");
  const lines = [
    "The Japanese export certificate carries the truck's chassis (frame) number.",
    ...(text(evidence ?? {}, "description") ?? "")
      .split(/(?<=\.)\s+/)
      .filter((part) => /export certificate/i.test(part)),
    frameNumber ? `Check that the chassis (frame) number on it reads ${frameNumber}.` : null,
    agent ? `The exporter's fee: ${sentence(agent.label)}` : null,
    "English translation: the fact data does not say who must prepare or certify it; ask your broker and your DMV what they accept.",
  ];
  const confidence = lowestConfidence([
    ...confidenceValues(rules.fmvss.confidence, ["evidenceList"]),
    ...(agent ? [agent.confidence] : []),
  ]);
  return step({
    id: "export-certificate",
    phase: "japan",
    title: "Export certificate and its English translation",
    who: "seller/exporter",
    forms: ["Export certificate (輸出抹消仮登録証明書)", "English translation of the export certificate"],
    detail: lines.filter((l): l is string => l !== null).join(" "),
    status: "todo",
    confidence,
    sources: sourcesOf([...EXPORT_CERTIFICATE_SOURCE_IDS, ...(agent?.source ?? [])], rules),
  });
}

export function billOfLadingStep(rules: ImportRules): ChecklistStep {
  const items = ["ocean_freight_roro", "ocean_freight_container", "us_port_terminal_fees"]
    .map((i) => typicalCost(rules, i))
    .filter((c) => c !== null);
  const port = typicalCost(rules, "us_port_terminal_fees");
  return step({
    id: "bill-of-lading",
    phase: "shipping",
    title: "Bill of lading for the RoRo or container shipment",
    who: "carrier",
    forms: ["Bill of lading"],
    detail: [
      "The carrier's bill of lading is the shipping document the ISF and the CBP entry refer to.",
      port ? port.notes : null,
    ]
      .filter((l): l is string => l !== null)
      .join(" "),
    status: "todo",
    confidence: lowestConfidence(items.map((c) => c.confidence)),
    sources: sourcesOf(
      items.flatMap((c) => c.source),
      rules,
    ),
  });
}

export function isfStep(rules: ImportRules): ChecklistStep {
  const isf = fee(rules, "isf");
  const damages = amount(isf, "liquidatedDamagesPerViolation");
  return step({
    id: "isf",
    phase: "shipping",
    title: "Importer Security Filing (ISF) before the truck sails or arrives",
    who: "you or your broker",
    forms: [`ISF (${text(isf, "rule") ?? "19 CFR Part 149"})`],
    detail: [
      `RoRo: ${text(isf, "deadlineRoRo") ?? UNKNOWN}.`,
      `Container: ${text(isf, "deadlineContainer") ?? UNKNOWN}.`,
      `Liquidated damages for a late or missing ISF: ${damages === null ? UNKNOWN : `${usd(damages)} per violation`}.`,
    ].join(" "),
    status: "todo",
    confidence: lowestConfidence(confidenceValues(isf.confidence)),
    sources: sourcesOf(texts(isf, "source"), rules),
  });
}

export function entryStep(rules: ImportRules, eligibility: EligibilityResult): ChecklistStep {
  const { duty, section232 } = eligibility;
  const deadline = fee(rules, "entryDeadline");
  const bond = fee(rules, "customsBond");
  const continuous = amount(section(bond.continuousBond), "minimumCoverageUsd");
  const value = section(rules.customsValue);
  const lines = [
    `Classification: HTS ${duty.hts} (${duty.description}), duty ${duty.rateText}.`,
    isBelowHighConfidence(duty.confidence)
      ? `Classification confidence is ${duty.confidence}: ${duty.notes}`
      : null,
    section232.applicable ? `Section 232 (${section232.heading}): ${section232.note}` : null,
    `Customs value: ${rules.customsValue.basis}; it excludes ${rules.customsValue.excludes.join(", ")}.`,
    `Deadline: ${sentence(text(deadline, "rule") ?? UNKNOWN)}`,
    `Bond: a single-entry bond covers ${text(bond, "singleEntryBondAmount") ?? UNKNOWN}${
      continuous === null ? "" : `; a continuous bond has a minimum coverage of ${usd(continuous)}`
    }.`,
  ];
  const confidence = lowestConfidence([
    duty.confidence,
    ...confidenceValues(value.confidence),
    ...confidenceValues(deadline.confidence),
    ...confidenceValues(bond.confidence),
  ]);
  const ids = [...rules.customsValue.sources, ...texts(deadline, "source"), ...sectionSourceIds(bond)];
  return step({
    id: "cbp-entry",
    phase: "customs",
    title: `CBP entry summary (Form 7501) under HTS ${duty.hts}`,
    who: "customs broker",
    forms: ["CBP Form 7501 (entry summary)", "Customs bond"],
    detail: lines.filter((l): l is string => l !== null).join(" "),
    status: "todo",
    confidence,
    sources: uniqueSources([
      duty.sources,
      section232.applicable ? section232.sources : [],
      sourcesOf(ids, rules),
    ]),
  });
}
