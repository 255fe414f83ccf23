// A lots file in Shift_JIS (as lists exported in Japan often are) is converted to UTF-8 in a temporary
// file before the run, so that every path of `keiyard lots` (the worker threads cut UTF-8 bytes) reads
// it unchanged. A UTF-8 file, or one that is neither, is read where it is.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { detectEncoding, ENCODING_HEAD_BYTES, shiftJisChunksToUtf8 } from "../services/text-encoding.js";

export interface Utf8Input {
  /** Where to read the file as UTF-8: the file itself, or its converted copy. */
  path: string;
  converted: boolean;
  cleanup(): Promise<void>;
}

async function head(file: string): Promise<Uint8Array> {
  const fh = await open(file);
  try {
    const buf = Buffer.alloc(ENCODING_HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export async function utf8Input(file: string): Promise<Utf8Input> {
  if (detectEncoding(await head(file)) !== "shift_jis")
    return { path: file, converted: false, cleanup: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), "keiyard-lots-"));
  const path = join(dir, "lots.utf8.csv");
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(
      Readable.from(shiftJisChunksToUtf8(createReadStream(file, { highWaterMark: 1024 * 1024 }))),
      createWriteStream(path),
    );
  } catch (e) {
    await cleanup();
    throw e;
  }
  return { path, converted: true, cleanup };
}
