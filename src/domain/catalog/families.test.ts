import { describe, expect, it } from "vitest";
import { loadFacts } from "../../facts/load.js";
import {
  catalogTree,
  familyOfEntry,
  findChassisCode,
  findFamily,
  makeSlugOf,
  modelSlugOf,
  ordinal,
  rebadgesOf,
  rebadgeTargets,
  slugify,
} from "./families.js";

const { catalog } = loadFacts();
const tree = catalogTree(catalog);
const byCode = (code: string) => findChassisCode(catalog, code)!;

describe("slugs", () => {
  it("are lower-case letters, digits and hyphens", () => {
    expect(slugify("  NT100 Clipper ")).toBe("nt100-clipper");
    expect(slugify("Ｓｕｚｕｋｉ")).toBe("suzuki");
    expect(slugify("Acty Truck (TN-Acty)")).toBe("acty-truck-tn-acty");
  });

  it("take the family from the catalog id, and fall back to the model name", () => {
    expect(modelSlugOf(byCode("DA63T"))).toBe("carry");
    expect(modelSlugOf(byCode("DA65T"))).toBe("carry");
    expect(modelSlugOf(byCode("DG51T"))).toBe("scrum");
    expect(modelSlugOf({ id: "x1", make: "Suzuki", model: "Every Truck", chassisCode: "DA64T" })).toBe(
      "every-truck",
    );
    expect(modelSlugOf({ id: "suzuki--da1", make: "Suzuki", model: "Carry", chassisCode: "DA1" })).toBe(
      "carry",
    );
  });

  it("never let a make slug, a chassis code or 'compare' stand for one another", () => {
    const codes = new Set(catalog.flatMap((e) => [e.chassisCode.toLowerCase(), e.framePrefix.toLowerCase()]));
    for (const m of tree) expect(codes.has(m.slug), m.slug).toBe(false);
    expect(codes.has("compare")).toBe(false);
    expect(tree.some((m) => m.slug === "compare")).toBe(false);
  });
});

describe("catalogTree", () => {
  it("files all 76 codes under makes and families, each once", () => {
    const codes = tree.flatMap((m) => m.families.flatMap((f) => f.generations.flatMap((g) => g.entries)));
    expect(codes).toHaveLength(catalog.length);
    expect(new Set(codes.map((e) => e.id)).size).toBe(catalog.length);
    expect(tree.map((m) => m.slug)).toEqual([
      "daihatsu",
      "honda",
      "mazda",
      "mitsubishi",
      "nissan",
      "subaru",
      "suzuki",
      "toyota",
    ]);
  });

  it("names a family by its most common model name and keeps the others", () => {
    const { family } = findFamily(tree, "suzuki", "carry");
    expect(family?.name).toBe("Carry Truck");
    expect(family?.names).toEqual(
      expect.arrayContaining([
        "Carry Truck",
        "Carry Truck / Super Carry",
        "Carry Truck (FC short-wheelbase)",
      ]),
    );
    expect(family?.generations.map((g) => g.number)).toEqual([8, 9, 10, 11]);
    const tenth = family?.generations.find((g) => g.number === 10);
    expect(tenth?.entries.map((e) => e.chassisCode)).toEqual(["DA52T", "DB52T", "DA62T", "DA63T", "DA65T"]);
    expect(tenth?.labels.length).toBe(4);
  });

  it("finds families case-insensitively and says which part is unknown", () => {
    expect(findFamily(tree, "Honda", "ACTY").family?.entries.length).toBeGreaterThan(5);
    expect(findFamily(tree, "honda", "civic")).toMatchObject({ make: { slug: "honda" }, family: undefined });
    expect(findFamily(tree, "ford", "carry")).toEqual({ make: undefined, family: undefined });
    expect(familyOfEntry(tree, byCode("TT2")).slug).toBe("sambar");
  });
});

describe("findChassisCode", () => {
  it("matches exact codes in any case, never near misses", () => {
    expect(findChassisCode(catalog, " da63t ")?.id).toBe("suzuki-carry-da63t");
    expect(findChassisCode(catalog, "DA63")).toBeUndefined();
    expect(findChassisCode(catalog, "S21")).toBeUndefined();
  });
});

describe("rebadges", () => {
  it("finds the codes a rebadge names, and the other way round", () => {
    expect(rebadgeTargets(byCode("DG41T"), catalog).map((e) => e.chassisCode)).toEqual(["DA71T", "DB71T"]);
    expect(rebadgeTargets(byCode("DG51T"), catalog)).toEqual([]);
    expect(rebadgeTargets(byCode("DA16T"), catalog)).toEqual([]);
    expect(
      rebadgesOf(byCode("DA16T"), catalog)
        .map((e) => e.chassisCode)
        .sort(),
    ).toEqual(["DG16T", "DR16T", "DS16T"]);
  });
});

describe("ordinal", () => {
  it("spells English ordinals", () => {
    expect([1, 2, 3, 4, 10, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "10th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
    ]);
  });
});

it("make slugs are the make names in lower case", () => {
  expect(makeSlugOf({ make: "Mitsubishi" })).toBe("mitsubishi");
});
