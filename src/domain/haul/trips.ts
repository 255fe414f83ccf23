// Splits a load into trips that each stay within the payload and, where the bed size is known, the bed
// volume. Pieces go first, heaviest first, into the first trip with room (first-fit decreasing: not
// always the fewest trips, but never an overloaded one); loose loads (firewood, bulk) then fill the room
// left and open new trips as needed. A piece bigger than the bed volume rides alone.
import type { HaulLine, Trip } from "./types.js";
import type { Scenario } from "./units.js";

export interface Capacity {
  kg: number;
  /** Null when the bed volume is unknown: then only weight limits a trip. */
  m3: number | null;
}

export interface Packing {
  trips: Trip[];
  /** Lines with a piece heavier than the payload: those pieces are left out. */
  tooHeavy: number[];
}

const EPS = 1e-9;

function addPart(trip: Trip, line: number, kg: number, m3: number, pieces: number): void {
  trip.kg += kg;
  trip.m3 += m3;
  const part = trip.parts.find((p) => p.line === line);
  if (part) {
    part.kg += kg;
    part.m3 += m3;
    part.pieces += pieces;
  } else trip.parts.push({ line, kg, m3, pieces });
}

const newTrip = (): Trip => ({ kg: 0, m3: 0, parts: [], oversize: false });

export function packTrips(lines: readonly HaulLine[], scenario: Scenario, cap: Capacity): Packing {
  const trips: Trip[] = [];
  const tooHeavy: number[] = [];
  const pieces: { line: number; kg: number; m3: number }[] = [];
  for (const l of lines) {
    if (l.divisible || !l.pieceWeight || l.pieces === 0) continue;
    const kg = l.pieceWeight[scenario];
    if (kg > cap.kg + EPS) {
      tooHeavy.push(l.index);
      continue;
    }
    const m3 = l.volume === null ? 0 : l.volume / l.pieces;
    for (let i = 0; i < l.pieces; i++) pieces.push({ line: l.index, kg, m3 });
  }
  pieces.sort((a, b) => b.kg - a.kg || b.m3 - a.m3);
  for (const p of pieces) {
    if (cap.m3 !== null && p.m3 > cap.m3 + EPS) {
      const alone = newTrip();
      alone.oversize = true;
      addPart(alone, p.line, p.kg, p.m3, 1);
      trips.push(alone);
      continue;
    }
    const room = (t: Trip) =>
      !t.oversize && t.kg + p.kg <= cap.kg + EPS && (cap.m3 === null || t.m3 + p.m3 <= cap.m3 + EPS);
    let trip = trips.find(room);
    if (!trip) {
      trip = newTrip();
      trips.push(trip);
    }
    addPart(trip, p.line, p.kg, p.m3, 1);
  }
  for (const l of lines) {
    if (!l.divisible) continue;
    let kg: number = l.weight[scenario];
    const m3 = l.volume ?? 0;
    if (kg <= 0) continue;
    const density = m3 > 0 ? kg / m3 : Number.POSITIVE_INFINITY; // kg per m³
    let i = 0;
    while (kg > EPS) {
      if (i === trips.length) trips.push(newTrip());
      const t = trips[i++] as Trip;
      if (t.oversize) continue;
      const roomKg = cap.kg - t.kg;
      const roomM3 = cap.m3 === null ? Number.POSITIVE_INFINITY : cap.m3 - t.m3;
      const take = Math.min(kg, roomKg, roomM3 * density);
      if (take <= EPS * Math.max(1, cap.kg)) continue;
      addPart(t, l.index, take, take / density, 0);
      kg -= take;
    }
  }
  return { trips, tooHeavy };
}
