// What a reader of an auction sheet types in, as a flat query (a plain GET form, so a reading is a
// shareable URL): the overall score, the interior and exterior letters, and the codes and notes.
import { z } from "zod";
import { multiline } from "./inputs.schema.js";

const short = (what: string, max: number) =>
  z
    .string({ error: `expected ${what}, once` })
    .trim()
    .max(max, `expected ${what} of at most ${max} characters`)
    .optional();

export function auctionSheetQuerySchema() {
  return z
    .object({
      score: short("a score such as 3.5, R or ***", 8),
      interior: short("a letter A to E", 2),
      exterior: short("a letter A to E", 2),
      notes: multiline(short("the sheet's codes and notes", 2000)),
    })
    .strict();
}
export type AuctionSheetQuery = z.infer<ReturnType<typeof auctionSheetQuerySchema>>;
