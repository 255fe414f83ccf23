// Stacked bars drawn from `stackedBars` data: one SVG per bar so its label and total stay readable
// HTML at any width, while the bar itself stretches to the row. Each bar is an image named by every
// part and amount; the legend and the itemized tables below say the same in words.
import type { Bar, BarPartKey } from "../../domain/cost/bars.js";
import { BAR_PART_LABELS, BAR_PARTS } from "../../domain/cost/bars.js";
import { usd } from "../components/format.js";

/** Distinct in hue and in lightness, and separated by white gaps, so neighbours never blur together. */
export const BAR_COLOURS: Record<BarPartKey, string> = {
  vehicle: "#0b6e4f",
  japan: "#8cc9a8",
  shipping: "#3b6ea8",
  federal: "#b5472b",
  us: "#e0a82e",
  state: "#6b4c9a",
};

const WIDTH = 1000;
const HEIGHT = 24;

export const BARS_CSS =
  ".bars{margin:1rem 0}.bars p{margin:.6rem 0 .2rem}.bars svg.bar{display:block;width:100%;height:1.6rem}" +
  ".bars .legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}" +
  ".bars .legend li{display:flex;align-items:center;gap:.35rem}.bars .legend svg{width:1rem;height:1rem}";

const money = (cents: number) => usd(Math.round(cents) / 100);

/** "Import it yourself: $4,105.22 in all: the truck $2,666.67, duty and federal fees $703.58, …" */
export function barSummary(bar: Bar): string {
  const parts = bar.segments.map((s) => `${s.label.toLowerCase()} ${money(s.cents)}`).join(", ");
  return `${bar.label}: ${money(bar.totalCents)} in all${parts ? `: ${parts}` : ""}`;
}

export function StackedBars(props: { bars: Bar[]; caption: string }) {
  const used = BAR_PARTS.filter((k) => props.bars.some((b) => b.segments.some((s) => s.key === k)));
  return (
    <figure class="bars" aria-labelledby="bars-cap">
      <figcaption id="bars-cap">{props.caption}</figcaption>
      {props.bars.map((bar) => (
        <>
          <p>
            {bar.label}: <strong>{money(bar.totalCents)}</strong>
          </p>
          <svg
            class="bar"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={barSummary(bar)}
          >
            {bar.segments.map((s) => (
              <rect
                x={(s.start * WIDTH).toFixed(1)}
                y="0"
                width={(s.width * WIDTH).toFixed(1)}
                height={HEIGHT}
                fill={BAR_COLOURS[s.key]}
                stroke="#fff"
                stroke-width="2"
                vector-effect="non-scaling-stroke"
              >
                <title>
                  {s.label}: {money(s.cents)}
                </title>
              </rect>
            ))}
          </svg>
        </>
      ))}
      <ul class="legend" aria-label="Legend">
        {used.map((k) => (
          <li>
            <svg viewBox="0 0 10 10" aria-hidden="true">
              <rect width="10" height="10" fill={BAR_COLOURS[k]} />
            </svg>
            {BAR_PART_LABELS[k]}
          </li>
        ))}
      </ul>
    </figure>
  );
}
