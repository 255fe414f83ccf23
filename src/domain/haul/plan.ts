// The haul plan: what the load weighs (a range where the sources give one), whether it fits the payload
// and the bed, how many trips it takes, and trip 1 laid out for the drawing. Bulk loads count against the
// bed floor times a stated height (the side height unless the user gives another); where our data has no
// bed size the volume check is "unknown" and says why, and trips are counted by weight alone.
import type { HaulLoad } from "../../facts/schemas.js";
import { uniqueSources } from "../sources.js";
import type { Kg } from "../units/measures.js";
import { layoutTrip } from "./layout.js";
import { weighLine } from "./lines.js";
import { type Capacity, packTrips } from "./trips.js";
import type { HaulLine, HaulPlan, HaulTruck, LoadItem, PayloadFit, VolumeFit } from "./types.js";
import { addRanges, type KgRange, kgRange, m3 } from "./units.js";

export interface PlanOptions {
  /** How high the load may be piled, in mm above the bed floor; default: the side height. */
  loadHeightMm?: number | null;
}

function payloadFit(truck: HaulTruck, total: KgRange): PayloadFit {
  if (truck.payloadKg === null)
    return { status: "unknown", reason: `the payload of the ${truck.chassisCode} is not in our data` };
  const p = truck.payloadKg;
  const status = total.max <= p ? "fits" : total.min > p ? "exceeds" : "may_exceed";
  return { status, payloadKg: p };
}

function volumeFit(truck: HaulTruck, lines: HaulLine[], heightMm: number | null): VolumeFit {
  const { lengthMm, widthMm, sideHeightMm } = truck.bed;
  if (lengthMm === null || widthMm === null)
    return {
      status: "unknown",
      reason: `bed dimensions of the ${truck.chassisCode} are not in our data`,
    };
  const h = heightMm ?? sideHeightMm;
  if (h === null)
    return {
      status: "unknown",
      reason: `the side height of the ${truck.chassisCode} bed is not in our data; give a load height`,
    };
  const capacity = m3((lengthMm * widthMm * h) / 1e9);
  const load = m3(lines.reduce((s, l) => s + (l.volume ?? 0), 0));
  return {
    status: load <= capacity + 1e-9 ? "fits" : "exceeds",
    capacity,
    load,
    loadHeightMm: h,
    heightFrom: heightMm ? "user" : "side",
  };
}

export function planHaul(
  truck: HaulTruck,
  items: readonly LoadItem[],
  loads: readonly HaulLoad[],
  options: PlanOptions = {},
): HaulPlan {
  const lines = items.map((item, i) => weighLine(item, i, loads));
  const total = lines.reduce((t, l) => addRanges(t, l.weight), kgRange(0));
  const payload = payloadFit(truck, total);
  const volume = volumeFit(truck, lines, options.loadHeightMm ?? null);
  const notes: string[] = [];
  const overhangs: HaulPlan["overhangs"] = [];
  const { lengthMm, widthMm } = truck.bed;
  for (const l of lines) {
    if (!l.pieceMm || lengthMm === null || widthMm === null) continue;
    const long = Math.max(l.pieceMm.length, l.pieceMm.width);
    const short = Math.min(l.pieceMm.length, l.pieceMm.width);
    if (short > widthMm)
      overhangs.push({ line: l.index, label: l.label, byMm: short - widthMm, where: "sides" });
    else if (long > widthMm && long > lengthMm)
      overhangs.push({ line: l.index, label: l.label, byMm: long - lengthMm, where: "tailgate" });
  }
  if (lines.some((l) => l.volume === null))
    notes.push("Items without a size count by weight only: their volume is unknown.");
  if (payload.status === "unknown" || lines.length === 0)
    return {
      truck,
      lines,
      total,
      payload,
      volume,
      trips: null,
      cannotCarry: [],
      overhangs,
      layout: null,
      notes,
      sources: sourcesOf(truck, lines),
    };

  const cap: Capacity = { kg: payload.payloadKg, m3: volume.status === "unknown" ? null : volume.capacity };
  const typical = packTrips(lines, "typical", cap);
  const heavy = packTrips(lines, "max", cap);
  const cannotCarry = [...new Set([...heavy.tooHeavy])].map((i) => {
    const l = lines[i] as HaulLine;
    const always = typical.tooHeavy.includes(i);
    return {
      line: i,
      label: l.label,
      reason: always
        ? "one piece is heavier than the whole payload: it cannot be carried"
        : "one piece may be heavier than the payload at the heavy end of its range",
    };
  });
  const byWeight = Math.ceil(total.max / payload.payloadKg - 1e-9);
  const byVolume = cap.m3 === null ? null : Math.ceil(volumeTotal(lines) / cap.m3 - 1e-9);
  const trips = {
    typical: typical.trips.length,
    max: heavy.trips.length,
    byWeight,
    byVolume,
  };
  if (volume.status === "unknown") notes.push(`Trips are counted by weight only: ${volume.reason}.`);
  const first = typical.trips[0];
  const layout =
    first && volume.status !== "unknown" && lengthMm !== null && widthMm !== null
      ? layoutTrip(first, typical.trips.length, lines, {
          lengthMm,
          widthMm,
          loadHeightMm: volume.loadHeightMm,
        })
      : null;
  return {
    truck,
    lines,
    total,
    payload,
    volume,
    trips,
    cannotCarry,
    overhangs,
    layout,
    notes,
    sources: sourcesOf(truck, lines),
  };
}

const volumeTotal = (lines: HaulLine[]) => lines.reduce((s, l) => s + (l.volume ?? 0), 0);

function sourcesOf(truck: HaulTruck, lines: HaulLine[]) {
  return uniqueSources([truck.sources, ...lines.map((l) => l.sources)]);
}

export type { Kg };
