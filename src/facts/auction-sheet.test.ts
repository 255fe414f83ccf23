import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_FACTS_DIR, loadFacts } from "./load.js";

function withEdit(change: (data: any) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "keiyard-facts-"));
  cpSync(DEFAULT_FACTS_DIR, dir, { recursive: true });
  const path = join(dir, "auction-sheet.json");
  const data = JSON.parse(readFileSync(path, "utf8"));
  change(data);
  writeFileSync(path, JSON.stringify(data));
  return dir;
}

describe("auction-sheet.json", () => {
  it("loads, every record sourced, with a confidence and a reviewed date", () => {
    const { auctionSheet: s } = loadFacts();
    expect(s.meta.reviewedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.scores.flatMap((r) => r.grades)).toEqual(expect.arrayContaining(["3.5", "4", "R", "RA", "***"]));
    expect(s.letters.map((l) => l.letter)).toEqual(["A", "B", "C", "D", "E"]);
    const records = [
      ...s.scores,
      ...s.letters,
      ...s.marks,
      ...s.equipment,
      ...s.phrases,
      s.truckScale,
      s.sizes,
    ];
    for (const r of records) {
      expect(r.sources.length).toBeGreaterThan(0);
      for (const id of r.sources) expect(s.sources[id]?.url).toMatch(/^https?:\/\//);
    }
    // Where sources disagree the record says so, and is not more than low.
    for (const r of [...s.scores, ...s.marks])
      if (/sources differ/.test(r.meaning)) expect(r.confidence).toBe("low");
  });

  it("names the file and field of a bad value", () => {
    expect(() => loadFacts(withEdit((d) => (d.marks[0].code = "a1")))).toThrowError(
      /auction-sheet\.json: invalid fact data\n {2}- field marks\.0\.code/,
    );
  });

  it("refuses a source id it does not list, and a code listed twice", () => {
    expect(() => loadFacts(withEdit((d) => (d.marks[2].sources = ["nowhere"])))).toThrowError(
      /auction-sheet\.json: marks record 2, field sources: "nowhere" is not in "sources"/,
    );
    expect(() => loadFacts(withEdit((d) => (d.marks[1].code = d.marks[0].code)))).toThrowError(
      /auction-sheet\.json: marks: "A" is listed twice/,
    );
  });
});
