// Trip 1 seen from above, to scale: loose loads as bands from the cab end (their length is the volume
// they take at the load height), then pieces in rows across the bed. Pieces that find no floor left are
// stacked on the last one placed of their kind; a piece longer or wider than the bed overhangs.
import type { BedLayout, HaulLine, LayoutShape, Trip } from "./types.js";

export interface Bed {
  lengthMm: number;
  widthMm: number;
  loadHeightMm: number;
}

export function layoutTrip(trip: Trip, tripCount: number, lines: readonly HaulLine[], bed: Bed): BedLayout {
  const shapes: LayoutShape[] = [];
  let x = 0;
  const byIndex = new Map(lines.map((l) => [l.index, l]));
  const overhanging = (line: HaulLine | undefined) => {
    const p = line?.pieceMm;
    if (!p || line?.divisible) return false;
    const long = Math.max(p.length, p.width);
    const short = Math.min(p.length, p.width);
    return short > bed.widthMm || long > bed.lengthMm;
  };
  // Pieces longer (or wider) than the bed lie flat on the floor from the cab end, under the rest of
  // the load, and reach past the tailgate: drawn first, so what rides on them is drawn on top.
  for (const part of trip.parts) {
    const line = byIndex.get(part.line);
    if (!line?.pieceMm || !overhanging(line) || part.pieces === 0) continue;
    const p = line.pieceMm;
    const [dx, dy] = p.width <= bed.widthMm ? [p.length, p.width] : [p.width, p.length];
    shapes.push({
      line: part.line,
      x: 0,
      y: Math.max(0, (bed.widthMm - dy) / 2),
      w: dx,
      h: dy,
      kind: "piece",
      count: part.pieces,
      label: line.label,
    });
  }
  for (const part of trip.parts) {
    const line = byIndex.get(part.line);
    if (!line?.divisible || part.m3 <= 0) continue;
    const len = (part.m3 * 1e9) / (bed.widthMm * bed.loadHeightMm);
    shapes.push({
      line: part.line,
      x,
      y: 0,
      w: len,
      h: bed.widthMm,
      kind: "band",
      count: 0,
      label: line.label,
    });
    x += len;
  }
  for (const part of trip.parts) {
    const line = byIndex.get(part.line);
    if (!line || line.divisible || part.pieces === 0 || overhanging(line)) continue;
    const size = line.pieceMm ?? { length: 400, width: 400, height: 400, round: false };
    const placed = placePieces(part.pieces, size, x, bed);
    for (const s of placed.shapes)
      shapes.push({ ...s, line: part.line, kind: size.round ? "round" : "piece", label: line.label });
    x = placed.nextX;
  }
  const extentX = Math.max(bed.lengthMm, ...shapes.map((s) => s.x + s.w));
  const extentY = Math.max(bed.widthMm, ...shapes.map((s) => s.y + s.h));
  return {
    lengthMm: bed.lengthMm,
    widthMm: bed.widthMm,
    trip: 1,
    trips: tripCount,
    shapes,
    extentMm: { x: extentX, y: extentY },
  };
}

type Placed = { x: number; y: number; w: number; h: number; count: number };

/** Rows across the bed in the orientation that fits the most pieces on the floor left after `x0`. */
function placePieces(
  count: number,
  size: { length: number; width: number },
  x0: number,
  bed: Bed,
): { shapes: Placed[]; nextX: number } {
  const free = Math.max(0, bed.lengthMm - x0);
  const floorCount = (dx: number, dy: number) =>
    dy <= bed.widthMm ? Math.floor(bed.widthMm / dy) * Math.floor(free / dx) : 0;
  const a = { dx: size.length, dy: size.width };
  const b = { dx: size.width, dy: size.length };
  const o = floorCount(b.dx, b.dy) > floorCount(a.dx, a.dy) ? b : a;
  const onFloor = Math.min(count, floorCount(o.dx, o.dy));
  if (onFloor === 0) {
    // No room on the floor: one footprint at x0 (overhanging) carries the whole stack.
    const lying = a.dy <= bed.widthMm ? a : b.dy <= bed.widthMm ? b : a;
    const y = Math.max(0, (bed.widthMm - lying.dy) / 2);
    return { shapes: [{ x: x0, y, w: lying.dx, h: lying.dy, count }], nextX: x0 + lying.dx };
  }
  const perRow = Math.floor(bed.widthMm / o.dy);
  const shapes: Placed[] = [];
  for (let i = 0; i < onFloor; i++)
    shapes.push({
      x: x0 + Math.floor(i / perRow) * o.dx,
      y: (i % perRow) * o.dy,
      w: o.dx,
      h: o.dy,
      count: 1,
    });
  const last = shapes[shapes.length - 1] as Placed;
  last.count += count - onFloor;
  return { shapes, nextX: x0 + Math.ceil(onFloor / perRow) * o.dx };
}
