// Calendar dates without time zones. "Today" is always an argument; nothing here reads the clock.
export type IsoDate = string & { readonly __brand: "IsoDate" }; // YYYY-MM-DD
export type YearMonth = string & { readonly __brand: "YearMonth" }; // YYYY-MM

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function isIsoDate(s: string): s is IsoDate {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isYearMonth(s: string): s is YearMonth {
  const m = YEAR_MONTH.exec(s);
  return m !== null && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function isoDate(s: string): IsoDate {
  if (!isIsoDate(s)) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${s}`);
  return s;
}

export function yearMonth(s: string): YearMonth {
  if (!isYearMonth(s)) throw new RangeError(`not a month (YYYY-MM): ${s}`);
  return s;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function dateParts(d: IsoDate): DateParts {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

export function monthParts(m: YearMonth): { year: number; month: number } {
  return { year: Number(m.slice(0, 4)), month: Number(m.slice(5, 7)) };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function makeDate(year: number, month: number, day: number): IsoDate {
  return isoDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

export function makeYearMonth(year: number, month: number): YearMonth {
  return yearMonth(`${pad(year, 4)}-${pad(month)}`);
}

export function firstDayOfMonth(m: YearMonth): IsoDate {
  const { year, month } = monthParts(m);
  return makeDate(year, month, 1);
}

export function lastDayOfMonth(m: YearMonth): IsoDate {
  const { year, month } = monthParts(m);
  return makeDate(year, month, daysInMonth(year, month));
}

export function monthOf(d: IsoDate): YearMonth {
  return d.slice(0, 7) as YearMonth;
}

export function addMonths(m: YearMonth, n: number): YearMonth {
  const { year, month } = monthParts(m);
  const idx = year * 12 + (month - 1) + n;
  return makeYearMonth(Math.floor(idx / 12), (idx % 12) + 1);
}

/** The same calendar day `years` later; 29 February becomes 1 March in a non-leap year. */
export function addYears(d: IsoDate, years: number): IsoDate {
  const { year, month, day } = dateParts(d);
  const y = year + years;
  if (month === 2 && day === 29 && !isLeapYear(y)) return makeDate(y, 3, 1);
  return makeDate(y, month, day);
}

/** Days since 1970-01-01 (UTC arithmetic, no time zone involved). */
export function epochDay(d: IsoDate): number {
  const { year, month, day } = dateParts(d);
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function fromEpochDay(n: number): IsoDate {
  return new Date(n * 86_400_000).toISOString().slice(0, 10) as IsoDate;
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromEpochDay(epochDay(d) + n);
}

/** b - a in days (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return epochDay(b) - epochDay(a);
}

/** ISO strings of one format compare correctly as strings. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

/** A wait as people say it: seconds up to two minutes, then minutes (rounded up). */
export function waitText(seconds: number): string {
  if (seconds < 120) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
