// What the model comparison may ask: 2 to 4 chassis codes, as repeated `codes` fields of a GET form
// (`?codes=DA16T&codes=HA8`, empty ones ignored) or one comma-separated list (`?codes=DA16T,HA8,S500P`).
// Whether each code is in the catalog is checked against the facts in services/catalog.ts.
import { z } from "zod";

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

const codeList = z.preprocess(
  (v) =>
    (Array.isArray(v) ? v : v === undefined ? [] : [v])
      .flatMap((s) => String(s).split(/[\s,]+/))
      .map((s) => s.trim().toUpperCase())
      .filter((s) => s !== ""),
  z
    .array(z.string().regex(/^[A-Z0-9]{1,12}$/, "a chassis code is letters and digits, such as DA16T"))
    .min(MIN_COMPARE, `pick ${MIN_COMPARE} to ${MAX_COMPARE} chassis codes to compare`)
    .max(MAX_COMPARE, `compare at most ${MAX_COMPARE} chassis codes at a time`)
    .refine((codes) => new Set(codes).size === codes.length, "each chassis code once, please"),
);

export const compareQuerySchema = z.object({ codes: codeList }).strict();
export type CompareQuery = z.infer<typeof compareQuerySchema>;
