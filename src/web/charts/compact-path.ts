// A d3-geo path context that writes short SVG path data: whole units (the map's shapes are already
// projected to a 975×610 frame, so one unit is about one CSS pixel at desktop width), relative moves,
// no repeated points and no rings that round away to nothing. The state outlines shrink to about a
// quarter of d3's default output, which keeps the /states page inside its weight budget.
import type { GeoContext } from "d3-geo";

export class CompactPath implements GeoContext {
  #out = "";
  #ring = "";
  #segments = 0;
  #x = 0;
  #y = 0;
  #open = false;

  moveTo(x: number, y: number): void {
    this.#flush(false);
    this.#x = Math.round(x);
    this.#y = Math.round(y);
    this.#ring = `M${this.#x} ${this.#y}l`;
    this.#segments = 0;
    this.#open = true;
  }

  lineTo(x: number, y: number): void {
    const nx = Math.round(x);
    const ny = Math.round(y);
    const dx = nx - this.#x;
    const dy = ny - this.#y;
    if (dx === 0 && dy === 0) return;
    // SVG needs no separator before a minus sign, nor after the command letter.
    this.#ring += `${this.#segments === 0 || dx < 0 ? "" : " "}${dx}${dy < 0 ? "" : " "}${dy}`;
    this.#segments += 1;
    this.#x = nx;
    this.#y = ny;
  }

  closePath(): void {
    this.#flush(true);
  }

  arc(): void {
    // Only point geometries draw arcs; state outlines have none.
  }

  beginPath(): void {
    // Part of the canvas-like interface; each path starts with moveTo here.
  }

  /** The path data written since the last call, and a fresh start. */
  take(): string {
    this.#flush(false);
    const d = this.#out;
    this.#out = "";
    return d;
  }

  #flush(close: boolean): void {
    // A ring needs two segments to enclose anything; smaller ones vanish at this precision anyway.
    if (this.#open && this.#segments >= 2) this.#out += `${this.#ring}${close ? "z" : ""}`;
    this.#open = false;
    this.#ring = "";
    this.#segments = 0;
  }
}
