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

// Lines of ASCII and of Japanese (three bytes a character), some longer than a slice, so slices end
// inside characters and lines span slices.
const lines = fc.array(
  fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.constantFrom("ハイゼットトラック", "キャリイ", "アクティ").chain((s) => fc.constant(s.repeat(200))),
    fc.integer({ min: 16_000, max: 40_000 }).map((n) => "x".repeat(n)),
  ),
  { maxLength: 120 },
);

const bytesOf = (s: string) => encoder.encode(s).length;

describe("textSlices", () => {
  it("gives back the text, each slice as many whole lines as fit in 16 KiB, else 16 KiB of one", () => {
    fc.assert(
      fc.property(lines, fc.boolean(), (ls, finalBreak) => {
        const text = ls.join("\n") + (finalBreak ? "\n" : "");
        const slices = slicesOf(text);
        expect(slices.join("")).toBe(text);
        let rest = text;
        for (const [i, s] of slices.entries()) {
          rest = rest.slice(s.length);
          // 16 KiB of bytes, plus at most two of a character the slice before cut into
          expect(bytesOf(s)).toBeLessThanOrEqual(SLICE + 2);
          if (i === slices.length - 1) continue;
          if (s.endsWith("\n")) {
            // the next line would not have fitted: the cut is at the last line break, not an earlier one
            const next = rest.indexOf("\n");
            expect(bytesOf(s) + bytesOf(next === -1 ? rest : rest.slice(0, next + 1))).toBeGreaterThan(SLICE);
          } else expect(s.includes("\n")).toBe(false); // no break in its 16 KiB: cut inside the line
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
