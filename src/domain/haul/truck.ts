// The truck a plan is for: payload and bed length and width from the catalog, the side height from
// haul-loads.json. Where a figure is missing it stays null, and the plan says what it cannot check.
import type { CatalogEntry, HaulLoad } from "../../facts/schemas.js";
import { linkSources, uniqueSources } from "../sources.js";
import type { HaulTruck } from "./types.js";

export function haulTruck(entry: CatalogEntry, loads: readonly HaulLoad[]): HaulTruck {
  const side = loads.find(
    (l): l is Extract<HaulLoad, { kind: "bed_side" }> =>
      l.kind === "bed_side" && l.chassisCodes.includes(entry.chassisCode),
  );
  // The catalog's bedLengthMm is the usable length at the sides; the floor length runs further under
  // the cab on some trucks, so the shorter figure is the one a load can count on.
  const lengths = [entry.bedLengthMm, entry.bedFloorLengthMm].filter((v): v is number => v !== null);
  return {
    chassisCode: entry.chassisCode,
    label: `${entry.make} ${entry.model} ${entry.chassisCode}`,
    payloadKg: entry.payloadKg,
    bed: {
      lengthMm: lengths.length ? Math.min(...lengths) : null,
      widthMm: entry.bedWidthMm,
      sideHeightMm: side?.sideHeightMm ?? null,
    },
    sources: uniqueSources([linkSources(entry.sources), linkSources(side?.sources ?? [])]),
    confidence: entry.confidence,
  };
}
