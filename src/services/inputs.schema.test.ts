import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error.js";
import { parseInput } from "./inputs.schema.js";

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
