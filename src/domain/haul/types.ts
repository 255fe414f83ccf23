// The haul planner's inputs and its answer. Inputs are already validated at the edge (ids exist, amounts
// are positive); the answer keeps "unknown" as a value wherever the data has no figure.
import type { Source } from "../sources.js";
import type { KgRange, M3 } from "./units.js";

export type FirewoodUnit = "cord" | "face_cord";

export type LoadItem =
  | { kind: "firewood"; id: string; condition: "green" | "seasoned"; amount: number; unit: FirewoodUnit }
  | { kind: "hay_bale"; id: string; count: number }
  | { kind: "bulk"; id: string; cubicYards: number }
  | { kind: "sheet"; id: string; count: number }
  | {
      kind: "custom";
      name: string;
      weightKg: number;
      count: number;
      /** Each piece's size; null when the user gave none (then its volume is unknown). */
      sizeMm: { length: number; width: number; height: number } | null;
    };

/** The truck as the planner sees it: payload and bed from the catalog, side height from haul-loads. */
export interface HaulTruck {
  chassisCode: string;
  label: string;
  payloadKg: number | null;
  /** Inner bed length and width and the side (gate) height; null where our data has no figure. */
  bed: { lengthMm: number | null; widthMm: number | null; sideHeightMm: number | null };
  sources: Source[];
  confidence: "high" | "medium" | "low";
}

export interface HaulLine {
  index: number;
  kind: LoadItem["kind"];
  label: string;
  quantity: string;
  /** The sourced weight of one unit, in lb as the source gives it. */
  perUnit: { min: number; typical: number; max: number; per: string } | null;
  weight: KgRange;
  /** Firewood and bulk loads can be split across trips in any amount; pieces cannot. */
  divisible: boolean;
  pieces: number;
  pieceWeight: KgRange | null;
  /** Total volume (stacked or loose for divisible loads, the pieces' own volume otherwise); null unknown. */
  volume: M3 | null;
  /** One piece's size, for the bed drawing; null for divisible loads and pieces without a size. */
  pieceMm: { length: number; width: number; height: number; round: boolean } | null;
  sources: Source[];
  confidence: "high" | "medium" | "low" | "user";
  notes: string;
}

export type PayloadFit =
  | { status: "fits" | "may_exceed" | "exceeds"; payloadKg: number }
  | { status: "unknown"; reason: string };

export type VolumeFit =
  | { status: "fits" | "exceeds"; capacity: M3; load: M3; loadHeightMm: number; heightFrom: "side" | "user" }
  | { status: "unknown"; reason: string };

export interface TripPart {
  line: number;
  kg: number;
  m3: number;
  pieces: number;
}
export interface Trip {
  kg: number;
  m3: number;
  parts: TripPart[];
  /** A piece bigger than the bed volume rides alone, sticking up above the sides. */
  oversize: boolean;
}

export interface TripCount {
  /** Trips for the typical weights, and for every load at the top of its range (the safe count). */
  typical: number;
  max: number;
  /** Lower bounds: total weight / payload, total volume / bed volume (null where unknown). */
  byWeight: number;
  byVolume: number | null;
}

export interface LayoutShape {
  line: number;
  x: number;
  y: number;
  w: number;
  h: number;
  kind: "band" | "piece" | "round";
  /** Pieces this shape stands for (1 + those stacked on it); 0 for a band of loose load. */
  count: number;
  label: string;
}

/** Trip 1 seen from above, in millimetres: x along the bed from the cab, y across it. */
export interface BedLayout {
  lengthMm: number;
  widthMm: number;
  trip: number;
  trips: number;
  shapes: LayoutShape[];
  /** How far the drawing reaches past the tailgate or the sides (overhanging pieces). */
  extentMm: { x: number; y: number };
}

export interface HaulPlan {
  truck: HaulTruck;
  lines: HaulLine[];
  total: KgRange;
  payload: PayloadFit;
  volume: VolumeFit;
  trips: TripCount | null;
  /** Pieces that cannot be carried at all (heavier than the payload). */
  cannotCarry: { line: number; label: string; reason: string }[];
  /** Pieces longer or wider than the bed: they overhang. */
  overhangs: { line: number; label: string; byMm: number; where: "tailgate" | "sides" }[];
  layout: BedLayout | null;
  notes: string[];
  sources: Source[];
}
