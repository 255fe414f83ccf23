// Lot lists exported in Japan are often Shift_JIS, not UTF-8. A file whose first bytes are not UTF-8 but
// read cleanly as Shift_JIS is converted; anything else stays as it is, and the UTF-8 reader then says
// what is wrong with it. Detection looks at the start only: a file that changes encoding later is still
// caught by the reader row by row (U+FFFD).

export type TextEncodingName = "utf-8" | "shift_jis";

/** How much of a file's start decides its encoding. */
export const ENCODING_HEAD_BYTES = 256 * 1024;

/**
 * `head` as text in `encoding`, or null when it holds a byte sequence that is not. Decoded as the start
 * of a stream: a character cut at the end of the head is not an error.
 */
function textIn(encoding: string, head: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
}

// Hiragana or katakana, full or half width: a Japanese list has some (トラック, ｷｬﾘｲ). Bytes of another
// single-byte code page (a Windows-1252 "é" before a letter) can read as Shift_JIS kanji, but hardly
// ever as full-width kana; half-width kana are single bytes 0xA6-0xDD, which Windows-1252 uses for
// accented letters, so they count only several in a row.
const KANA = /[\u3041-\u30fa]|[\uff66-\uff9d]{3}/;

/**
 * The encoding of a file from its first bytes: UTF-8 when they are UTF-8 (ASCII included), else
 * Shift_JIS when they read as it without an error and hold kana, else null (left to the UTF-8 reader).
 */
export function detectEncoding(head: Uint8Array): TextEncodingName | null {
  if (textIn("utf-8", head) !== null) return "utf-8";
  const sjis = textIn("shift_jis", head);
  return sjis !== null && KANA.test(sjis) ? "shift_jis" : null;
}

/** Shift_JIS bytes as UTF-8 bytes (whole, for an upload held in memory). */
export function shiftJisToUtf8(bytes: Uint8Array): Uint8Array {
  return new TextEncoder().encode(new TextDecoder("shift_jis").decode(bytes));
}

/** Shift_JIS chunks as UTF-8 chunks, for a file read as a stream. */
export async function* shiftJisChunksToUtf8(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder("shift_jis");
  const encoder = new TextEncoder();
  for await (const chunk of chunks) yield encoder.encode(decoder.decode(chunk, { stream: true }));
  const rest = decoder.decode();
  if (rest) yield encoder.encode(rest);
}

export const READ_AS_SHIFT_JIS = "The file is Shift_JIS text (not UTF-8): keiyard read it as Shift_JIS.";
