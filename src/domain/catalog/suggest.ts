// "Did you mean" for a code the catalog does not know. Suggestions are only ever offered next to an
// "unknown" answer, never used to decode: a near miss is a different truck until the user says so.
import type { CatalogEntry } from "../../facts/schemas.js";
import { DIGITS, MAX_CANONICAL_LENGTH, MAX_RAW_LENGTH } from "./normalize.js";

export const MAX_SUGGESTIONS = 5;

/** Edit distance (insertions, deletions, substitutions), two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Distance from what was typed to a known code. A code typed together with its serial
 * ("DA64T123456") is also compared with just the code-length head, since the digits that follow
 * are most likely the serial.
 */
function distanceTo(typed: string, code: string): number {
  const whole = editDistance(typed, code);
  const rest = typed.slice(code.length);
  if (rest === "" || !DIGITS.test(rest)) return whole;
  return Math.min(whole, editDistance(typed.slice(0, code.length), code));
}

/**
 * Up to `max` other catalog codes close to `code` (an exact match is not a suggestion): within edit distance 1 for one- or two-character input
 * and 2 otherwise, or starting with what was typed. Closest first, then the longest shared start,
 * then alphabetical, so the list is stable.
 */
export function suggestChassisCodes(
  code: string,
  catalog: readonly CatalogEntry[],
  max: number = MAX_SUGGESTIONS,
): string[] {
  // Nothing longer than a frame number can be near a code; the cap also bounds the quadratic distance.
  if (code.length > MAX_RAW_LENGTH || max <= 0) return [];
  const typed = code
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  if (typed === "" || typed.length > MAX_CANONICAL_LENGTH) return [];
  const limit = typed.length <= 2 ? 1 : 2;
  const scored = new Map<string, { distance: number; shared: number }>();
  for (const entry of catalog) {
    const known = entry.framePrefix;
    if (known === typed || scored.has(known)) continue;
    const distance = distanceTo(typed, known);
    const extends_ = typed.length >= 2 && known.startsWith(typed);
    if (distance > limit && !extends_) continue;
    scored.set(known, { distance, shared: commonPrefixLength(typed, known) });
  }
  return [...scored.entries()]
    .sort(([a, x], [b, y]) => x.distance - y.distance || y.shared - x.shared || (a < b ? -1 : 1))
    .slice(0, Math.floor(max))
    .map(([known]) => known);
}
