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

  it("adds mileage doubts", () => {
    expect(lotFlags(lot({ mileageFlag: "replaced", score: "R" }))).toEqual([
      "score R: repair history (修復歴)",
      "odometer replaced: true mileage unknown",
    ]);
  });
});
