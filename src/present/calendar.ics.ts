// The turning-25 calendar as iCalendar (RFC 5545): one all-day event per chassis code whose first (or
// last) trucks turn 25 on that day, so a buyer can subscribe and be reminded.
import type { CrossingMonth } from "../domain/eligibility/model.js";

const escapeText = (s: string) =>
  s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\n/g, "\\n");

/** Lines longer than 75 octets are folded with CRLF + space (RFC 5545 3.1). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const ch of line) {
    if (new TextEncoder().encode(current + ch).length > (parts.length ? 74 : 75)) {
      parts.push(current);
      current = "";
    }
    current += ch;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const compact = (isoDate: string) => isoDate.replace(/-/g, "");

export function turning25Calendar(
  months: CrossingMonth[],
  o: { today: string; make?: string | null; baseUrl?: string },
): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//keiyard//turning-25 calendar//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(`Kei trucks turning 25${o.make ? ` (${o.make})` : ""}`)}`,
  ];
  for (const m of months)
    for (const [kind, codes] of [
      ["first", m.starting],
      ["all", m.completing],
    ] as const)
      for (const c of codes) {
        if (o.make && c.make.toLowerCase() !== o.make.toLowerCase()) continue;
        const what = kind === "first" ? "first trucks turn 25" : "every truck is 25";
        lines.push(
          "BEGIN:VEVENT",
          `UID:${c.chassisCode}-${kind}-${compact(c.date)}@keiyard`,
          `DTSTAMP:${compact(o.today)}T000000Z`,
          `DTSTART;VALUE=DATE:${compact(c.date)}`,
          `SUMMARY:${escapeText(`${c.make} ${c.model} ${c.chassisCode}: ${what}${c.approximate ? " (approximate)" : ""}`)}`,
          `DESCRIPTION:${escapeText(
            `${kind === "first" ? "The earliest" : "The last"} ${c.chassisCode} builds can reach 25 years (FMVSS 25-year rule) on this day at the earliest: a truck built later in its month crosses later${c.approximate ? "; the production date is known to the year only" : ""}. Check a truck's own build date before you buy. Not legal advice.`,
          )}`,
          ...(o.baseUrl ? [`URL:${o.baseUrl}/import?frame=${c.chassisCode}`] : []),
          "END:VEVENT",
        );
      }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}
