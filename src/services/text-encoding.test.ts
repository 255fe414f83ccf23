import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectEncoding, shiftJisChunksToUtf8, shiftJisToUtf8 } from "./text-encoding.js";

// "キャリイ" in Shift_JIS.
const CARRY_SJIS = [0x83, 0x4c, 0x83, 0x83, 0x83, 0x8a, 0x83, 0x43];
const sjis = (text: string) => {
  // The few characters the tests use, as Shift_JIS: ASCII as it is, キャリイ as above.
  const out: number[] = [];
  for (const part of text.split(/(キャリイ)/)) {
    if (part === "キャリイ") out.push(...CARRY_SJIS);
    else out.push(...new TextEncoder().encode(part));
  }
  return new Uint8Array(out);
};

describe("detectEncoding", () => {
  it("reads ASCII and UTF-8 (even cut inside a character) as UTF-8", () => {
    expect(detectEncoding(new TextEncoder().encode("lot_no,model\n1,Carry\n"))).toBe("utf-8");
    const utf8 = new TextEncoder().encode("1,キャリイ");
    expect(detectEncoding(utf8.subarray(0, utf8.length - 1))).toBe("utf-8");
  });

  it("reads a Shift_JIS export as Shift_JIS, even cut after a lead byte", () => {
    const bytes = sjis("lot_no,model\n1,キャリイ\n");
    expect(detectEncoding(bytes)).toBe("shift_jis");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 2))).toBe("shift_jis");
  });

  it("reads a list with half-width kana (ｷｬﾘｲ) and kanji as Shift_JIS", () => {
    // 車名,ｷｬﾘｲ: kanji, then half-width katakana (single bytes 0xB7 0xAC 0xD8 0xB2).
    const bytes = new Uint8Array([0x8e, 0xd4, 0x96, 0xbc, 0x2c, 0xb7, 0xac, 0xd8, 0xb2, 0x0a]);
    expect(detectEncoding(bytes)).toBe("shift_jis");
    expect(new TextDecoder().decode(shiftJisToUtf8(bytes))).toBe("車名,ｷｬﾘｲ\n");
  });

  it("calls bytes that are neither null, for the UTF-8 reader to explain", () => {
    expect(detectEncoding(new Uint8Array([0x31, 0x2c, 0x80, 0xa0, 0xff, 0xff, 0x0a]))).toBeNull();
    // Windows-1252 "CaféA" reads as Shift_JIS without an error (é and A make a kanji) but has no kana.
    const cp1252 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x41, 0x0a]);
    expect(new TextDecoder("shift_jis", { fatal: true }).decode(cp1252)).toHaveLength(5);
    expect(detectEncoding(cp1252)).toBeNull();
    // Windows-1252 "Ãé" alone (0xC3 0xE9 …): half-width kana by chance, but not several in a row.
    expect(detectEncoding(new Uint8Array([0x4e, 0xe9, 0x20, 0xc3, 0x0a]))).toBeNull();
  });
});

describe("Shift_JIS to UTF-8", () => {
  it("converts whole bytes, and chunks cut anywhere to the same text", async () => {
    const bytes = sjis("lot_no,model\n1,キャリイ\n2,キャリイ Truck\n");
    const whole = new TextDecoder().decode(shiftJisToUtf8(bytes));
    expect(whole).toBe("lot_no,model\n1,キャリイ\n2,キャリイ Truck\n");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 6 }),
        async (cuts) => {
          const at = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
          async function* chunks() {
            for (let i = 1; i < at.length; i++) yield bytes.subarray(at[i - 1]!, at[i]!);
          }
          const parts: Uint8Array[] = [];
          for await (const c of shiftJisChunksToUtf8(chunks())) parts.push(c);
          expect(new TextDecoder().decode(Buffer.concat(parts))).toBe(whole);
        },
      ),
    );
  });
});
