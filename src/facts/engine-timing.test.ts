import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_FACTS_DIR, loadFacts } from "./load.js";

function withEdit(change: (data: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "keiyard-facts-"));
  cpSync(DEFAULT_FACTS_DIR, dir, { recursive: true });
  const path = join(dir, "engine-timing.json");
  const data = JSON.parse(readFileSync(path, "utf8"));
  change(data);
  writeFileSync(path, JSON.stringify(data));
  return dir;
}

describe("engine-timing.json", () => {
  it("loads, every record about an engine of the catalog, sourced unless unknown", () => {
    const facts = loadFacts();
    const engines = new Set(facts.catalog.flatMap((e) => e.engineCodes));
    expect(facts.engineTiming.length).toBeGreaterThan(5);
    for (const t of facts.engineTiming) {
      expect(engines.has(t.engine)).toBe(true);
      if (t.camDrive !== null) expect(t.sources.length).toBeGreaterThan(0);
    }
  });

  it("names the file, record and field of a bad value", () => {
    expect(() => loadFacts(withEdit((d) => (d.engines[0].camDrive = "gears")))).toThrowError(
      /engine-timing\.json: invalid fact data\n {2}- field engines\.0\.camDrive/,
    );
  });

  it("refuses an engine the catalog does not know, and a duplicate", () => {
    expect(() => loadFacts(withEdit((d) => (d.engines[0].engine = "ZZ9")))).toThrowError(
      /engine-timing\.json: record 0 \(ZZ9\), field engine: not in kei-catalog\.json/,
    );
    expect(() => loadFacts(withEdit((d) => (d.engines[1].engine = d.engines[0].engine)))).toThrowError(
      /engine-timing\.json: record 1 \(F6A\): duplicate engine/,
    );
  });
});
