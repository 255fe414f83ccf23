// A lot's fair US price: the deal model's estimate for its truck, year, mileage, drive and bed (the groups
// resolved once per truck), else the fact data's typical range, else why there is none.
import { estimateWithGroups, type FairGroups } from "../pricing/estimate.js";
import type { BedType, DealModel, Drive } from "../pricing/types.js";
import type { FairPriceAnswer, Lot, LotVehicle } from "./types.js";

const DUMP = /dump|ダンプ/i;

export function fairPrice(
  model: DealModel | null,
  factRange: FairPriceAnswer | null,
  lot: Lot,
  vehicle: LotVehicle | null,
  groups: FairGroups | null,
): FairPriceAnswer {
  if (!vehicle) return { source: "none", reason: "the truck is not identified" };
  if (model && groups) {
    const drive: Drive | null =
      vehicle.drive === "both" || vehicle.drive === null ? lot.drive : vehicle.drive;
    const bedType: BedType = DUMP.test(lot.model ?? "") || DUMP.test(lot.trim ?? "") ? "dump" : "standard";
    const fair = estimateWithGroups(model, groups, {
      make: vehicle.make,
      model: vehicle.model,
      generation: vehicle.generation,
      year: lot.year,
      // Under 1,000 km may be thousands of km ("48" for 48,000): read as 48 km the model would price a
      // nearly new truck and the margin would top the list, so the doubtful mileage is left out (the
      // estimate then has the wider spread of an unknown mileage).
      mileageKm: lot.mileageFlag === "low" ? null : lot.mileageKm,
      drive,
      bedType,
    });
    if (fair.kind === "estimate")
      return {
        source: "model",
        fairCents: fair.fairCents,
        lowCents: fair.lowCents,
        highCents: fair.highCents,
        comparables: fair.comparables,
        level: fair.level,
      };
    if (!factRange)
      return { source: "none", reason: `${fair.comparables} comparables, ${fair.needed} needed` };
  }
  return factRange ?? { source: "none", reason: "no fair-price model and no typical range in the fact data" };
}
