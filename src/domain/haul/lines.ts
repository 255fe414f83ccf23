// Turns what the user asked to carry into weighed lines, each with the sourced per-unit weight and its
// sources. Volumes: a cord is its stacked volume, bulk material its loose cubic yards, a piece its own
// box (a round bale its cylinder).
import type { HaulLoad, WeightRange } from "../../facts/schemas.js";
import { linkSources } from "../sources.js";
import type { HaulLine, LoadItem } from "./types.js";
import {
  ft3ToM3,
  inToMm,
  kgRange,
  lbRangeToKg,
  type M3,
  m3,
  scaleRange,
  stackVolumeFt3,
  yd3,
  yd3ToM3,
} from "./units.js";

type Kind<K extends HaulLoad["kind"]> = Extract<HaulLoad, { kind: K }>;

export function findLoad<K extends HaulLoad["kind"]>(
  loads: readonly HaulLoad[],
  kind: K,
  id: string,
): Kind<K> {
  const found = loads.find((l): l is Kind<K> => l.kind === kind && l.id === id);
  // The edge validates ids against the same table, so a miss here is a bug, not bad input.
  if (!found) throw new RangeError(`no ${kind} record "${id}" in haul-loads.json`);
  return found;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${Number(n.toFixed(3)).toLocaleString("en-US")} ${n === 1 ? one : many}`;

export function weighLine(item: LoadItem, index: number, loads: readonly HaulLoad[]): HaulLine {
  const base = { index, kind: item.kind };
  switch (item.kind) {
    case "firewood": {
      const wood = findLoad(loads, "firewood", item.id);
      const unit = findLoad(loads, "stack_unit", item.unit === "cord" ? "cord" : "face-cord");
      const cord = findLoad(loads, "stack_unit", "cord");
      const perCord = wood.lbPerCord[item.condition];
      if (!perCord) throw new RangeError(`no ${item.condition} weight for ${wood.id}`);
      const cords = (item.amount * stackVolumeFt3(unit)) / stackVolumeFt3(cord);
      return {
        ...base,
        label: `${wood.name} firewood, ${item.condition}`,
        quantity: plural(item.amount, item.unit === "cord" ? "cord" : "face cord"),
        perUnit: { ...perCord, per: "cord" },
        weight: lbRangeToKg(perCord, cords),
        divisible: true,
        pieces: 0,
        pieceWeight: null,
        volume: m3(ft3ToM3(stackVolumeFt3(cord)) * cords),
        pieceMm: null,
        sources: linkSources([...wood.sources, ...unit.sources]),
        confidence: wood.confidence,
        notes: `${wood.notes} ${unit.notes}`,
      };
    }
    case "bulk": {
      const bulk = findLoad(loads, "bulk", item.id);
      return {
        ...base,
        label: bulk.name,
        quantity: plural(item.cubicYards, "cubic yard"),
        perUnit: { ...bulk.lbPerCubicYard, per: "cubic yard" },
        weight: lbRangeToKg(bulk.lbPerCubicYard, item.cubicYards),
        divisible: true,
        pieces: 0,
        pieceWeight: null,
        volume: yd3ToM3(yd3(item.cubicYards)),
        pieceMm: null,
        sources: linkSources(bulk.sources),
        confidence: bulk.confidence,
        notes: bulk.notes,
      };
    }
    case "hay_bale": {
      const bale = findLoad(loads, "hay_bale", item.id);
      const piece =
        bale.shape === "round"
          ? {
              length: inToMm(bale.sizeIn.diameterIn),
              width: inToMm(bale.sizeIn.widthIn),
              height: inToMm(bale.sizeIn.diameterIn),
              round: true,
            }
          : {
              length: inToMm(bale.sizeIn.lengthIn),
              width: inToMm(bale.sizeIn.widthIn),
              height: inToMm(bale.sizeIn.heightIn),
              round: false,
            };
      return countedPieces(base, bale, item.count, "bale", bale.lbPerBale, piece);
    }
    case "sheet": {
      const sheet = findLoad(loads, "sheet", item.id);
      const piece = {
        length: inToMm(sheet.sizeIn.lengthIn),
        width: inToMm(sheet.sizeIn.widthIn),
        height: inToMm(sheet.thicknessIn),
        round: false,
      };
      return countedPieces(base, sheet, item.count, "sheet", sheet.lbPerSheet, piece);
    }
    case "custom": {
      const one = kgRange(item.weightKg);
      const piece = item.sizeMm ? { ...item.sizeMm, round: false } : null;
      return {
        ...base,
        label: item.name,
        quantity: plural(item.count, "piece"),
        perUnit: null,
        weight: scaleRange(one, item.count),
        divisible: false,
        pieces: item.count,
        pieceWeight: one,
        volume: piece ? m3(pieceVolume(piece) * item.count) : null,
        pieceMm: piece,
        sources: [],
        confidence: "user",
        notes: piece
          ? "Weight and size as you gave them."
          : "Weight as you gave it; no size, so its volume is unknown.",
      };
    }
  }
}

/** A piece's own volume: a box, or a cylinder for a round bale (diameter = length = height). */
/** A load counted in whole pieces of one sourced weight and size (bales, sheets). */
function countedPieces(
  base: { index: number; kind: LoadItem["kind"] },
  record: Extract<HaulLoad, { kind: "hay_bale" | "sheet" }>,
  count: number,
  unit: string,
  lbPerPiece: WeightRange,
  piece: { length: number; width: number; height: number; round: boolean },
): HaulLine {
  const one = lbRangeToKg(lbPerPiece);
  return {
    ...base,
    label: record.name,
    quantity: plural(count, unit),
    perUnit: { ...lbPerPiece, per: unit },
    weight: scaleRange(one, count),
    divisible: false,
    pieces: count,
    pieceWeight: one,
    volume: m3(pieceVolume(piece) * count),
    pieceMm: piece,
    sources: linkSources(record.sources),
    confidence: record.confidence,
    notes: record.notes,
  };
}

export function pieceVolume(p: { length: number; width: number; height: number; round: boolean }): M3 {
  const mm3 = p.round ? Math.PI * (p.length / 2) ** 2 * p.width : p.length * p.width * p.height;
  return m3(mm3 / 1e9);
}
