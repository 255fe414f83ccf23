// Use case: the haul plan. Turns the validated query into load items (the rows a user filled in), checks
// what the schema cannot (an amount without its kind, a green weight the data does not have), and asks
// the planner. Units at this edge: custom weights in lb or kg, sizes and the load height in inches.
import { haulTruck, inToMm, type LoadItem, planHaul } from "../domain/haul/index.js";
import { KG_PER_LB } from "../domain/units/measures.js";
import type { Facts } from "../facts/schemas.js";
import { AppError } from "./app-error.js";
import { CUSTOM_ROWS, DEFAULT_HAUL_CODE, type HaulQuery } from "./haul.schema.js";

const missing = (field: string, what: string) => new AppError("invalid_input", `${field}: ${what}`, field);

export function haulItems(facts: Facts, q: HaulQuery): LoadItem[] {
  const items: LoadItem[] = [];
  if (q.wood || q.woodAmt !== undefined) {
    if (!q.wood) throw missing("wood", "choose a firewood species");
    if (q.woodAmt === undefined) throw missing("woodAmt", "give how much firewood (e.g. 0.5)");
    const condition = q.woodCond ?? "seasoned";
    const wood = facts.haulLoads.find((l) => l.id === q.wood);
    if (wood?.kind === "firewood" && !wood.lbPerCord[condition])
      throw missing("woodCond", `we have no sourced ${condition} weight for ${wood.name}; choose the other`);
    items.push({ kind: "firewood", id: q.wood, condition, amount: q.woodAmt, unit: q.woodUnit ?? "cord" });
  }
  if (q.hay || q.hayN !== undefined) {
    if (!q.hay) throw missing("hay", "choose a bale type");
    if (q.hayN === undefined) throw missing("hayN", "give the number of bales");
    items.push({ kind: "hay_bale", id: q.hay, count: q.hayN });
  }
  if (q.bulk || q.bulkYd !== undefined) {
    if (!q.bulk) throw missing("bulk", "choose a material");
    if (q.bulkYd === undefined) throw missing("bulkYd", "give the cubic yards");
    items.push({ kind: "bulk", id: q.bulk, cubicYards: q.bulkYd });
  }
  if (q.sheet || q.sheetN !== undefined) {
    if (!q.sheet) throw missing("sheet", "choose a sheet type");
    if (q.sheetN === undefined) throw missing("sheetN", "give the number of sheets");
    items.push({ kind: "sheet", id: q.sheet, count: q.sheetN });
  }
  const r = q as Record<string, string | number | undefined>;
  for (const n of CUSTOM_ROWS) {
    const name = r[`c${n}name`] as string | undefined;
    const weight = r[`c${n}weight`] as number | undefined;
    const dims = [r[`c${n}len`], r[`c${n}wid`], r[`c${n}hgt`]] as (number | undefined)[];
    if (name === undefined && weight === undefined) continue;
    if (name === undefined) throw missing(`c${n}name`, "name the item");
    if (weight === undefined) throw missing(`c${n}weight`, `give the weight of ${name}`);
    const given = dims.filter((d) => d !== undefined).length;
    if (given > 0 && given < 3) throw missing(`c${n}len`, `give all three sizes of ${name}, or none`);
    const [length, width, height] = dims.map((d) => inToMm(d ?? 0));
    items.push({
      kind: "custom",
      name,
      weightKg: r[`c${n}unit`] === "kg" ? weight : weight * KG_PER_LB,
      count: (r[`c${n}qty`] as number | undefined) ?? 1,
      sizeMm: given === 3 ? { length: length ?? 0, width: width ?? 0, height: height ?? 0 } : null,
    });
  }
  return items;
}

export function haulFor(facts: Facts, q: HaulQuery) {
  const code = q.code ?? DEFAULT_HAUL_CODE;
  const entry = facts.catalog.find((e) => e.chassisCode === code);
  if (!entry) throw new AppError("unknown_chassis_code", `code: unknown chassis code ${code}`, "code");
  const items = haulItems(facts, q);
  if (items.length === 0) throw missing("wood", "add something to carry");
  return planHaul(haulTruck(entry, facts.haulLoads), items, facts.haulLoads, {
    loadHeightMm: q.height === undefined ? null : inToMm(q.height),
  });
}
