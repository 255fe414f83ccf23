// The outlines of the 50 states and DC, from the Census Bureau's cartographic boundaries as packaged by
// us-atlas (public domain; `states-albers-10m.json` is already projected to an Albers USA frame of
// 975×610, Alaska and Hawaii inset). Read once, turned into compact SVG path data once, then reused.
import { createRequire } from "node:module";
import { geoPath } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { stateCodeForFips } from "../../domain/geo/state-fips.js";
import { CompactPath } from "./compact-path.js";

export const MAP_WIDTH = 975;
export const MAP_HEIGHT = 610;

export interface StateShape {
  code: string;
  /** The Census name, e.g. "District of Columbia". */
  name: string;
  /** SVG path data in the 975×610 frame. */
  d: string;
  /** Where a label goes: the centre of the largest piece (Michigan's lower peninsula, not the lake). */
  labelAt: [number, number];
  /** Area of the largest piece, in square units of the frame: tells whether a label fits. */
  area: number;
}

type StateFeature = Feature<Polygon | MultiPolygon, { name: string }>;

function largestPiece(f: StateFeature): Feature<Polygon> {
  const g = f.geometry;
  const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  const measure = geoPath(null);
  const pieces = polygons.map(
    (coordinates): Feature<Polygon> => ({
      type: "Feature",
      properties: {},
      geometry: { type: "Polygon", coordinates },
    }),
  );
  return pieces.reduce((a, b) => (measure.area(b) > measure.area(a) ? b : a));
}

function loadShapes(): ReadonlyMap<string, StateShape> {
  const require = createRequire(import.meta.url);
  const us = require("us-atlas/states-albers-10m.json") as Topology<{ states: GeometryCollection }>;
  const features = feature(us, us.objects.states).features as StateFeature[];
  const context = new CompactPath();
  const draw = geoPath(null, context);
  const measure = geoPath(null);
  const shapes = new Map<string, StateShape>();
  for (const f of features) {
    const code = stateCodeForFips(String(f.id));
    if (!code) continue;
    draw(f);
    const piece = largestPiece(f);
    const [x, y] = measure.centroid(piece);
    shapes.set(code, {
      code,
      name: f.properties.name,
      d: context.take(),
      labelAt: [Math.round(x), Math.round(y)],
      area: measure.area(piece),
    });
  }
  return shapes;
}

let shapes: ReadonlyMap<string, StateShape> | null = null;

/** Every state's shape by USPS code; computed on first use (a few tens of milliseconds), then kept. */
export function stateShapes(): ReadonlyMap<string, StateShape> {
  shapes ??= loadShapes();
  return shapes;
}
