// auction-sheet.json: what the marks on a Japanese auction sheet mean (scores, letters, damage codes,
// equipment codes, inspector phrases), each record with the ids of its sources and a confidence.
import { z } from "zod";
import { FactsError } from "./errors.js";
import { confidenceSchema, isoDaySchema, linkSourceSchema } from "./schemas.js";

const sourceIds = z.array(z.string().min(1)).min(1);
const sourced = { sources: sourceIds, confidence: confidenceSchema };
const upperCode = z.string().regex(/^[A-Z]{1,2}$/, "expected one or two upper-case letters");

export const auctionSheetSchema = z.object({
  meta: z.object({
    schemaVersion: z.literal(1),
    reviewedOn: isoDaySchema,
    about: z.string().min(1),
    use: z.string().min(1),
  }),
  sources: z.record(z.string().regex(/^[a-z0-9-]+$/, "expected a lower-case id"), linkSourceSchema),
  /** What a damage code's digit means, and how houses differ. */
  sizes: z.object({ text: z.string().min(1), ...sourced }),
  truckScale: z.object({ text: z.string().min(1), ...sourced }),
  scores: z.array(
    z.object({
      grades: z
        .array(z.string().regex(/^(\d(\.5)?|[A-Z]{1,2}\d?|\*{3})$/, "expected a score as sheets write it"))
        .min(1),
      meaning: z.string().min(1),
      /** 修復歴: the score says the structure was repaired. */
      repairHistory: z.boolean(),
      ...sourced,
    }),
  ),
  letters: z.array(
    z.object({
      letter: z.string().regex(/^[A-E]$/, "expected A to E"),
      meaning: z.string().min(1),
      ...sourced,
    }),
  ),
  marks: z.array(
    z.object({
      code: upperCode,
      meaning: z.string().min(1),
      /** Written with a size digit (A1, U2); else alone (X, XX). */
      sized: z.boolean(),
      ...sourced,
    }),
  ),
  equipment: z.array(
    z.object({ codes: z.array(z.string().min(1)).min(1), meaning: z.string().min(1), ...sourced }),
  ),
  phrases: z.array(
    z.object({ texts: z.array(z.string().min(1)).min(1), meaning: z.string().min(1), ...sourced }),
  ),
});

export type AuctionSheetFacts = z.infer<typeof auctionSheetSchema>;

/** Source ids that name a source, and each score, letter, code and spelling listed once. */
export function checkAuctionSheet(sheet: AuctionSheetFacts): void {
  const file = "auction-sheet.json";
  const records: [string, { sources: readonly string[] }[]][] = [
    ["sizes", [sheet.sizes]],
    ["truckScale", [sheet.truckScale]],
    ["scores", sheet.scores],
    ["letters", sheet.letters],
    ["marks", sheet.marks],
    ["equipment", sheet.equipment],
    ["phrases", sheet.phrases],
  ];
  for (const [list, items] of records)
    for (const [i, item] of items.entries())
      for (const id of item.sources)
        if (!(id in sheet.sources))
          throw new FactsError(`${file}: ${list} record ${i}, field sources: "${id}" is not in "sources"`);
  const keyed: [string, string[]][] = [
    ["scores", sheet.scores.flatMap((s) => s.grades)],
    ["letters", sheet.letters.map((l) => l.letter)],
    ["marks", sheet.marks.map((m) => m.code)],
    ["equipment", sheet.equipment.flatMap((e) => e.codes)],
    ["phrases", sheet.phrases.flatMap((p) => p.texts)],
  ];
  for (const [list, values] of keyed) {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) throw new FactsError(`${file}: ${list}: "${v}" is listed twice`);
      seen.add(v);
    }
  }
}
