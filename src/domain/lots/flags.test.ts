import { describe, expect, it } from "vitest";
import { lotFlags, notesFlags, scoreFlags } from "./flags.js";
import type { Lot } from "./types.js";

const lot = (over: Partial<Lot>) => ({ score: null, notes: null, mileageFlag: null, ...over }) as Lot;

describe("lot flags", () => {
  it("reads repair-history and damage scores", () => {
    expect(scoreFlags("RA")).toEqual(["score RA: repair history (修復歴)"]);
    expect(scoreFlags("1")[0]).toMatch(/flood or fire/);
    expect(scoreFlags("***")[0]).toMatch(/not running/);
    expect(scoreFlags("3.5")).toEqual([]);
  });

  it("reads sheet codes S2+, C and X / XX once each, and inspector phrases", () => {
    expect(notesFlags("S1 bed, S2 frame; s2 cab, C1 sill (XX)")).toEqual([
      "rust S2 on the sheet",
      "corrosion C1 on the sheet",
      "a panel marked XX (replaced) on the sheet",
    ]);
    expect(notesFlags("修復歴あり エンジン異音")).toEqual([
      "notes mention repair history (修復歴)",
      "notes mention abnormal engine noise (エンジン異音)",
    ]);
    expect(notesFlags("A1 bed rails; S1 rear frame; AX-1 radio")).toEqual([]);
  });

  it("flags every size past the line, and X with a digit; a lower-case x is a word", () => {
    expect(notesFlags("C3 floor; C4 sill; S4 frame; X1 door; XX1 hood")).toEqual([
      "heavy corrosion C3 on the sheet",
      "heavy corrosion C4 on the sheet",
      "deep rust S4 on the sheet",
      "a panel marked X (to replace) on the sheet",
      "a panel marked XX (replaced) on the sheet",
    ]);
    expect(notesFlags("2 x mirrors, x door, xx")).toEqual([]);
  });

  it("reads E/G異音 as engine noise, and takes なし, 無 and 'no' for none", () => {
    expect(notesFlags("E/G異音")).toEqual(["notes mention abnormal engine noise (エンジン異音)"]);
    for (const none of [
      "修復歴なし",
      "修復歴無",
      "修復歴 無し",
      "冠水なし",
      "エンジン異音なし",
      "no repair history",
      "no flood damage",
      "no engine noise",
      "not running lights fixed",
      "不動なし",
    ])
      expect(notesFlags(none), none).toEqual([]);
    expect(notesFlags("修復歴あり; flood in 2019; non-runner")).toEqual([
      "notes mention repair history (修復歴)",
      "notes mention flood damage (冠水)",
      "notes say it does not run (不動)",
    ]);
  });

  it("adds mileage doubts", () => {
    expect(lotFlags(lot({ mileageFlag: "replaced", score: "R" }))).toEqual([
      "score R: repair history (修復歴)",
      "odometer replaced: true mileage unknown",
    ]);
  });
});
