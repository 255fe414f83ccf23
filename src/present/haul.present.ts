// The public shape of a haul plan (/api/v1/haul): weights in lb and kg rounded to 0.1, volumes in cubic
// feet, "unknown" kept as a status with its reason, every line with its sources and confidence.
import type { HaulPlan, KgRange } from "../domain/haul/index.js";
import { m3ToFt3 } from "../domain/haul/index.js";
import type { M3 } from "../domain/haul/units.js";
import { kgToLb } from "../domain/units/measures.js";

const r1 = (v: number) => Math.round(v * 10) / 10;
const lbs = (r: KgRange) => ({
  min: r1(kgToLb(r.min)),
  typical: r1(kgToLb(r.typical)),
  max: r1(kgToLb(r.max)),
});
const kgs = (r: KgRange) => ({ min: r1(r.min), typical: r1(r.typical), max: r1(r.max) });
const ft3 = (v: M3) => r1(m3ToFt3(v));

export function presentHaulPlan(p: HaulPlan) {
  return {
    truck: {
      chassisCode: p.truck.chassisCode,
      label: p.truck.label,
      payloadKg: p.truck.payloadKg,
      bed: p.truck.bed,
      confidence: p.truck.confidence,
    },
    totalLb: lbs(p.total),
    totalKg: kgs(p.total),
    payload: p.payload,
    volume:
      p.volume.status === "unknown"
        ? p.volume
        : {
            status: p.volume.status,
            loadFt3: ft3(p.volume.load),
            capacityFt3: ft3(p.volume.capacity),
            loadHeightMm: r1(p.volume.loadHeightMm),
            heightFrom: p.volume.heightFrom,
          },
    trips: p.trips,
    lines: p.lines.map((l) => ({
      kind: l.kind,
      label: l.label,
      quantity: l.quantity,
      perUnitLb: l.perUnit,
      totalLb: lbs(l.weight),
      totalKg: kgs(l.weight),
      volumeFt3: l.volume === null ? null : ft3(l.volume),
      confidence: l.confidence,
      notes: l.notes,
      sources: l.sources.map((s) => ({ title: s.title, url: s.url })),
    })),
    cannotCarry: p.cannotCarry,
    overhangs: p.overhangs.map((o) => ({ ...o, byMm: r1(o.byMm) })),
    notes: p.notes,
  };
}
