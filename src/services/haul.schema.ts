// The haul planner's question as a flat query (a plain GET form, so a plan is a shareable URL): a truck
// code, one row each for firewood, hay, bulk material and sheets, and up to three custom items. The
// schema is built from the fact tables, so a species or bale id the data does not know is a 400 that
// names the field.
import { z } from "zod";
import type { Facts } from "../facts/schemas.js";

export const CUSTOM_ROWS = [1, 2, 3] as const;
export const DEFAULT_HAUL_CODE = "DA16T";

const num = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `expected ${label}` })
    .finite(`expected ${label}`)
    .min(min, `expected at least ${min}`)
    .max(max, `expected at most ${max}`);
const count = (max: number) => num("a whole number", 1, max).int("expected a whole number");
const oneOf = (ids: string[], what: string) =>
  z.string().refine((v) => ids.includes(v), { message: `unknown ${what}` });

export function haulQuerySchema(facts: Facts) {
  const idsOf = (kind: string) => facts.haulLoads.filter((l) => l.kind === kind).map((l) => l.id);
  const codes = facts.catalog.map((e) => e.chassisCode);
  const custom = Object.fromEntries(
    CUSTOM_ROWS.flatMap((n) => [
      [`c${n}name`, z.string().trim().min(1).max(60).optional()],
      [`c${n}weight`, num("a weight", 0.1, 5000).optional()],
      [`c${n}unit`, z.enum(["lb", "kg"]).optional()],
      [`c${n}qty`, count(100).optional()],
      [`c${n}len`, num("a length in inches", 1, 240).optional()],
      [`c${n}wid`, num("a width in inches", 1, 240).optional()],
      [`c${n}hgt`, num("a height in inches", 1, 240).optional()],
    ]),
  ) as Record<string, z.ZodOptional<z.ZodType<string | number>>>;
  return z
    .object({
      code: z
        .string()
        .trim()
        .transform((s) => s.toUpperCase())
        .refine((c) => codes.includes(c), { message: "unknown chassis code" })
        .optional(),
      wood: oneOf(idsOf("firewood"), "firewood species").optional(),
      woodCond: z.enum(["seasoned", "green"]).optional(),
      woodAmt: num("an amount", 0.01, 20).optional(),
      woodUnit: z.enum(["cord", "face_cord"]).optional(),
      hay: oneOf(idsOf("hay_bale"), "bale type").optional(),
      hayN: count(500).optional(),
      bulk: oneOf(idsOf("bulk"), "material").optional(),
      bulkYd: num("cubic yards", 0.01, 50).optional(),
      sheet: oneOf(idsOf("sheet"), "sheet type").optional(),
      sheetN: count(500).optional(),
      height: num("a load height in inches", 4, 80).optional(),
      ...custom,
    })
    .strict();
}
export type HaulQuery = z.infer<ReturnType<typeof haulQuerySchema>>;
