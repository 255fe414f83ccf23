// The generation timeline's data: one bar per chassis code from its first to its last build, on a
// shared time axis, with the FMVSS age line (today minus import-rules.json fmvss.minAgeYears) drawn for
// "today". Bars left of the line are old enough to import. Positions are in months since year 0 so a
// renderer only scales them; a bound the catalog knows to the year only is widened to the whole year
// and marked, and an unknown bound stays unknown (no bar is drawn where the catalog has no date).
import type { CatalogEntry, ImportRules } from "../../facts/schemas.js";
import { checkModelEligibility, type ModelStatus } from "../eligibility/model.js";
import { addYears, dateParts, daysInMonth, type IsoDate, type YearMonth } from "../units/dates.js";

export interface TimelineBound {
  /** Months since year 0 of the first (start) or last (end) build month, inclusive. */
  month: number;
  /** The catalog gives the year only: the bound is widened to January (start) or December (end). */
  yearOnly: boolean;
}

export interface TimelineRow {
  id: string;
  chassisCode: string;
  make: string;
  model: string;
  /** Rows with the same group are drawn together under its heading ("Suzuki"). */
  group: string;
  start: TimelineBound | null;
  end: TimelineBound | null;
  inProduction: boolean;
  status: ModelStatus;
  firstCrossingMonth: YearMonth | null;
  lastCrossingMonth: YearMonth | null;
}

export interface Timeline {
  /** The axis runs from 1 January of fromYear to 1 January of toYear. */
  fromYear: number;
  toYear: number;
  /** Years with a tick and grid line. */
  ticks: number[];
  today: IsoDate;
  todayPos: number;
  minAgeYears: number;
  /** Today minus minAgeYears: trucks built up to here are old enough today. */
  cutoff: IsoDate;
  cutoffPos: number;
  rows: TimelineRow[];
}

/** A day as a fractional month position: 2001-09-16 is 16 days into September 2001. */
export function positionOf(d: IsoDate): number {
  const { year, month, day } = dateParts(d);
  return year * 12 + month - 1 + (day - 1) / daysInMonth(year, month);
}

function bound(v: string | null, isEnd: boolean): TimelineBound | null {
  if (v === null) return null;
  const year = Number(v.slice(0, 4));
  if (v.length === 4) return { month: year * 12 + (isEnd ? 11 : 0), yearOnly: true };
  return { month: year * 12 + Number(v.slice(5, 7)) - 1, yearOnly: false };
}

/** The bar's drawn extent in month positions; null when neither end is known. */
export function barExtent(row: TimelineRow, t: Pick<Timeline, "todayPos">) {
  if (row.start === null) return null;
  const to = row.inProduction ? t.todayPos : row.end === null ? null : row.end.month + 1;
  return to === null ? null : { from: row.start.month, to: Math.max(to, row.start.month) };
}

export function buildTimeline(
  entries: readonly CatalogEntry[],
  today: IsoDate,
  rules: ImportRules,
  groupOf: (e: CatalogEntry) => string = (e) => e.make,
): Timeline {
  const minAgeYears = rules.fmvss.minAgeYears;
  const cutoff = addYears(today, -minAgeYears);
  const rows: TimelineRow[] = entries.map((e) => {
    const status = checkModelEligibility(e, today, rules);
    return {
      id: e.id,
      chassisCode: e.chassisCode,
      make: e.make,
      model: e.model,
      group: groupOf(e),
      start: bound(e.productionStart, false),
      // inProduction means there is no last build yet, whatever productionEnd says.
      end: e.inProduction ? null : bound(e.productionEnd, true),
      inProduction: e.inProduction,
      status: status.status,
      firstCrossingMonth: status.firstCrossingMonth,
      lastCrossingMonth: status.lastCrossingMonth,
    };
  });
  const todayYear = dateParts(today).year;
  const years = rows.flatMap((r) => [r.start, r.end].flatMap((b) => (b ? [Math.floor(b.month / 12)] : [])));
  const earliest = Math.min(dateParts(cutoff).year, ...years);
  const latest = Math.max(todayYear, ...years);
  const fromYear = Math.floor(earliest / 5) * 5;
  const toYear = latest + 1;
  const step = toYear - fromYear > 60 ? 10 : 5;
  const ticks: number[] = [];
  for (let y = fromYear; y <= toYear; y += step) ticks.push(y);
  return {
    fromYear,
    toYear,
    ticks,
    today,
    todayPos: positionOf(today),
    minAgeYears,
    cutoff,
    cutoffPos: positionOf(cutoff),
    rows,
  };
}
