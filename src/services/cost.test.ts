import { describe, expect, it } from "vitest";
import { keiyardJson } from "../../test/cli.js";
import type { IsoDate } from "../domain/units/dates.js";
import { loadFacts } from "../facts/load.js";
import { AppError } from "./app-error.js";
import { costFor } from "./cost.js";
import { costInputSchema, parseInput } from "./inputs.schema.js";

const facts = loadFacts();
const today = "2026-11-24" as IsoDate;
const cost = (q: Record<string, string>) => costFor(facts, parseInput(costInputSchema, q), today);

describe("landed cost inputs every face shares", () => {
  it("a customs bond quote becomes a line instead of a not-included item", () => {
    const without = cost({ priceJpy: "400000", fx: "150" });
    const withBond = cost({ priceJpy: "400000", fx: "150", customsBondUsd: "65" });
    expect(without.notIncluded.map((n) => n.id)).toContain("us:customs-bond");
    expect(withBond.notIncluded.map((n) => n.id)).not.toContain("us:customs-bond");
    expect(withBond.lines.find((l) => l.id === "us:customs-bond")?.usd).toBe(65);
    expect(withBond.totalUsd).toBeCloseTo(without.totalUsd + 65, 2);
  });

  it("the date of the user's rate is shown with it", () => {
    const undated = cost({ priceJpy: "400000", fx: "150" });
    const dated = cost({ priceJpy: "400000", fx: "150", fxDate: "2026-11-20" });
    expect(undated.fx.date).toBeNull();
    expect(undated.warnings.join(" ")).toMatch(/No date given for the exchange rate/);
    expect(dated.fx.date).toBe("2026-11-20");
    expect(dated.warnings.join(" ")).not.toMatch(/No date given/);
  });

  it("a rate's date without the rate is a clear error, even where a default rate exists", () => {
    const fieldOf = (f: typeof facts) => {
      try {
        costFor(f, parseInput(costInputSchema, { priceJpy: "400000", fxDate: "2026-11-20" }), today);
      } catch (e) {
        return e instanceof AppError ? e.field : "not an AppError";
      }
      return "no error";
    };
    expect(fieldOf(facts)).toBe(facts.fxDefault ? "fxDate" : "fx");
    const fxDefault = {
      jpyPerUsd: 150,
      date: "2026-10-01",
      kind: "test rate",
      source: { title: "test", url: "https://example.com/rate" },
      confidence: "low" as const,
      note: "",
    };
    expect(fieldOf({ ...facts, fxDefault })).toBe("fxDate");
  });

  it("the command line takes them as --customs-bond-usd and --fx-date", () => {
    const { code, body } = keiyardJson<{ fx: { date: string }; lines: { id: string }[] }>([
      "cost",
      "--price-jpy",
      "400000",
      "--fx",
      "150",
      "--fx-date",
      "2026-11-20",
      "--customs-bond-usd",
      "65",
    ]);
    expect(code).toBe(0);
    expect(body.fx.date).toBe("2026-11-20");
    expect(body.lines.map((l) => l.id)).toContain("us:customs-bond");
  });
});
