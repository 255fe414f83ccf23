import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error.js";
import { costInputSchema, parseInput, usdAmount } from "./inputs.schema.js";

describe("parseInput", () => {
  const schema = z.object({ name: z.string(), items: z.array(z.object({ note: z.string() })).optional() });

  it("refuses a NUL character anywhere in the input, naming where it is", () => {
    for (const [value, field] of [
      [{ name: "a\u0000b" }, "name"],
      [{ name: "ok", items: [{ note: "fine" }, { note: "\u0000" }] }, "items.1.note"],
    ] as const) {
      let error: unknown;
      try {
        parseInput(schema, value);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).field).toBe(field);
      expect((error as AppError).message).toBe(`${field}: text may not contain a NUL character`);
    }
  });

  it("lets other control characters through to the schema", () => {
    expect(parseInput(schema, { name: "tab\there" })).toEqual({ name: "tab\there" });
  });
});

describe("amounts as people type them", () => {
  it("takes thousands separators and a currency sign, and nothing that only looks like them", () => {
    const cost = (priceJpy: string) => costInputSchema.safeParse({ priceJpy, fx: "150" });
    for (const typed of ["400,000", "400000", " ¥400,000 ", "400 000", "400_000", "￥400,000"])
      expect(cost(typed).data?.priceJpy, typed).toBe(400_000);
    expect(usdAmount(100_000).parse("$6,500")).toBe(6500);
    expect(usdAmount(100_000).parse("1,250.50")).toBe(1250.5);
    for (const odd of ["1,2345", "4,00", "1,5", "$", "400,000,"]) expect(cost(odd).success, odd).toBe(false);
  });
});
