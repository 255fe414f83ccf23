import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frameCodePart } from "./frame-code.js";

const FRAME_WITH_SERIAL = /^([A-Za-z0-9]{1,8}(?:-[A-Za-z0-9]{1,8})?)[- ](\d{1,10})$/;

describe("frameCodePart", () => {
  it("reads the code part of frame numbers", () => {
    expect(frameCodePart("DA63T-123456")).toBe("DA63T");
    expect(frameCodePart("GD-DA52T 123456")).toBe("GD-DA52T");
    expect(frameCodePart("GD-DA52T-123456")).toBe("GD-DA52T");
    expect(frameCodePart("DA63T")).toBeNull();
    expect(frameCodePart("DA63T-12345678901")).toBeNull();
    expect(frameCodePart("A-B-C-1")).toBeNull();
  });

  it("is the regular expression it replaces (property)", () => {
    const unit = fc.constantFrom("D", "a", "6", "3", "-", " ", "Z", "0", "9", "é", "_");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (s) => {
        expect(frameCodePart(s)).toBe(FRAME_WITH_SERIAL.exec(s)?.[1] ?? null);
      }),
      { numRuns: 5000 },
    );
  });
});
