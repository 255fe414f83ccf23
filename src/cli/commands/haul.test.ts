import { describe, expect, it } from "vitest";
import type { Io } from "../command.js";
import { runCli } from "../run.js";

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), today: "2026-11-24" };
  const code = await runCli(["haul", ...args], io);
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("keiyard haul", () => {
  it("plans a face cord of red oak in human text with sources", async () => {
    const r = await run(["--wood", "firewood-red-oak", "--wood-amount", "1", "--wood-unit", "face_cord"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Load: 1048-1176 lb/);
    expect(r.stdout).toMatch(/Payload: exceeds/);
    expect(r.stdout).toMatch(/Trips: 2/);
    expect(r.stdout).toMatch(/extension\.usu\.edu/);
  });

  it("prints exactly one JSON document under --json, with custom items", async () => {
    const r = await run(["--code", "DA71T", "--item", "Generator=120kg", "--item", "Tools=60", "--json"]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout);
    expect(plan.totalKg.min).toBeCloseTo(147.2, 1);
    expect(plan.volume.status).toBe("unknown");
  });

  it.each([
    [["--hay", "hay-2-string"], /--bales: give the number of bales/],
    [["--item", "Generator"], /--item: expected NAME=WEIGHT/],
    [["--bulk", "bulk-lava", "--cubic-yards", "1"], /bulk: unknown material/],
  ])("%j fails with one line and exit 1", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.split("\n")).toHaveLength(1);
  });
});
