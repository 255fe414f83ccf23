import { raw } from "hono/html";
import type { LegalityMap } from "../../domain/legality/map-data.js";
import { MAP_CSS, STATUS_FILL } from "../charts/state-map.js";

const LEGEND_CSS =
  ".legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}" +
  ".legend li{display:flex;align-items:center;gap:.35rem}.legend svg{width:28px;height:16px;flex:none}";

function Swatch(props: { fill: string; lowConfidence?: boolean }) {
  return (
    <svg viewBox="0 0 28 16" aria-hidden="true">
      <rect
        x="1"
        y="1"
        width="26"
        height="14"
        fill={props.fill}
        class={props.lowConfidence ? "lc" : undefined}
      />
    </svg>
  );
}

/**
 * The choropleth with its legend. `svg` is the cached string from `stateMapSvg`; the legend is drawn
 * with the same fills, so the two cannot disagree. The table below the map says the same in words.
 */
export function StateMap(props: { map: LegalityMap; svg: string }) {
  return (
    <figure class="map" aria-labelledby="map-cap" style="margin:0">
      <style>{raw(MAP_CSS + LEGEND_CSS)}</style>
      <figcaption id="map-cap">
        Kei trucks on public roads, by state. Select a state for its rules, sources and review date; the table
        below gives the same facts in words.
      </figcaption>
      {raw(props.svg)}
      <ul class="legend" aria-label="Legend">
        {props.map.legend.map((l) => (
          <li>
            <Swatch fill={STATUS_FILL[l.status]} />
            {l.label} ({l.count})
          </li>
        ))}
        <li>
          <Swatch fill="#f4f2ec" lowConfidence />
          Dashed and faded: low-confidence record ({props.map.lowConfidenceCount})
        </li>
      </ul>
    </figure>
  );
}
