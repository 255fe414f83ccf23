// Eligibility of a whole model (one catalog chassis code) on a date, from its production span in
// kei-catalog.json: are all, some or none of its builds past the FMVSS 25-year rule (import-rules.json
// fmvss.minAgeYears)? A "YYYY" bound is widened to the whole year; a null bound means we don't know, and
// the answer says "unknown" rather than guessing.
import type { CatalogEntry, ImportRules } from "../../facts/schemas.js";
import {
  addMonths,
  addYears,
  firstDayOfMonth,
  type IsoDate,
  isYearMonth,
  lastDayOfMonth,
  makeDate,
  monthOf,
  type YearMonth,
} from "../units/dates.js";

export type ModelStatus = "all" | "some" | "none" | "unknown";

export interface ModelEligibility {
  id: string;
  chassisCode: string;
  entryDate: IsoDate;
  status: ModelStatus;
  /**
   * The day the earliest possible builds (1st of the start month, or 1 January of a start year) turn 25:
   * no truck of the model is eligible before it. null when the start is unknown.
   */
  firstEligible: IsoDate | null;
  /**
   * The day the latest possible builds (last day of the end month, or 31 December of an end year) turn
   * 25, conservatively: every truck of the model is eligible from it. null when in production or unknown.
   */
  lastEligible: IsoDate | null;
  firstCrossingMonth: YearMonth | null;
  lastCrossingMonth: YearMonth | null;
  productionStart: string | null;
  productionEnd: string | null;
  inProduction: boolean;
  message: string;
}

/** "1999-01" -> 1999-01-01; "1985" -> 1985-01-01. */
export function earliestBuild(start: string | null): IsoDate | null {
  if (start === null) return null;
  return isYearMonth(start) ? firstDayOfMonth(start) : makeDate(Number(start), 1, 1);
}

/** "2001-09" -> 2001-09-30; "1990" -> 1990-12-31. */
export function latestBuild(end: string | null): IsoDate | null {
  if (end === null) return null;
  return isYearMonth(end) ? lastDayOfMonth(end) : makeDate(Number(end), 12, 31);
}

/** The last possible build crosses on its anniversary (the month-only rule gives the same date). */
function lastCrossing(late: IsoDate, years: number): IsoDate {
  return addYears(late, years);
}

export interface CrossingDates {
  firstEligible: IsoDate | null;
  lastEligible: IsoDate | null;
  /** The production start or end is a year only, so the crossing month is the widest guess. */
  startIsYearOnly: boolean;
  endIsYearOnly: boolean;
}

/** When a model's builds cross the FMVSS age, independent of any entry date. */
export function crossingDates(entry: CatalogEntry, rules: ImportRules): CrossingDates {
  const years = rules.fmvss.minAgeYears;
  const early = earliestBuild(entry.productionStart);
  // inProduction means there is no last build yet, whatever productionEnd says.
  const late = entry.inProduction ? null : latestBuild(entry.productionEnd);
  return {
    firstEligible: early && addYears(early, years),
    lastEligible: late && lastCrossing(late, years),
    startIsYearOnly: entry.productionStart !== null && !isYearMonth(entry.productionStart),
    endIsYearOnly: entry.productionEnd !== null && !isYearMonth(entry.productionEnd),
  };
}

function span(entry: CatalogEntry): string {
  const start = entry.productionStart ?? "(start unknown)";
  if (entry.inProduction) return `built since ${start}, still in production`;
  return `built ${start} to ${entry.productionEnd ?? "(end unknown)"}`;
}

export function checkModelEligibility(
  entry: CatalogEntry,
  entryDate: IsoDate,
  rules: ImportRules,
): ModelEligibility {
  const c = crossingDates(entry, rules);
  const { firstEligible, lastEligible } = c;
  const name = `${entry.make} ${entry.model} ${entry.chassisCode}`;
  const built = span(entry);
  let status: ModelStatus;
  let message: string;
  if (lastEligible !== null && entryDate >= lastEligible) {
    status = "all";
    message = `Every ${name} (${built}) is ${rules.fmvss.minAgeYears} years old on ${entryDate}: even the last builds crossed on ${lastEligible}.`;
  } else if (firstEligible !== null && entryDate < firstEligible) {
    status = "none";
    message = `No ${name} (${built}) is ${rules.fmvss.minAgeYears} years old on ${entryDate}: the earliest builds cross on ${firstEligible}.`;
  } else if (firstEligible !== null && (lastEligible !== null || entry.inProduction)) {
    status = "some";
    const last = lastEligible ? `; all of them from ${lastEligible}` : "; it is still in production";
    message = `Some ${name} (${built}) are eligible on ${entryDate}: the earliest from ${firstEligible}${last}. Check this truck's own build month on the manufacturer plate or label.`;
  } else {
    status = "unknown";
    message = `The production dates of the ${name} are not fully known (${built}), so whether it is ${rules.fmvss.minAgeYears} years old on ${entryDate} depends on this truck's own build date: check the manufacturer plate or label.`;
  }
  return {
    id: entry.id,
    chassisCode: entry.chassisCode,
    entryDate,
    status,
    firstEligible,
    lastEligible,
    firstCrossingMonth: firstEligible && monthOf(firstEligible),
    lastCrossingMonth: lastEligible && monthOf(lastEligible),
    productionStart: entry.productionStart,
    productionEnd: entry.productionEnd,
    inProduction: entry.inProduction,
    message,
  };
}

export interface CrossingCode {
  id: string;
  chassisCode: string;
  make: string;
  model: string;
  /** firstEligible for `starting`, lastEligible for `completing`. */
  date: IsoDate;
  /** The production bound is a year only, so the month is the earliest (start) or latest (end) guess. */
  approximate: boolean;
}

export interface CrossingMonth {
  month: YearMonth;
  /** Codes whose earliest builds turn 25 this month. */
  starting: CrossingCode[];
  /** Codes whose last builds turn 25 this month: from then on every one is eligible. */
  completing: CrossingCode[];
}

/** For the turning-25 calendar: one row per month from `fromMonth`, `months` rows, empty months included. */
export function codesCrossingIn(
  catalog: readonly CatalogEntry[],
  fromMonth: YearMonth,
  months: number,
  rules: ImportRules,
): CrossingMonth[] {
  if (!Number.isInteger(months) || months < 0)
    throw new RangeError(`months must be a whole number >= 0: ${months}`);
  const rows: CrossingMonth[] = Array.from({ length: months }, (_, i) => ({
    month: addMonths(fromMonth, i),
    starting: [],
    completing: [],
  }));
  const byMonth = new Map(rows.map((r) => [r.month as string, r]));
  for (const entry of catalog) {
    const c = crossingDates(entry, rules);
    const code = (date: IsoDate, approximate: boolean): CrossingCode => ({
      id: entry.id,
      chassisCode: entry.chassisCode,
      make: entry.make,
      model: entry.model,
      date,
      approximate,
    });
    if (c.firstEligible)
      byMonth.get(monthOf(c.firstEligible))?.starting.push(code(c.firstEligible, c.startIsYearOnly));
    if (c.lastEligible)
      byMonth.get(monthOf(c.lastEligible))?.completing.push(code(c.lastEligible, c.endIsYearOnly));
  }
  return rows;
}
