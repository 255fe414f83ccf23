import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { createNameIndex, familiesNamedBy, foldName, plainNameFor } from "./names.js";

const names = createNameIndex(loadFacts().modelNames);

describe("createNameIndex", () => {
  it.each([
    ["Carry Truck", "Suzuki", "Carry Truck"],
    ["キャリイ", "Suzuki", "Carry Truck"],
    ["キャリィトラック KC", "Suzuki", "Carry Truck"],
    ["スズキ キャリイ", "Suzuki", "Carry Truck"],
    ["Suzuki Super Carry", "Suzuki", "Carry Truck"],
    ["ＡＣＴＹ", "Honda", "Acty Truck"],
    ["アクティトラック SDX", "Honda", "Acty Truck"],
    ["ハイゼットジャンボ", "Daihatsu", "Hijet Truck"],
    ["サンバー", "Subaru", "Sambar Truck"],
    ["ミニキャブ", "Mitsubishi", "Minicab Truck"],
    ["スクラムトラック", "Mazda", "Scrum Truck"],
    ["NT100クリッパー", "Nissan", "Clipper Truck / NT100 Clipper"],
    ["ピクシストラック", "Toyota", "Pixis Truck"],
  ])("%j is the %s %s", (name, make, model) => {
    expect(names.family(name)).toEqual({ make, model });
  });

  it("knows nothing it was not told, and a disagreeing make leaves the name unknown", () => {
    expect(names.family("Corolla")).toBeNull();
    expect(names.family("ハイエース")).toBeNull();
    expect(names.family("Carry", "Honda")).toBeNull();
    expect(names.family("Carry", "スズキ")).toEqual({ make: "Suzuki", model: "Carry Truck" });
  });

  it("reads make names in English and Japanese", () => {
    expect(names.make("三菱")).toBe("Mitsubishi");
    expect(names.make("SUZUKI")).toBe("Suzuki");
    expect(names.make("Lada")).toBeNull();
  });

  it("folds width, case and punctuation", () => {
    expect(foldName(" Ｃａｒｒｙ  Truck ")).toBe("carrytruck");
    expect(foldName("スズキ・キャリイ")).toBe("スズキキャリイ");
  });
});

describe("familiesNamedBy", () => {
  const modelNames = loadFacts().modelNames;
  const named = (w: string) => familiesNamedBy(w, modelNames).map((f) => `${f.make} ${f.model}`);

  it("finds a family by an English or Japanese spelling, and every family of a named make", () => {
    expect(named("hijet")).toEqual([expect.stringMatching(/^Daihatsu Hijet/)]);
    expect(named("キャリイ")).toEqual([expect.stringMatching(/^Suzuki Carry/)]);
    expect(named("スズキ").every((f) => f.startsWith("Suzuki "))).toBe(true);
    expect(named("スズキ").length).toBeGreaterThan(0);
  });

  it("forgives one typo in a word of five letters or more, and nothing in shorter ones", () => {
    expect(named("hijte")).toEqual(named("hijet"));
    expect(named("sambr")).toEqual(named("sambar"));
    expect(named("acyt")).toEqual([]);
    expect(named("dump")).toEqual([]);
    expect(named("123456")).toEqual([]);
  });
});

describe("plainNameFor", () => {
  const modelNames = loadFacts().modelNames;
  it.each([
    ["キャリイ", "carry"],
    ["ハイゼット", "hijet"],
    ["hijte", "hijet"],
    ["スズキ", "suzuki"],
    ["carry", null],
    ["suzuki", null],
    ["cary", null],
    ["dump", null],
  ])("%s is searched as %s", (word, plain) => {
    expect(plainNameFor(word, modelNames)).toBe(plain);
  });
});
