// Reading a typed or pasted frame number into one canonical text, before any catalog is consulted.
// People copy frame numbers from Japanese papers, auction sheets and phone keyboards, so width, case,
// spacing and the many dash look-alikes must not change the answer; only letters, digits and the
// position of separators carry meaning.

/** Longer raw input is refused before any Unicode work, so a pasted page costs nothing. */
export const MAX_RAW_LENGTH = 200;
/** "EBD-DA63T-1234567" is 17 characters; twice that leaves room and still refuses a paragraph. */
export const MAX_CANONICAL_LENGTH = 32;
/** Emissions-regulation prefixes seen on papers are one to three characters (V-, GD-, EBD-, 3BD-). */
export const EMISSIONS_PREFIX = /^[A-Z0-9]{1,3}$/;
export const DIGITS = /^[0-9]+$/;

// Hyphen look-alikes: ASCII, soft hyphen (invisible in pasted text), U+2010..U+2015 dashes, minus
// sign, katakana long-vowel marks (typed by Japanese IMEs as a dash), small and full-width
// hyphen-minus. Whitespace separates just like a hyphen.
const SEPARATORS = /[\s\u002D\u00AD\u2010-\u2015\u2212\u30FC\uFF70\uFE58\uFE63\uFF0D]+/g;

export type Canonical = { ok: true; canonical: string } | { ok: false; reason: string };

/**
 * Upper-case ASCII letters and digits with single "-" separators and none at the ends,
 * e.g. " ｇｄ－ＤＡ５２Ｔ " -> "GD-DA52T". Every separator variant becomes "-".
 */
export function canonicalizeFrameInput(input: string): Canonical {
  if (input.length > MAX_RAW_LENGTH) return { ok: false, reason: tooLong() };
  const canonical = input.normalize("NFKC").toUpperCase().replace(SEPARATORS, "-").replace(/^-|-$/g, "");
  if (canonical === "") return { ok: false, reason: "The frame number is empty." };
  const bad = /[^A-Z0-9-]/u.exec(canonical);
  if (bad) {
    return {
      ok: false,
      reason: `The frame number contains ${JSON.stringify(bad[0])}; only letters, digits, spaces and hyphens can appear in one.`,
    };
  }
  if (canonical.length > MAX_CANONICAL_LENGTH) return { ok: false, reason: tooLong() };
  if (DIGITS.test(canonical.replaceAll("-", ""))) {
    return {
      ok: false,
      reason: "The frame number has no chassis code: it should start with one, such as DA63T or HA4.",
    };
  }
  return { ok: true, canonical };
}

function tooLong(): string {
  return `The frame number is too long: expected a chassis code and serial such as DA63T-123456 (at most ${MAX_CANONICAL_LENGTH} characters).`;
}

export interface FrameParts {
  emissionsPrefix: string | null;
  code: string;
  serial: string | null;
}

/**
 * The parts of a frame number by shape alone, without a catalog: trailing digit-only groups are the
 * serial, a short group before a hyphen is the emissions prefix, and the rest is the code.
 * Without the catalog an unseparated serial cannot be split off ("HA4123456" could be HA4 + 123456
 * or an unknown HA41 + 23456), so it stays in `code`; decodeFrameNumber resolves that. Null when the
 * input cannot be a frame number at all (empty, too long, stray characters, digits only).
 */
export function normalizeFrameInput(input: string): FrameParts | null {
  const read = canonicalizeFrameInput(input);
  return read.ok ? splitByShape(read.canonical) : null;
}

export function splitByShape(canonical: string): FrameParts {
  const groups = canonical.split("-");
  let serialStart = groups.length;
  // The first group is never the serial: a frame number starts with its code.
  while (serialStart > 1 && DIGITS.test(groups[serialStart - 1]!)) serialStart--;
  const serial = serialStart < groups.length ? groups.slice(serialStart).join("") : null;
  const head = groups.slice(0, serialStart);
  const hasPrefix = head.length > 1 && EMISSIONS_PREFIX.test(head[0]!);
  return {
    emissionsPrefix: hasPrefix ? head[0]! : null,
    code: head.slice(hasPrefix ? 1 : 0).join(""),
    serial,
  };
}
