// The FMVSS 25-year exemption (49 U.S.C. 30112(b)(9); import-rules.json `fmvss`): a vehicle that does not
// meet the US safety standards may enter once it is fmvss.minAgeYears old, counted from its date of
// manufacture (fmvss.measuredFrom), never from registration or model year (fmvss.notMeasuredFrom). This is
// the binding gate for a kei truck (meta.notes[0]); the verdict rests on it alone.
import type { ImportRules } from "../../facts/schemas.js";
import { resolveSources } from "../sources.js";
import {
  addMonths,
  addYears,
  dateParts,
  daysBetween,
  firstDayOfMonth,
  type IsoDate,
  isLeapYear,
  lastDayOfMonth,
  type YearMonth,
} from "../units/dates.js";
import type { AgeEvidence, FmvssOutcome, FmvssStatus } from "./types.js";

export const COMMON_PRACTICE_LABEL = "commonly accepted, not guaranteed";

/** fmvss.precision.exactDayKnown + feb29: the anniversary, 29 February -> 1 March in a non-leap year. */
export function eligibleFromBuildDate(build: IsoDate, rules: ImportRules): IsoDate {
  return addYears(build, rules.fmvss.minAgeYears);
}

/** The same month fmvss.minAgeYears later. */
export function anniversaryMonth(month: YearMonth, rules: ImportRules): YearMonth {
  return addMonths(month, 12 * rules.fmvss.minAgeYears);
}

/**
 * fmvss.precision.monthOnlyConservative: treat the build as the LAST day of the build month and apply the
 * exact-day rule (with precision.feb29) to it. For most months that is the last day of the anniversary
 * month; for February it differs by a day either way, and this reading is the one that is never early:
 * 2000-02 -> 2025-03-01 (a 29 February build turns 25 on 1 March), 1999-02 -> 2024-02-28,
 * 2004-02 -> 2029-03-01. The same date bounds a registration month, since the build was on or before the
 * end of that month.
 */
export function conservativeFromMonth(month: YearMonth, rules: ImportRules): IsoDate {
  return addYears(lastDayOfMonth(month), rules.fmvss.minAgeYears);
}

/** fmvss.precision.monthOnlyCommonPractice: brokers commonly accept the whole anniversary month. */
export function commonPracticeFromMonth(month: YearMonth, rules: ImportRules): IsoDate {
  return firstDayOfMonth(anniversaryMonth(month, rules));
}

function dayCount(n: number): string {
  return `${n} day${n === 1 ? "" : "s"}`;
}

/** The sentence comparing the entry date with a date, and whether the entry is on or after it. */
function compare(entryDate: IsoDate, from: IsoDate): { reached: boolean; days: number; sentence: string } {
  const days = daysBetween(entryDate, from);
  if (days <= 0)
    return { reached: true, days: 0, sentence: `The entry date ${entryDate} is on or after ${from}.` };
  return {
    reached: false,
    days,
    sentence: `The entry date ${entryDate} is ${dayCount(days)} before ${from}.`,
  };
}

export function checkFmvss(evidence: AgeEvidence, entryDate: IsoDate, rules: ImportRules): FmvssOutcome {
  const f = rules.fmvss;
  const years = f.minAgeYears;
  const base = {
    minAgeYears: years,
    commonPracticeFrom: null,
    commonPracticeLabel: null,
    citation: f.citation,
    sources: resolveSources(f.sources, rules.sources),
  };
  const intro = [
    `The ${years}-year exemption (${f.citation}) lets in a vehicle that does not meet US safety standards once it is at least ${years} years old, counted from its date of manufacture (not its model year or registration).`,
  ];
  // fmvss.comparedAgainstPolicy: no primary source settles which US date counts, so both must pass.
  const against =
    "We compare with the entry date; to be safe, the ship's arrival in the US must also be on or after the eligibility date.";

  switch (evidence.kind) {
    case "build_date": {
      const from = eligibleFromBuildDate(evidence.date, rules);
      const c = compare(entryDate, from);
      const { year, month, day } = dateParts(evidence.date);
      const isLeapDay = month === 2 && day === 29 && !isLeapYear(year + years);
      const when = isLeapDay
        ? `It was built on 29 February and ${year + years} is not a leap year, so by policy it turns ${years} on 1 March: ${from}.`
        : `It turns ${years} on the anniversary of its build date: ${from}.`;
      return {
        ...statusOf(c.reached ? "eligible" : "not_yet", from, c.days),
        ...base,
        evidence: { kind: evidence.kind, value: evidence.date, note: "Exact date of manufacture." },
        reasoning: [
          ...intro,
          `The date of manufacture is ${evidence.date}.`,
          when,
          against,
          c.sentence,
          c.reached
            ? `Eligible under the ${years}-year rule.`
            : `Not eligible yet: wait ${dayCount(c.days)}.`,
        ],
      };
    }
    case "build_month": {
      const from = conservativeFromMonth(evidence.month, rules);
      const common = commonPracticeFromMonth(evidence.month, rules);
      const c = compare(entryDate, from);
      const reasoning = [
        ...intro,
        `Only the month of manufacture is known: ${evidence.month}.`,
        `To be safe we treat it as built on the last day of that month (${lastDayOfMonth(evidence.month)}), so it is eligible from ${from}.`,
        `Brokers commonly accept the whole anniversary month, from ${common} (${COMMON_PRACTICE_LABEL}).`,
        against,
        c.sentence,
        c.reached
          ? `Eligible under the ${years}-year rule.`
          : `Not eligible yet by the safe reading: wait ${dayCount(c.days)}, or find the exact build date on the manufacturer plate or label.`,
      ];
      return {
        ...statusOf(c.reached ? "eligible" : "not_yet", from, c.days),
        ...base,
        commonPracticeFrom: common,
        commonPracticeLabel: COMMON_PRACTICE_LABEL,
        evidence: {
          kind: evidence.kind,
          value: evidence.month,
          note: "Month of manufacture only; the day is treated as the month's last.",
        },
        reasoning,
      };
    }
    case "first_registration": {
      const from = conservativeFromMonth(evidence.month, rules);
      const c = compare(entryDate, from);
      const reasoning = [
        ...intro,
        `Only the first-registration month on the Japanese export certificate is known: ${evidence.month}.`,
        `A truck is built before it is first registered, so it was built on or before the end of that month and is eligible at the latest from ${from}.`,
        against,
        c.sentence,
        c.reached
          ? `Eligible under the ${years}-year rule: the registration month alone proves the age.`
          : "This evidence is not enough yet, but the truck may have been built earlier: find the build date on the manufacturer plate or label (or a first-sale invoice) to know for sure.",
      ];
      return {
        // Never "not_yet": the registration month only bounds the build date from above.
        ...statusOf(c.reached ? "eligible" : "needs_evidence", from, c.days),
        ...base,
        evidence: {
          kind: evidence.kind,
          value: evidence.month,
          note: "First-registration month: an upper bound on the build date, so the answer is conservative.",
        },
        reasoning,
      };
    }
    case "none":
      return {
        ...statusOf("needs_evidence", null, null),
        ...base,
        evidence: { kind: "none", value: null, note: "No date of manufacture or registration given." },
        reasoning: [
          ...intro,
          "No build date, build month or registration month was given.",
          "Find the date of manufacture on the manufacturer plate or label (or the first-registration month on the export certificate) to check eligibility.",
        ],
      };
  }
}

function statusOf(
  status: FmvssStatus,
  eligibleFrom: IsoDate | null,
  days: number | null,
): { status: FmvssStatus; eligibleFrom: IsoDate | null; daysRemaining: number | null } {
  return { status, eligibleFrom, daysRemaining: status === "eligible" ? 0 : days };
}
