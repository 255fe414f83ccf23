// The faces (CLI, HTTP) read the clock here and pass "today" into the domain as an argument.
import type { IsoDate } from "../domain/units/dates.js";

/** Today's date in UTC. US entry dates are calendar dates; UTC keeps the answer the same on every server. */
export function todayUtc(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10) as IsoDate;
}
