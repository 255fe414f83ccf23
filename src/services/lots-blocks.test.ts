import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textSlices } from "./lots-blocks.js";

const encoder = new TextEncoder();
const SLICE = 16 * 1024;

function slicesOf(text: string): string[] {
  const decoder = new TextDecoder("utf-8");
  const out = [...textSlices(encoder.encode(text), decoder)];
  const rest = decoder.decode();
  return rest === "" ? out : [...out, rest];
}

// Lines of ASCII and of Japanese (three bytes a character), so slices end inside characters too.
const lines = fc.array(
  fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom("ハイゼットトラック", "キャリイ", "アクティ").chain((s) => fc.constant(s.repeat(200))),
  ),
  { maxLength: 200 },
);

describe("textSlices", () => {
  it("gives back the text, in slices of at most 16 KiB that end at a line break where one is", () => {
    fc.assert(
      fc.property(lines, fc.boolean(), (ls, finalBreak) => {
        const text = ls.join("\n") + (finalBreak ? "\n" : "");
        const slices = slicesOf(text);
        expect(slices.join("")).toBe(text);
        for (const [i, s] of slices.entries()) {
          expect(encoder.encode(s).length).toBeLessThanOrEqual(SLICE);
          const isLast = i === slices.length - 1;
          // A slice that does not end at a line break had none in its window (or is the file's end).
          if (!isLast && !s.endsWith("\n")) expect(s.includes("\n")).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("cuts a long line without a break at 16 KiB, keeping a split character for the next slice", () => {
    const text = "ダンプ".repeat(6000); // 54,000 bytes, no line break
    const slices = slicesOf(text);
    expect(slices.join("")).toBe(text);
    expect(slices.length).toBe(4);
    // 16,384 bytes is 5,461 whole characters and one byte of the next
    expect(slices[0]!.length).toBe(5461);
  });

  it("gives nothing for no bytes", () => {
    expect(slicesOf("")).toEqual([]);
  });
});
