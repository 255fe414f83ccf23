// The real binary, end to end: exit codes, one JSON document under --json, one-line errors.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { keiyard, keiyardJson } from "../../test/cli.js";

describe("keiyard (the binary)", () => {
  it("prints help listing every command", () => {
    const r = keiyard(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["serve", "decode", "eligibility", "legal", "cost"]) expect(r.stdout).toContain(c);
  });

  it("lists each command with the summary its own --help gives", async () => {
    const { COMMANDS } = await import("./run.js");
    for (const entry of COMMANDS) expect((await entry.load()).summary).toBe(entry.summary);
  });

  it("prints its version, the one in package.json", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    for (const flag of ["--version", "-v"]) {
      const r = keiyard([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(`keiyard ${pkg.version}`);
    }
  });

  it("rejects an unknown command with one line and exit 1", () => {
    const r = keiyard(["frobnicate"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it.each([
    [["legal", "--bogus"], /^keiyard legal: unknown option --bogus \(--help lists the options\)$/m],
    [["legal"], /give one state code/],
    [["legal", "TX", "--on", "2026-02-30"], /^keiyard legal: --on: expected a calendar date/m],
    [
      ["haul", "--wood", "firewood-red-oak", "--wood-amount", "1e9"],
      /^keiyard haul: --wood-amount: expected at most 20$/m,
    ],
    [["haul", "--item", "Generator=99999kg"], /^keiyard haul: --item: expected at most 5000$/m],
    [["admin"], /^keiyard admin: give one of grant, revoke or confirm \(keiyard admin --help\)$/m],
    [["db"], /^keiyard db: give one of migrate, backup or restore \(keiyard db --help\)$/m],
    [
      ["cost", "--price-jpy", "abc", "--fx", "150"],
      /keiyard cost: --price-jpy: expected the price in whole yen/,
    ],
    [
      ["cost", "--price-jpy=abc", "--fx", "150"],
      /keiyard cost: --price-jpy: expected the price in whole yen/,
    ],
    [["cost", "--price-jpy", "400000"], /^keiyard cost: --fx: give the exchange rate/m],
    [["cost", "--fx", "150", "--to", "TX"], /^keiyard cost: --price-jpy: expected the price in whole yen/m],
    [
      ["eligibility", "--built", "1999-06", "--class", "foo"],
      /^keiyard eligibility: --class: Invalid option/m,
    ],
    [
      ["eligibility"],
      /^keiyard eligibility: --built: give a frame number, a build month \(--built\) or a first-registration month \(--first-registered\)$/m,
    ],
    [
      ["lots", "docs/examples/lots.csv", "--arrival", "2027-01-15", "--to"],
      /^keiyard lots: --to: give it a value/m,
    ],
    [
      ["lots", "docs/examples/lots.csv", "--to", "TX", "--arrival", "2027-01-15", "--fx", "abc"],
      /^keiyard lots: --fx: expected JPY per USD, e.g. 150$/m,
    ],
    [["cost", "--price-jpy", "400000", "--fx", "150", "--built", "1999-13"], /built: expected a build year/],
    // The engine's own checks, named as the options too.
    [
      ["cost", "--price-jpy", "400000", "--fx", "150", "--to", "ZZ"],
      /^keiyard cost: --to: "ZZ" is not a US state or DC code$/m,
    ],
    [
      ["cost", "--price-jpy", "400000", "--fx", "150", "--entry", "2026-12-15", "--built", "2027"],
      /^keiyard cost: --built: must be a year from 1900 to 2026$/m,
    ],
    [
      ["cost", "--price-jpy", "-400000", "--fx", "150"],
      /--price-jpy: a value starting with "-" must be written --price-jpy=VALUE/,
    ],
  ])("keiyard %j fails with one line and no stack trace", (args, message) => {
    const r = keiyard(args as string[]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});

describe("keiyard legal", () => {
  it("answers one state as JSON, case-insensitively", () => {
    const { code, body } = keiyardJson(["legal", "co", "--on", "2028-01-01"]);
    expect(code).toBe(0);
    expect(body).toMatchObject({
      code: "CO",
      status: "restricted",
      maxRoadSpeedMph: 55,
      lastReviewed: "2026-11-24",
    });
    for (const k of ["name", "requirements", "statute", "summary", "sources", "confidence"])
      expect(body).toHaveProperty(k);
  });

  it("--all gives an array of 51", () => {
    const { code, body } = keiyardJson<unknown[]>(["legal", "--all"]);
    expect(code).toBe(0);
    expect(body).toHaveLength(51);
  });

  it("an unknown state is a JSON error and exit 1", () => {
    const { code, body } = keiyardJson(["legal", "zz"]);
    expect(code).toBe(1);
    expect(body).toEqual({ error: expect.objectContaining({ code: "unknown_state" }) });
  });

  it("prints a readable answer with the disclaimer", () => {
    const r = keiyard(["legal", "TX", "--on", "2026-11-24"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Texas \(TX\) on 2026-11-24: /);
    expect(r.stdout).toMatch(/Not legal advice/);
  });
});

describe("keiyard cost", () => {
  it("prices an import with the documented JSON shape", () => {
    const { code, body } = keiyardJson<Record<string, unknown> & { lines: { usd: number }[] }>([
      "cost",
      "--price-jpy",
      "400000",
      "--fx",
      "150",
      "--entry",
      "2026-12-15",
      "--built",
      "1999-05",
      "--to",
      "TX",
    ]);
    expect(code).toBe(0);
    expect(body).toMatchObject({ customsValueUsd: 2666.67, dutyUsd: 666.67, mpfUsd: 33.58, hmfUsd: 3.33 });
    expect(body.federalChargesUsd).toBe(703.58);
    const sum = body.lines.reduce((a, l) => a + Math.round(l.usd * 100), 0);
    expect(Math.round((body.totalUsd as number) * 100)).toBe(sum);
    for (const l of body.lines)
      expect(l).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          estimate: expect.any(Boolean),
          source: expect.any(Array),
        }),
      );
  });

  it("keeps freight out of the customs value", () => {
    const base = ["cost", "--price-jpy", "750000", "--fx", "150", "--entry", "2026-12-15"];
    const without = keiyardJson<{ customsValueUsd: number; dutyUsd: number; totalUsd: number }>(base).body;
    const withFreight = keiyardJson<{ customsValueUsd: number; dutyUsd: number; totalUsd: number }>([
      ...base,
      "--freight-usd",
      "1400",
    ]).body;
    expect(withFreight.customsValueUsd).toBe(without.customsValueUsd);
    expect(withFreight.dutyUsd).toBe(without.dutyUsd);
    expect(withFreight.totalUsd).toBeCloseTo(without.totalUsd + 1400, 2);
  });

  it("lists what is left out under one heading, each with its typical range and no repeated reason", () => {
    const r = keiyard([
      "cost",
      "--price-jpy",
      "400000",
      "--fx",
      "150",
      "--entry",
      "2026-12-15",
      "--to",
      "TX",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Not included (enter your quotes to add them):");
    expect(r.stdout).toMatch(/^ {2}- Ocean freight, Japan to US port: typical \$[\d,.]+-\$[\d,.]+$/m);
    expect(r.stdout).toMatch(/^ {2}- Delivery from the port$/m);
    expect(r.stdout).not.toContain("not included: enter your quote");
  });
});

describe("keiyard decode", () => {
  it("decodes the README's example", () => {
    const { code, body } = keiyardJson(["decode", "HA4-2123456"]);
    expect(code).toBe(0);
    expect(body).toMatchObject({ chassisCode: "HA4", serial: "2123456", make: "Honda", drive: "4WD" });
  });

  it("accepts an unquoted space-separated frame number", () => {
    expect(keiyardJson(["decode", "da63t", "123456"]).body).toMatchObject({
      chassisCode: "DA63T",
      serial: "123456",
    });
  });

  it("an unknown code exits 1 with the documented error", () => {
    const { code, body, stderr } = keiyardJson<{ error: { code: string; suggestions: string[] } }>([
      "decode",
      "S21-123",
    ]);
    expect(code).toBe(1);
    expect(body.error.code).toBe("unknown_chassis_code");
    expect(body.error.suggestions).toContain("S211P");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("keiyard eligibility", () => {
  it("answers for a build month with the documented JSON shape", () => {
    const { code, body } = keiyardJson<Record<string, any>>([
      "eligibility",
      "--built",
      "2001-09",
      "--on",
      "2026-12-15",
    ]);
    expect(code).toBe(0);
    expect(body.verdict).toBe("importable");
    expect(Object.keys(body.fmvss)).toEqual(
      expect.arrayContaining(["status", "eligibleFrom", "commonPracticeFrom", "daysRemaining", "evidence"]),
    );
    expect(body.epa).toHaveProperty("codeE", true);
    expect(body.section232).toHaveProperty("ageExcluded", true);
    expect(body).toHaveProperty("warnings");
    expect(body).toHaveProperty("sources");
  });

  it("for a frame number adds the model status", () => {
    const { body } = keiyardJson<Record<string, any>>(["eligibility", "DA52T-123456", "--on", "2025-06-01"]);
    expect(body.model).toMatchObject({
      status: "some",
      firstEligible: "2024-01-01",
      lastEligible: "2026-09-30",
    });
    expect(body.verdict).toBe("needs_evidence");
  });

  it("a registration month proxy says needs_evidence, not not_importable", () => {
    const { body } = keiyardJson<Record<string, any>>([
      "eligibility",
      "--first-registered",
      "2002-03",
      "--on",
      "2026-12-15",
    ]);
    expect(body.verdict).toBe("needs_evidence");
  });

  it("prints the reasoning step by step", () => {
    const r = keiyard(["eligibility", "--built", "2001-12-31", "--on", "2026-12-30"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^May not be imported yet \(entry on 2026-12-30\)/);
    expect(r.stdout).toMatch(/Not legal advice/);
  });
});
