// A chassis code's specifications as rows a page can show in metric and US units. A value the catalog
// does not have is "unknown" (an empty list too: it means nobody recorded one, not that there is
// none), and a value the catalog lists in `unverifiedFields` is flagged, never silently trusted.
import type { CatalogEntry } from "../../facts/schemas.js";
import { cc, ccToCuIn, kg, kgToLb, mm, mmToIn, ps, psToHp, roundTo } from "../units/measures.js";

export type SpecValue =
  | { kind: "unknown" }
  | { kind: "text"; text: string }
  | { kind: "list"; items: string[] }
  /** A measured amount: the catalog's metric value and its US conversion, rounded for display. */
  | { kind: "measure"; metric: number; metricUnit: string; us: number; usUnit: string };

export interface SpecRow {
  /** The catalog field (or fields, comma-separated) the row shows. */
  field: string;
  label: string;
  value: SpecValue;
  /** The catalog marks the value as not verified against a source. */
  unverified: boolean;
}

const UNKNOWN: SpecValue = { kind: "unknown" };

function measure(
  v: number | null,
  metricUnit: string,
  toUs: (n: number) => number,
  usUnit: string,
  usDecimals: number,
): SpecValue {
  if (v === null) return UNKNOWN;
  return { kind: "measure", metric: v, metricUnit, us: roundTo(toUs(v), usDecimals), usUnit };
}

const weight = (v: number | null) => measure(v, "kg", (n) => kgToLb(kg(n)), "lb", 0);
const length = (v: number | null) => measure(v, "mm", (n) => mmToIn(mm(n)), "in", 1);
const list = (items: readonly string[]): SpecValue =>
  items.length === 0 ? UNKNOWN : { kind: "list", items: [...items] };
const text = (t: string | null): SpecValue =>
  t === null || t.trim() === "" ? UNKNOWN : { kind: "text", text: t };

/** "1999-01 to 2001-09", "2013-08 to today (in production)", "unknown to 1986-04". */
export function productionText(e: Pick<CatalogEntry, "productionStart" | "productionEnd" | "inProduction">) {
  const start = e.productionStart ?? "unknown";
  if (e.inProduction) return `${start} to today (in production)`;
  return `${start} to ${e.productionEnd ?? "unknown"}`;
}

const DRIVE_TEXT = { "2WD": "2WD", "4WD": "4WD", both: "2WD and 4WD under this code" } as const;

export function specRows(e: CatalogEntry): SpecRow[] {
  const unverified = (...fields: string[]) => fields.some((f) => e.unverifiedFields.includes(f));
  const row = (field: string, label: string, value: SpecValue): SpecRow => ({
    field,
    label,
    value,
    unverified: value.kind !== "unknown" && unverified(...field.split(",")),
  });
  const production: SpecValue =
    e.productionStart === null && e.productionEnd === null && !e.inProduction
      ? UNKNOWN
      : { kind: "text", text: productionText(e) };
  return [
    row("productionStart,productionEnd", "Built", production),
    row("drive", "Drive", e.drive === null ? UNKNOWN : { kind: "text", text: DRIVE_TEXT[e.drive] }),
    row("engineCodes", "Engine", list(e.engineCodes)),
    row(
      "displacementCc",
      "Displacement",
      measure(e.displacementCc, "cc", (n) => ccToCuIn(cc(n)), "cu in", 1),
    ),
    row(
      "cylinders",
      "Cylinders",
      e.cylinders === null ? UNKNOWN : { kind: "text", text: String(e.cylinders) },
    ),
    row(
      "powerPs",
      "Power",
      measure(e.powerPs, "PS", (n) => psToHp(ps(n)), "hp", 0),
    ),
    row("transmissions", "Transmissions", list(e.transmissions)),
    row("layout", "Layout", text(e.layout)),
    row("payloadKg", "Payload", weight(e.payloadKg)),
    row("curbWeightKg", "Curb weight", weight(e.curbWeightKg)),
    row("bedLengthMm", "Bed length", length(e.bedLengthMm)),
    row("bedFloorLengthMm", "Bed floor length", length(e.bedFloorLengthMm)),
    row("bedWidthMm", "Bed width", length(e.bedWidthMm)),
    row("dimensions.lengthMm", "Overall length", length(e.dimensions.lengthMm)),
    row("dimensions.widthMm", "Overall width", length(e.dimensions.widthMm)),
    row("dimensions.heightMm", "Overall height", length(e.dimensions.heightMm)),
    row("dimensions.wheelbaseMm", "Wheelbase", length(e.dimensions.wheelbaseMm)),
    row("bodyStyles", "Body styles", list(e.bodyStyles)),
  ];
}

/** How many of a record's spec rows are unknown: a quick measure of how much the catalog knows. */
export function countUnknown(rows: readonly SpecRow[]): number {
  return rows.filter((r) => r.value.kind === "unknown").length;
}
