import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { notesFlags, scoreFlags } from "../lots/flags.js";
import { isEmptyReading, normalizeCode, readSheet } from "./read-sheet.js";

const sheet = loadFacts().auctionSheet;
const read = (notes: string, more: Parameters<typeof readSheet>[0] = {}) =>
  readSheet({ ...more, notes }, sheet);

describe("readSheet", () => {
  it("reads a score, written plainly or in full-width characters", () => {
    for (const raw of ["3.5", " 3.5 ", "３．５"]) {
      const r = readSheet({ score: raw }, sheet);
      expect(r.score?.record?.grades).toEqual(["3.5"]);
      expect(r.score?.raw).toBe(raw.trim());
    }
    expect(readSheet({ score: "***" }, sheet).score?.record?.meaning).toMatch(/not graded/);
  });

  it("says when a score or letter is not one it knows, instead of guessing", () => {
    const r = readSheet({ score: "7.5", interior: "F" }, sheet);
    expect(r.score).toEqual({ raw: "7.5", record: null });
    expect(r.interior).toEqual({ raw: "F", record: null });
  });

  it("reads interior and exterior letters in either case", () => {
    const r = readSheet({ interior: "b", exterior: "C" }, sheet);
    expect(r.interior?.record?.letter).toBe("B");
    expect(r.exterior?.record?.letter).toBe("C");
  });

  it("reads damage codes with where they are, segment by segment", () => {
    const r = read("A1 bed rails; S2 under bed, driver seat tear");
    expect(r.marks.map((m) => [m.raw, m.code, m.size, m.where])).toEqual([
      ["A1", "A", 1, "bed rails"],
      ["S2", "S", 2, "under bed"],
    ]);
    expect(r.marks[1]!.record.meaning).toBe("rust");
    expect(r.flags).toContain("rust S2 on the sheet");
  });

  it("splits combined codes and keeps two-letter codes whole", () => {
    expect(read("A2U1 tailgate").marks.map((m) => [m.raw, m.where])).toEqual([
      ["A2", "tailgate"],
      ["U1", "tailgate"],
    ]);
    expect(read("XX core support").marks.map((m) => m.code)).toEqual(["XX"]);
    expect(read("AU door").marks.map((m) => m.code)).toEqual(["A", "U"]);
    expect(read("rx").marks).toEqual([]);
  });

  it("takes words for words: a code needs a digit or capitals", () => {
    const r = read("W2 cab; bed USS");
    expect(r.marks.map((m) => m.raw)).toEqual(["W2"]);
    expect(r.marks[0]!.where).toBe("cab");
    expect(read("a2 door").marks.map((m) => m.raw)).toEqual(["A2"]);
  });

  it("takes no ordinary words for codes: US and AS are words, AU is the one pair written without digits", () => {
    expect(read("US spec; AS IS; AU door").marks.map((m) => m.raw)).toEqual(["A", "U"]);
    expect(read("US spec; AS IS").flags).toEqual([]);
  });

  it("reads codes inside brackets, after stops and around slashes, and lists what it cannot read", () => {
    const r = read("A1. bed (U2) tailgate A3/U1 Z9 W1; U1A door");
    expect(r.marks.map((m) => m.raw)).toEqual(["A1", "U2", "A3", "U1", "W1"]);
    expect(r.unread).toEqual(["Z9", "U1A"]);
    expect(r.marks[0]!.where).toBe("bed tailgate");
  });

  it("says when the sheet says there is none of a phrase (修復歴なし), and raises no flag for it", () => {
    const r = read("修復歴なし 冠水無し", { score: "4.5" });
    expect(r.phrases.map((p) => [p.raw, p.none])).toEqual([["修復歴なし", true]]);
    expect(r.flags).toEqual([]);
    expect(read("E/G異音").flags).toEqual(["notes mention abnormal engine noise (エンジン異音)"]);
  });

  it("reads equipment codes and lists code-like tokens it does not know", () => {
    const r = read("AC PS A/C; Z2 door");
    expect(r.equipment.map((e) => e.record.meaning)).toEqual(["air conditioning", "power steering"]);
    expect(r.unread).toEqual(["Z2"]);
    expect(r.marks).toEqual([]);
  });

  it("finds inspector phrases in Japanese and raises the batch tool's flags", () => {
    const r = read("修復歴あり　E/G異音", { score: "R" });
    expect(r.phrases.map((p) => p.raw)).toEqual(["修復歴", "E/G異音"]);
    expect(r.score?.record?.repairHistory).toBe(true);
    expect(r.flags).toContain("score R: repair history (修復歴)");
    expect(r.flags).toContain("notes mention repair history (修復歴)");
  });

  it("flags a code inside a combined mark as the batch tool flags it alone", () => {
    expect(read("A2S3 rear frame").flags).toEqual(["deep rust S3 on the sheet"]);
  });

  it("cites the sources of what it read, each once, all of them in the data", () => {
    const r = read("A1 bed; S2 frame; AC", { score: "4", interior: "B" });
    expect(r.sources.length).toBeGreaterThan(2);
    expect(new Set(r.sources).size).toBe(r.sources.length);
    for (const id of r.sources) expect(sheet.sources[id]).toBeDefined();
  });

  it("reads an empty form as nothing", () => {
    expect(isEmptyReading(readSheet({}, sheet))).toBe(true);
    expect(isEmptyReading(readSheet({ score: " ", notes: " ; " }, sheet))).toBe(true);
    expect(isEmptyReading(read("bed rails"))).toBe(true);
  });

  it("reads every value of the data back to its own record", () => {
    for (const s of sheet.scores)
      for (const g of s.grades) expect(readSheet({ score: g }, sheet).score?.record).toBe(s);
    for (const l of sheet.letters) expect(readSheet({ interior: l.letter }, sheet).interior?.record).toBe(l);
    for (const m of sheet.marks) {
      const code = m.sized ? `${m.code}2` : m.code;
      expect(read(`${code} door`).marks.map((x) => x.record)).toEqual([m]);
    }
    for (const e of sheet.equipment)
      for (const c of e.codes) expect(read(c).equipment.map((x) => x.record)).toEqual([e]);
    for (const p of sheet.phrases)
      for (const t of p.texts) expect(read(t).phrases.map((x) => x.record)).toContain(p);
  });

  it("agrees with the batch tool on which scores mean repair history", () => {
    for (const s of sheet.scores)
      for (const g of s.grades)
        expect(scoreFlags(g).some((f) => f.includes("repair history"))).toBe(s.repairHistory);
  });

  it("knows every damage code the batch tool flags", () => {
    const codes = new Set(sheet.marks.map((m) => m.code));
    for (const code of ["S2", "S3", "C1", "C2", "X", "XX"]) {
      expect(notesFlags(code)).toHaveLength(1);
      expect(codes.has(code.replace(/\d$/, ""))).toBe(true);
    }
  });

  it("never throws, and every mark it reads is a known code with at most one digit", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (notes, score, interior) => {
        const r = readSheet({ notes, score, interior }, sheet);
        for (const m of r.marks) {
          expect(m.record.code).toBe(m.code);
          expect(m.raw).toMatch(new RegExp(`^${m.code}[1-4]?$`));
        }
        for (const u of r.unread) expect(normalizeCode(u)).toMatch(/^[A-Z]{1,2}\d[A-Z0-9]*$/);
      }),
    );
  });
});
