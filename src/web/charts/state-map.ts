// The street-legality choropleth as an SVG string: each state a link to its page, filled by status with
// a pattern as well as a colour (so it never relies on colour alone), uncertain records drawn with a
// dashed outline and faded, and the small north-eastern states and DC given labelled boxes offshore
// that are easier to see and to tap. The SVG depends only on what `legalityMap` returns, so it is built
// once per distinct map (its `key`) and reused.

import type { LegalityMap, MapRegion } from "../../domain/legality/map-data.js";
import type { LegalityStatus } from "../../facts/schemas.js";
import { MAP_HEIGHT, MAP_WIDTH, type StateShape, stateShapes } from "./us-states-geometry.js";

/** Shapes too small to click or label comfortably: each gets a box in the Atlantic, top to bottom. */
export const CALLOUTS: readonly string[] = ["VT", "NH", "MA", "RI", "CT", "NJ", "DE", "MD", "DC"];
const CALLOUT_X = 930;
const CALLOUT_TOP = 122;
const CALLOUT_STEP = 24;
// One tile of the question-mark pattern, two of the stripes.
const BOX = 14;
/** Below this area (square units of the frame) a shape gets no label of its own. */
const LABEL_MIN_AREA = 1500;

/** The fill of each status: a flat colour for "street legal", a pattern on a tint for the others. */
export const STATUS_FILL: Record<LegalityStatus, string> = {
  street_legal: "#1b7f4c",
  restricted: "url(#m-restricted)",
  offroad_only: "url(#m-offroad_only)",
  prohibited: "url(#m-prohibited)",
  unclear: "url(#m-unclear)",
};

// Stripes (restricted), dots (off-road only), crosses (prohibited) and question marks (unclear).
const DEFS =
  "<defs>" +
  '<pattern id="m-restricted" width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
  '<rect width="7" height="7" fill="#b5e0c6"/><path d="M0 0v7" stroke="#1b7f4c" stroke-width="3"/></pattern>' +
  '<pattern id="m-offroad_only" width="7" height="7" patternUnits="userSpaceOnUse">' +
  '<rect width="7" height="7" fill="#f6d9a8"/><circle cx="3.5" cy="3.5" r="1.7" fill="#8a5a00"/></pattern>' +
  '<pattern id="m-prohibited" width="8" height="8" patternUnits="userSpaceOnUse">' +
  '<rect width="8" height="8" fill="#f2bdb6"/><path d="M0 0l8 8M8 0l-8 8" stroke="#9b2c1f" stroke-width="1.3"/></pattern>' +
  '<pattern id="m-unclear" width="14" height="14" patternUnits="userSpaceOnUse">' +
  '<rect width="14" height="14" fill="#e6e3dc"/><text x="4" y="11" font-size="11" font-family="sans-serif" fill="#4a4f57">?</text></pattern>' +
  "</defs>";

// Scoped to the map; the legend's swatches reuse the same classes.
export const MAP_CSS =
  ".map svg{display:block;width:100%;height:auto}" +
  ".map path,.map rect.c{stroke:#fff;stroke-width:.75}" +
  ".map path.lc,.map rect.lc{fill-opacity:.6;stroke:#1d2327;stroke-width:1;stroke-dasharray:4 3}" +
  ".map a:hover path,.map a:focus path,.map a:hover rect.c,.map a:focus rect.c{stroke:#000;stroke-width:2.5;stroke-dasharray:none;fill-opacity:1}" +
  ".map a:focus{outline:none}.map text{font:600 12px system-ui,sans-serif;fill:#1d2327;pointer-events:none}" +
  ".map .lb text{paint-order:stroke;stroke:#fff;stroke-width:3px;text-anchor:middle;dominant-baseline:central}" +
  ".map line{stroke:#5a6470;stroke-width:.75}";

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[ch] ?? ch);

function classOf(r: MapRegion, extra = ""): string {
  return `${extra}${r.isLowConfidence ? " lc" : ""}`.trim();
}

function calloutParts(r: MapRegion, shape: StateShape, index: number): string {
  const y = CALLOUT_TOP + index * CALLOUT_STEP;
  const [sx, sy] = shape.labelAt;
  // Patterns tile in the user space of the element, so a box drawn at its own origin shows whole tiles.
  return (
    `<line x1="${sx}" y1="${sy}" x2="${CALLOUT_X}" y2="${y + BOX / 2}"/>` +
    `<g transform="translate(${CALLOUT_X} ${y})">` +
    `<rect class="${classOf(r, "c")}" width="${BOX}" height="${BOX}" fill="${STATUS_FILL[r.status]}"/>` +
    `<text x="${BOX + 4}" y="${BOX - 2}">${r.code}</text></g>`
  );
}

function regionLink(r: MapRegion, shape: StateShape): string {
  const callout = CALLOUTS.indexOf(r.code);
  const fill = STATUS_FILL[r.status];
  const cls = classOf(r);
  return (
    `<a href="/states/${r.code}" aria-labelledby="m-t-${r.code}">` +
    `<title id="m-t-${r.code}">${escapeXml(r.label)}</title>` +
    `<path${cls ? ` class="${cls}"` : ""} fill="${fill}" d="${shape.d}"/>` +
    (callout >= 0 ? calloutParts(r, shape, callout) : "") +
    "</a>"
  );
}

/** The map as a standalone SVG element (pure: same map in, same string out). */
export function renderStateMap(map: LegalityMap, shapes: ReadonlyMap<string, StateShape>): string {
  const drawn = map.regions.filter((r) => shapes.has(r.code));
  // Uncertain outlines last, so their dashed borders are not painted over by a neighbour's.
  const ordered = [...drawn.filter((r) => !r.isLowConfidence), ...drawn.filter((r) => r.isLowConfidence)];
  const links = ordered.map((r) => regionLink(r, shapes.get(r.code)!)).join("");
  const labels = drawn
    .map((r) => shapes.get(r.code)!)
    .filter((s) => s.area >= LABEL_MIN_AREA && !CALLOUTS.includes(s.code))
    .map((s) => `<text x="${s.labelAt[0]}" y="${s.labelAt[1]}">${s.code}</text>`)
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" width="${MAP_WIDTH}" height="${MAP_HEIGHT}">` +
    `${DEFS}${links}<g class="lb" aria-hidden="true">${labels}</g></svg>`
  );
}

/**
 * `build` remembered by the argument's `key`. Keys come from the fact data (one per set of dated
 * changes), so there are a handful at most; the limit only guards against a caller that varies them more.
 */
export function memoizeByKey<T extends { key: string }>(build: (value: T) => string, limit = 32) {
  const cache = new Map<string, string>();
  return (value: T): string => {
    const hit = cache.get(value.key);
    if (hit !== undefined) return hit;
    const built = build(value);
    if (cache.size >= limit) cache.clear();
    cache.set(value.key, built);
    return built;
  };
}

/** The map's SVG, built on the first request for its key and then served from memory. */
export const stateMapSvg = memoizeByKey((map: LegalityMap) => renderStateMap(map, stateShapes()));
