import { describe, expect, it } from "vitest";
import type { Io } from "../command.js";
import { runCli } from "../run.js";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), today: "2026-11-24" };
  const code = await runCli(["sheet", ...args], io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("keiyard sheet", () => {
  it("reads a sheet in human text: flags first, marks with where they are, sources", async () => {
    const r = await run(["--score", "3.5", "--interior", "B", "A1 bed rails; S3 rear frame; AC"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 2)).toEqual(["Look closer:", "  ! deep rust S3 on the sheet"]);
    expect(r.stdout).toMatch(/^Score 3\.5: average: .* \(medium confidence\)$/m);
    expect(r.stdout).toMatch(/^ {2}S3 {3}rear frame: rust, size 3 \(medium confidence\)$/m);
    expect(r.stdout).toMatch(/^Equipment: AC \(air conditioning\)$/m);
    expect(r.stdout).toMatch(/^Sources \(reviewed 2026-11-25\):$/m);
  });

  it("prints exactly one JSON document under --json", async () => {
    const r = await run(["XX door", "--json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.marks).toEqual([expect.objectContaining({ raw: "XX", where: "door", size: null })]);
    expect(body.flags).toEqual(["a panel marked XX (replaced) on the sheet"]);
  });

  it.each([
    [[], /give the sheet's codes/],
    [["--interior", "ABC"], /--interior: expected a letter A to E of at most 2 characters/],
    [["--grade", "4"], /unknown option --grade/],
  ])("%j fails with one line and exit 1", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.split("\n")).toHaveLength(1);
  });
});
