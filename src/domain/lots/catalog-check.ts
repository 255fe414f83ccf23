// A lot's own drive and engine size against its catalog record's: a mismatch is a warning (a wrong
// code or a typo), never a change to the answer.
import type { CatalogEntry } from "../../facts/schemas.js";
import type { Lot, LotIssue, LotVehicle } from "./types.js";

/** The lot's own drive and engine size against the catalog's, where both are known. */
export function checkAgainstCatalog(lot: Lot, v: LotVehicle, entry: CatalogEntry, out: LotIssue[]): void {
  if (lot.drive && (v.drive === "2WD" || v.drive === "4WD") && lot.drive !== v.drive)
    out.push({
      line: lot.line,
      column: "drive",
      reason: `the lot says ${lot.drive}, but ${v.chassisCode} is ${v.drive} in the catalog`,
    });
  const cc = entry.displacementCc;
  // Kei 660 engines read 656-659 cc on lists; 30 cc apart is another engine.
  if (lot.displacementCc !== null && cc !== null && Math.abs(lot.displacementCc - cc) > 30)
    out.push({
      line: lot.line,
      column: "displacement_cc",
      reason: `${lot.displacementCc} cc does not match ${v.chassisCode} (${cc} cc in the catalog)`,
    });
}
