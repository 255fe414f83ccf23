// The frame-number decoder: which catalog record does "EBD-DA63T-123456" belong to? It matches a code
// exactly or not at all, because a near miss (S21 vs S211P) is a different truck; near misses come
// back as suggestions beside an "unknown" answer. The serial is an opaque string: no build date is ever
// read from it, since the catalog has no serial ranges to support one.
import type { CatalogEntry } from "../../facts/schemas.js";
import { canonicalizeFrameInput, DIGITS, EMISSIONS_PREFIX, splitByShape } from "./normalize.js";
import { type Drive, describeDrive, describeRecordCaveats, findPrefixHint } from "./notes.js";
import { suggestChassisCodes } from "./suggest.js";

export { type FrameParts, normalizeFrameInput } from "./normalize.js";
export { suggestChassisCodes } from "./suggest.js";

export type DecodeResult =
  | {
      kind: "decoded";
      /** The catalog `framePrefix` that matched, exactly. */
      chassisCode: string;
      /** Digits as written (leading zeros kept), or null when only a code was given. */
      serial: string | null;
      /** An emissions-regulation prefix from registration papers ("GD" of "GD-DA52T"), uninterpreted. */
      emissionsPrefix: string | null;
      /** A quote from the record where it mentions the prefixed form; null otherwise. */
      prefixHint: string | null;
      entry: CatalogEntry;
      drive: Drive | null;
      driveNote: string | null;
      warnings: string[];
    }
  | { kind: "unknown"; input: string; normalized: string; candidateCode: string; suggestions: string[] }
  | { kind: "invalid"; input: string; reason: string };

type CodeMatch =
  | { kind: "match"; code: string; serial: string | null; warnings: string[] }
  | { kind: "bad-serial"; code: string; rest: string }
  | { kind: "none" };

const NO_MATCH: CodeMatch = { kind: "none" };

interface Reading {
  code: string;
  serial: string;
  /** The code ends where the user put a separator (or at the end), so the split is theirs, not ours. */
  endsAtSeparator: boolean;
}

/**
 * Finds a known code at the start of canonical `text` ("DA63T-123456", "DA63T123456", "HA4"), the
 * rest being the serial. Where the user put separators, the code must end at one of them ("DA 63T-1"
 * is fine): in "HA41-23456" they wrote "HA41" as the code, which is unknown, not HA4 with serial
 * 123456. Only text without any separator is split by the catalog alone.
 */
function matchCode(text: string, codes: readonly string[]): CodeMatch {
  const groups = text.split("-");
  const compact = groups.join("");
  const ends = new Set<number>();
  let offset = 0;
  for (const group of groups) {
    offset += group.length;
    ends.add(offset);
  }
  const readings: Reading[] = [];
  for (const code of codes) {
    if (!compact.startsWith(code)) continue;
    const serial = compact.slice(code.length);
    const endsAtSeparator = ends.has(code.length);
    if (serial !== "" && !DIGITS.test(serial)) continue;
    if (!endsAtSeparator && groups.length > 1) continue;
    readings.push({ code, serial, endsAtSeparator });
  }
  readings.sort(
    (a, b) => Number(b.endsAtSeparator) - Number(a.endsAtSeparator) || b.code.length - a.code.length,
  );
  const [best, ...others] = readings;
  if (best) {
    const warnings = others.map((alt) => describeAlternative(compact, best, alt));
    return { kind: "match", code: best.code, serial: best.serial === "" ? null : best.serial, warnings };
  }
  return findBadSerial(compact, groups.length === 1 ? null : ends, codes);
}

function describeAlternative(compact: string, chosen: Reading, alt: Reading): string {
  const altText = alt.serial === "" ? alt.code : `${alt.code} with serial ${alt.serial}`;
  const why =
    chosen.endsAtSeparator && !alt.endsAtSeparator ? "where you put a separator" : "the longest fit";
  return `"${compact}" could also be read as chassis code ${altText}; it was read as ${chosen.code}, ${why}.`;
}

/**
 * A known code followed by something that is not a serial: after a separator ("DA63T-12A456"), or
 * starting with a digit when nothing is separated ("DA63T12A456"). When letters follow the code
 * directly ("DA63TX"), or the user's separators put the code elsewhere, the code itself is unknown.
 * `ends` is null when the text has no separator.
 */
function findBadSerial(
  compact: string,
  ends: ReadonlySet<number> | null,
  codes: readonly string[],
): CodeMatch {
  let found: CodeMatch = NO_MATCH;
  for (const code of codes) {
    const rest = compact.slice(code.length);
    if (!compact.startsWith(code) || rest === "" || DIGITS.test(rest)) continue;
    if (ends ? !ends.has(code.length) : !/^[0-9]/.test(rest)) continue;
    if (found.kind !== "bad-serial" || code.length > found.code.length)
      found = { kind: "bad-serial", code, rest };
  }
  return found;
}

/** The distinct frame prefixes, in catalog order. */
function knownCodes(catalog: readonly CatalogEntry[]): string[] {
  return [...new Set(catalog.map((e) => e.framePrefix))];
}

export function decodeFrameNumber(input: string, catalog: readonly CatalogEntry[]): DecodeResult {
  const read = canonicalizeFrameInput(input);
  if (!read.ok) return { kind: "invalid", input, reason: read.reason };
  const text = read.canonical;
  const codes = knownCodes(catalog);

  // Registration papers write "GD-DA52T": a short group, a hyphen, then a known code.
  const cut = text.indexOf("-");
  const prefix = cut > 0 ? text.slice(0, cut) : "";
  const prefixed = EMISSIONS_PREFIX.test(prefix) ? matchCode(text.slice(cut + 1), codes) : NO_MATCH;
  const plain = matchCode(text, codes);
  if (prefixed.kind === "match") {
    // Only a catalog with codes starting with a digit could read both ways ("A-12"); say so if it does.
    const other =
      plain.kind === "match" ? [`"${text}" could also be read as ${plain.code} without a prefix.`] : [];
    return toDecoded(prefixed, prefix, catalog, other);
  }
  if (plain.kind === "match") return toDecoded(plain, null, catalog, []);

  const bad = prefixed.kind === "bad-serial" ? prefixed : plain;
  if (bad.kind === "bad-serial") {
    const reason = `After the chassis code ${bad.code}, "${bad.rest}" is not a serial number: a serial has digits only.`;
    return { kind: "invalid", input, reason };
  }
  const { code } = splitByShape(text);
  return {
    kind: "unknown",
    input,
    normalized: text,
    candidateCode: code,
    suggestions: suggestChassisCodes(code, catalog),
  };
}

function toDecoded(
  match: Extract<CodeMatch, { kind: "match" }>,
  prefix: string | null,
  catalog: readonly CatalogEntry[],
  extraWarnings: string[],
): DecodeResult {
  const code = match.code;
  const records = catalog.filter((e) => e.framePrefix === code);
  // Today every frame prefix has one record; should a rebadge ever share one, the original is the answer.
  const entry = records.find((e) => e.rebadgeOf === null) ?? records[0]!;
  const shared =
    records.length > 1
      ? [
          `${records.length} catalog records share the frame prefix ${code}: ${records.map((e) => e.id).join(", ")}.`,
        ]
      : [];
  return {
    kind: "decoded",
    chassisCode: code,
    serial: match.serial,
    emissionsPrefix: prefix,
    prefixHint: prefix === null ? null : findPrefixHint(entry, prefix, code),
    entry,
    drive: entry.drive,
    driveNote: describeDrive(entry, code),
    warnings: [...match.warnings, ...extraWarnings, ...shared, ...describeRecordCaveats(entry, code)],
  };
}
