import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { createNameIndex, foldName } from "./names.js";

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
