// What a decoded frame number can honestly say beyond the code: the catalog record's own caveats,
// and the emissions prefix only where the record itself mentions it. Nothing here reads a date or
// a meaning into the serial or the prefix; the catalog has no table for either.
import type { CatalogEntry } from "../../facts/schemas.js";

export type Drive = "2WD" | "4WD" | "both";

export function describeDrive(entry: CatalogEntry, code: string): string | null {
  const check = "check the truck itself or its registration papers";
  if (entry.drive === "both")
    return `${code} was built as both 2WD and 4WD, and the frame number cannot tell them apart: ${check}.`;
  if (entry.drive === null) return `The catalog does not know whether ${code} is 2WD or 4WD: ${check}.`;
  if (entry.unverifiedFields.includes("drive"))
    return `The catalog lists ${code} as ${entry.drive} but has not verified it: ${check}.`;
  return null;
}

// Field names of the catalog as a reader would say them; an unlisted field is shown by its name.
const FIELD_LABELS: Readonly<Record<string, string>> = {
  productionStart: "production start",
  productionEnd: "production end",
  displacementCc: "displacement",
  engineCodes: "engine codes",
  transmissions: "transmissions",
};

/** Caveats of the record itself, most serious first. */
export function describeRecordCaveats(entry: CatalogEntry, code: string): string[] {
  const out: string[] = [];
  if (entry.unverifiedFields.includes("chassisCode"))
    out.push(`The catalog has not verified that ${code} is the chassis code used on these trucks.`);
  if (entry.confidence === "low")
    out.push(`The catalog's confidence in its ${code} record is low: details may be wrong or missing.`);
  if (entry.confidence === "medium")
    out.push(`The catalog's confidence in its ${code} record is medium: check details that matter to you.`);
  if (entry.rebadgeOf !== null)
    out.push(`The ${entry.make} ${entry.model} ${code} is a rebadge of the ${entry.rebadgeOf}.`);
  // chassisCode and drive have their own wording above and in describeDrive.
  const others = entry.unverifiedFields.filter((f) => f !== "chassisCode" && f !== "drive");
  if (others.length > 0)
    out.push(
      `Not verified in the catalog for ${code}: ${others.map((f) => FIELD_LABELS[f] ?? f).join(", ")}.`,
    );
  return out;
}

const HYPHENS = "\\-\\u2010-\\u2015\\u2212\\u30FC\\uFF70\\uFF0D";

/**
 * A one-sentence hint quoting where the record mentions the exact prefixed form ("GD-DA52T"): its
 * notes first, then its features, then its sources' titles. Null when it is not mentioned, because
 * the catalog has no table of what each prefix means.
 */
export function findPrefixHint(entry: CatalogEntry, prefix: string, code: string): string | null {
  // prefix and code are upper-case letters and digits only, so they are safe inside a pattern.
  const form = new RegExp(`(?<![A-Za-z0-9])${prefix}[${HYPHENS}]${code}(?![A-Za-z0-9])`, "u");
  const written = `${prefix}-${code}`;
  const sentence = entry.notes === null ? undefined : sentencesOf(entry.notes).find((s) => form.test(s));
  if (sentence !== undefined) return `The catalog's notes on ${code} mention ${written}: "${sentence}"`;
  const feature = entry.features.find((f) => form.test(f));
  if (feature !== undefined) return `The catalog lists for ${code}: "${feature}" (mentions ${written}).`;
  const source = entry.sources.find((s) => form.test(s.title));
  if (source !== undefined)
    return `A source for ${code} mentions ${written} in its title: "${source.title}".`;
  return null;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?。])\s+/u).filter((s) => s !== "");
}
