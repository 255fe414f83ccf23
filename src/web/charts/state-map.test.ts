import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { stateCodeForFips } from "../../domain/geo/state-fips.js";
import { legalityMap } from "../../domain/legality/map-data.js";
import { listStreetLegality } from "../../domain/legality/street-legality.js";
import type { IsoDate } from "../../domain/units/dates.js";
import { loadFacts } from "../../facts/load.js";
import { CALLOUTS, memoizeByKey, renderStateMap, stateMapSvg } from "./state-map.js";
import { stateShapes } from "./us-states-geometry.js";

const facts = loadFacts();
const mapOn = (d: string) => legalityMap(listStreetLegality(facts.stateRules, d as IsoDate));

describe("the state outlines", () => {
  it("every us-atlas state is one of our 51 codes, under the fact data's name", () => {
    const us = createRequire(import.meta.url)("us-atlas/states-albers-10m.json") as Topology<{
      states: GeometryCollection;
    }>;
    const ids = us.objects.states.geometries.map((g) => String(g.id));
    expect(ids).toHaveLength(51);
    const shapes = stateShapes();
    expect(shapes.size).toBe(51);
    for (const id of ids) expect(stateCodeForFips(id)).not.toBeNull();
    for (const rule of facts.stateRules) expect(shapes.get(rule.code)?.name).toBe(rule.name);
  });

  it("draws every state with path data inside the frame", () => {
    for (const s of stateShapes().values()) {
      expect(s.d).toMatch(/^M\d+ \d+l/);
      expect(s.labelAt[0]).toBeGreaterThanOrEqual(0);
      expect(s.labelAt[0]).toBeLessThanOrEqual(975);
      expect(s.labelAt[1]).toBeGreaterThanOrEqual(0);
      expect(s.labelAt[1]).toBeLessThanOrEqual(610);
    }
  });
});

describe("the state map", () => {
  const map = mapOn("2026-11-24");
  const svg = renderStateMap(map, stateShapes());

  it("links every state and DC to its page, named by its status and confidence", () => {
    const links = [
      ...svg.matchAll(
        /<a href="\/states\/([A-Z]{2})" aria-labelledby="m-t-\1"><title id="m-t-\1">([^<]+)<\/title>/g,
      ),
    ];
    expect(links).toHaveLength(51);
    const tx = map.regions.find((r) => r.code === "TX")!;
    expect(links.find((l) => l[1] === "TX")?.[2]).toBe(tx.label);
    expect(tx.label).toMatch(/^Texas: .+ \(confidence (high|medium|low)\)$/);
  });

  it("fills by pattern as well as colour, and dashes every low-confidence record", () => {
    for (const status of ["restricted", "offroad_only", "prohibited", "unclear"])
      expect(svg).toContain(`<pattern id="m-${status}"`);
    const dashedShapes = svg.match(/<path class="lc"/g) ?? [];
    expect(dashedShapes).toHaveLength(map.lowConfidenceCount);
    expect(map.lowConfidenceCount).toBeGreaterThan(0);
    const unclear = map.regions.filter((r) => r.status === "unclear").length;
    expect(svg.match(/fill="url\(#m-unclear\)" d=/g)).toHaveLength(unclear);
  });

  it("gives DC and the small north-eastern states a labelled box offshore", () => {
    for (const code of CALLOUTS) {
      const link = svg.slice(svg.indexOf(`<a href="/states/${code}"`));
      const own = link.slice(0, link.indexOf("</a>"));
      expect(own).toMatch(/<rect class="c( lc)?" width="14" height="14"/);
      expect(own).toContain(`>${code}</text>`);
    }
  });

  it("stays small: the SVG compresses to under 16 KB", () => {
    expect(gzipSync(svg).length).toBeLessThan(16_000);
  });

  it("is built once per distinct map", () => {
    let builds = 0;
    const cached = memoizeByKey((m: { key: string }) => `svg ${m.key} ${++builds}`);
    expect(cached({ key: "a" })).toBe("svg a 1");
    expect(cached({ key: "a" })).toBe("svg a 1");
    expect(cached({ key: "b" })).toBe("svg b 2");
    expect(builds).toBe(2);
    expect(stateMapSvg(mapOn("2026-11-24"))).toBe(stateMapSvg(mapOn("2027-03-01")));
    expect(stateMapSvg(mapOn("2027-12-31"))).not.toBe(stateMapSvg(mapOn("2028-01-01")));
  });
});
