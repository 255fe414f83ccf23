// The weight budget of a new page: its HTML with everything inline (CSS, SVG, any script), gzipped.
import { gzipSync } from "node:zlib";

export const PAGE_BUDGET_BYTES = 80 * 1024;

export function gzippedBytes(html: string): number {
  return gzipSync(html).length;
}
