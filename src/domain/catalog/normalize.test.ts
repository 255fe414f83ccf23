import { describe, expect, it } from "vitest";
import { normalizeFrameInput } from "./normalize.js";

describe("normalizeFrameInput", () => {
  it.each([
    ["DA63T-123456", { emissionsPrefix: null, code: "DA63T", serial: "123456" }],
    ["da63t 123 456", { emissionsPrefix: null, code: "DA63T", serial: "123456" }],
    ["DA63T123456", { emissionsPrefix: null, code: "DA63T123456", serial: null }], // needs the catalog
    ["HA4-", { emissionsPrefix: null, code: "HA4", serial: null }],
    ["ＧＤ－ＤＡ５２Ｔ", { emissionsPrefix: "GD", code: "DA52T", serial: null }],
    ["EBD—DA63T—000123", { emissionsPrefix: "EBD", code: "DA63T", serial: "000123" }],
    ["S21-123", { emissionsPrefix: null, code: "S21", serial: "123" }],
  ])("%j -> %o", (input, parts) => {
    expect(normalizeFrameInput(input)).toEqual(parts);
  });

  it.each(["", "  ", "--", "123", "DA63T/1", "x".repeat(201)])("%j -> null", (input) => {
    expect(normalizeFrameInput(input)).toBeNull();
  });
});
