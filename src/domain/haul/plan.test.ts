import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import { kgToLb } from "../units/measures.js";
import { planHaul } from "./plan.js";
import { haulTruck } from "./truck.js";
import type { LoadItem } from "./types.js";

const facts = loadFacts();
const truck = (code: string) => {
  const entry = facts.catalog.find((e) => e.chassisCode === code);
  if (!entry) throw new Error(code);
  return haulTruck(entry, facts.haulLoads);
};
const plan = (code: string, items: LoadItem[], loadHeightMm?: number) =>
  planHaul(truck(code), items, facts.haulLoads, { loadHeightMm });
const lb = (kg: number) => Math.round(kgToLb(kg as never));

describe("the haul truck", () => {
  it("takes payload and bed from the catalog and the side height from the haul facts", () => {
    expect(truck("DA16T")).toMatchObject({
      payloadKg: 350,
      bed: { lengthMm: 1940, widthMm: 1410, sideHeightMm: 290 },
    });
    expect(truck("S500P").bed.sideHeightMm).toBe(285);
    expect(truck("DA71T").bed).toEqual({ lengthMm: null, widthMm: null, sideHeightMm: null });
    expect(truck("DA16T").sources.some((s) => s.url?.includes("automesseweb"))).toBe(true);
  });
});

describe("planHaul", () => {
  it("a face cord of seasoned red oak is too heavy and too big for one trip", () => {
    const p = plan("DA16T", [
      { kind: "firewood", id: "firewood-red-oak", condition: "seasoned", amount: 1, unit: "face_cord" },
    ]);
    // 1/3 of 3,144-3,528 lb per cord
    expect(lb(p.total.min)).toBe(1048);
    expect(lb(p.total.max)).toBe(1176);
    expect(p.payload.status).toBe("exceeds");
    expect(p.volume).toMatchObject({ status: "exceeds", loadHeightMm: 290, heightFrom: "side" });
    expect(p.trips).toMatchObject({ typical: 2, max: 2, byWeight: 2, byVolume: 2 });
    expect(p.lines[0]?.sources.map((s) => s.url)).toContain(
      "https://extension.usu.edu/forestry/resources/forest-products/wood-heating.php",
    );
    expect(p.layout?.shapes[0]).toMatchObject({ kind: "band", x: 0, y: 0, h: 1410 });
  });

  it("ten 2-string bales fit the payload but not level with the sides; a higher load fits in one trip", () => {
    const bales: LoadItem[] = [{ kind: "hay_bale", id: "hay-2-string", count: 10 }];
    const low = plan("DA16T", bales);
    expect(lb(low.total.max)).toBe(750);
    expect(low.payload.status).toBe("fits");
    expect(low.volume.status).toBe("exceeds");
    expect(low.trips?.typical).toBe(2);
    const high = plan("DA16T", bales, 900);
    expect(high.volume).toMatchObject({ status: "fits", heightFrom: "user", loadHeightMm: 900 });
    expect(high.trips).toMatchObject({ typical: 1, max: 1 });
    const drawn = high.layout?.shapes.reduce((n, s) => n + s.count, 0);
    expect(drawn).toBe(10);
  });

  it("says the volume is unknown where the catalog has no bed size, and counts trips by weight", () => {
    const p = plan("DA71T", [{ kind: "bulk", id: "bulk-mulch", cubicYards: 1 }]);
    expect(p.payload.status).toBe("may_exceed"); // 600-1,000 lb against 772 lb
    expect(p.volume).toEqual({
      status: "unknown",
      reason: "bed dimensions of the DA71T are not in our data",
    });
    expect(p.trips).toMatchObject({ typical: 2, max: 2, byWeight: 2, byVolume: null });
    expect(p.layout).toBeNull();
    expect(p.notes.join(" ")).toMatch(/counted by weight only/);
  });

  it("a round bale heavier than the payload cannot be carried; a 4x4 bale may be", () => {
    const big = plan("DA16T", [{ kind: "hay_bale", id: "hay-round-5x5", count: 1 }]);
    expect(big.payload.status).toBe("exceeds");
    expect(big.cannotCarry).toEqual([
      {
        line: 0,
        label: "Round bale 5 x 5 ft",
        reason: "one piece is heavier than the whole payload: it cannot be carried",
      },
    ]);
    const small = plan("DA16T", [{ kind: "hay_bale", id: "hay-round-4x4", count: 1 }]);
    expect(small.payload.status).toBe("may_exceed"); // 563-800 lb
    expect(small.cannotCarry[0]?.reason).toMatch(/may be heavier/);
    expect(small.trips?.typical).toBe(1);
  });

  it("4x8 sheets overhang the tailgate by the difference to the bed length", () => {
    const p = plan("DA16T", [{ kind: "sheet", id: "drywall-1-2", count: 6 }]);
    expect(p.overhangs).toMatchObject([{ line: 0, label: "Drywall 1/2 in., 4 x 8 ft", where: "tailgate" }]);
    expect(p.overhangs[0]?.byMm).toBeCloseTo(2438.4 - 1940, 6);
    expect(p.payload.status).toBe("fits"); // 6 x 57.6 lb = 346 lb
    const stack = p.layout?.shapes[0];
    expect(stack?.count).toBe(6);
    expect(stack?.w).toBeCloseTo(2438.4, 6);
    expect(p.layout?.extentMm.x).toBeCloseTo(2438.4, 6);
  });

  it("counts custom items by the weight given and flags one heavier than the payload", () => {
    const p = plan("DA16T", [
      {
        kind: "custom",
        name: "Generator",
        weightKg: 120,
        count: 2,
        sizeMm: { length: 700, width: 500, height: 550 },
      },
      { kind: "custom", name: "Safe", weightKg: 400, count: 1, sizeMm: null },
    ]);
    expect(p.payload.status).toBe("exceeds");
    expect(p.cannotCarry.map((c) => c.label)).toEqual(["Safe"]);
    expect(p.trips?.typical).toBe(1); // the two generators together: 240 kg
    expect(p.notes.join(" ")).toMatch(/without a size/);
    expect(p.lines[1]?.confidence).toBe("user");
  });

  it("a small load fits in one trip on both counts", () => {
    const p = plan("S500P", [{ kind: "bulk", id: "bulk-gravel", cubicYards: 0.25 }]);
    expect(p.payload.status).toBe("fits"); // 650-750 lb
    expect(p.volume.status).toBe("fits");
    expect(p.trips).toMatchObject({ typical: 1, max: 1 });
  });
});
