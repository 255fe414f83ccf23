import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_FACTS_DIR, FactsError, loadFacts } from "./load.js";

function copyFacts(): string {
  const dir = mkdtempSync(join(tmpdir(), "keiyard-facts-"));
  cpSync(DEFAULT_FACTS_DIR, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (data: any) => void): void {
  const path = join(dir, file);
  const data = JSON.parse(readFileSync(path, "utf8"));
  change(data);
  writeFileSync(path, JSON.stringify(data));
}

describe("loadFacts", () => {
  it("loads and validates the committed fact files", () => {
    const facts = loadFacts();
    expect(facts.catalog).toHaveLength(76);
    expect(facts.stateRules).toHaveLength(51);
    expect(facts.stateFees).toHaveLength(51);
    expect(facts.importRules.fmvss.minAgeYears).toBe(25);
    expect(Object.isFrozen(facts.catalog[0])).toBe(true);
  });

  it("keeps unknown values as null instead of filling them in", () => {
    const da71t = loadFacts().catalog.find((e) => e.chassisCode === "DA71T");
    expect(da71t?.powerPs).toBeNull();
    expect(da71t?.dimensions.lengthMm).toBeNull();
  });

  it("names the file, record and field of a bad value", () => {
    const dir = copyFacts();
    edit(dir, "kei-catalog.json", (d) => {
      d[10].productionStart = "2001/09";
    });
    expect(() => loadFacts(dir)).toThrowError(FactsError);
    expect(() => loadFacts(dir)).toThrowError(
      /kei-catalog\.json: invalid fact data\n {2}- record 10 \(DA63T\), field productionStart: expected YYYY or YYYY-MM/,
    );
  });

  it("names a state record by its code", () => {
    const dir = copyFacts();
    edit(dir, "state-rules.json", (d) => {
      d[5].status = "maybe";
    });
    expect(() => loadFacts(dir)).toThrowError(/state-rules\.json: [\s\S]*record 5 \(CO\), field status/);
  });

  it("rejects a duplicated chassis code", () => {
    const dir = copyFacts();
    edit(dir, "kei-catalog.json", (d) => {
      d[1].chassisCode = d[0].chassisCode;
    });
    expect(() => loadFacts(dir)).toThrowError(/record 1 \(DA71T\): duplicate chassisCode/);
  });

  it("rejects a source id that the registry does not define", () => {
    const dir = copyFacts();
    edit(dir, "import-rules.json", (d) => {
      d.fmvss.sources.push("no-such-source");
    });
    expect(() => loadFacts(dir)).toThrowError(/source ids not in "sources": no-such-source/);
  });

  it("reports a file that is not JSON", () => {
    const dir = copyFacts();
    writeFileSync(join(dir, "state-fees.json"), "{ nope");
    expect(() => loadFacts(dir)).toThrowError(/state-fees\.json: not valid JSON/);
  });

  it("loads the haul loads with sources, and names a bad haul record by its id", () => {
    const loads = loadFacts().haulLoads;
    expect(loads.find((l) => l.id === "cord")).toMatchObject({ heightFt: 4, lengthFt: 8, depthIn: 48 });
    expect(loads.every((l) => l.sources.length > 0)).toBe(true);
    const dir = copyFacts();
    edit(dir, "haul-loads.json", (d) => {
      const oak = d.find((r: { id: string }) => r.id === "firewood-red-oak");
      oak.lbPerCord.seasoned.min = 9999;
    });
    expect(() => loadFacts(dir)).toThrowError(
      /haul-loads\.json: invalid fact data\n {2}- record \d+ \(firewood-red-oak\), field lbPerCord\.seasoned: expected min <= typical <= max/,
    );
  });

  it("rejects a bed record for a chassis code the catalog does not know", () => {
    const dir = copyFacts();
    edit(dir, "haul-loads.json", (d) => {
      d.find((r: { kind: string }) => r.kind === "bed_side").chassisCodes.push("ZZ99T");
    });
    expect(() => loadFacts(dir)).toThrowError(
      /haul-loads\.json: record \d+ \(bed-carry-da16t\), field chassisCodes: ZZ99T/,
    );
  });
});
