// The listing page's price history: a small step chart (server-rendered SVG, no script) with the same
// numbers in a table for screen readers and for anyone who wants them exact.
import type { PriceStep } from "../../domain/listings/price-history.js";
import { daysBetween, type IsoDate } from "../../domain/units/dates.js";

const W = 320;
const H = 110;
const PAD = { left: 8, right: 8, top: 14, bottom: 18 };

export function PriceStepChart(props: {
  steps: readonly PriceStep[];
  min: number;
  max: number;
  format: (n: number) => string;
}) {
  const { steps } = props;
  if (steps.length === 0) return null;
  const start = steps[0]!.from as IsoDate;
  const end = steps.at(-1)!.to as IsoDate;
  const days = daysBetween(start, end);
  // A flat history still gets a visible band: pad the range by 10% of the price.
  const lo = props.min === props.max ? props.min * 0.9 : props.min;
  const hi = props.min === props.max ? props.max * 1.1 : props.max;
  const plotW = W - PAD.left - PAD.right;
  const at = (d: string) => PAD.left + (daysBetween(start, d as IsoDate) / Math.max(1, days)) * plotW;
  // Each run's [start, end] x; changes all made on one day would sit at one x, so those spread evenly.
  const xs: [number, number][] = steps.map((s, i) =>
    days > 0
      ? [at(s.from), at(s.to)]
      : [PAD.left + (i / steps.length) * plotW, PAD.left + ((i + 1) / steps.length) * plotW],
  );
  const y = (v: number) => PAD.top + (1 - (v - lo) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  // One horizontal run per price, joined by the vertical drop or rise on the day it changed.
  const path = steps
    .map(
      (s, i) =>
        `${i === 0 ? `M${xs[0]![0].toFixed(1)},` : "V"}${y(s.amount).toFixed(1)} H${xs[i]![1].toFixed(1)}`,
    )
    .join(" ");
  const summary = steps.map((s) => `${props.format(s.amount)} from ${s.from}`).join(", then ");
  return (
    <figure class="price-chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby="price-chart-t price-chart-d"
        style="max-width:100%;height:auto"
      >
        <title id="price-chart-t">Asking price over time</title>
        <desc id="price-chart-d">{summary}.</desc>
        <path d={path} fill="none" stroke="#0b6e4f" stroke-width="2.5" />
        {steps.map((s, i) => (
          <circle cx={xs[i]![0].toFixed(1)} cy={y(s.amount).toFixed(1)} r="3" fill="#0b6e4f" />
        ))}
        <text x={PAD.left} y={H - 4} font-size="10" fill="#5a6470">
          {start}
        </text>
        <text x={W - PAD.right} y={H - 4} font-size="10" fill="#5a6470" text-anchor="end">
          {end}
        </text>
        <text x={PAD.left} y={10} font-size="10" fill="#5a6470">
          {props.format(props.max)}
        </text>
      </svg>
      <details>
        <summary>Price history as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Asking price</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr>
                <td>{s.from}</td>
                <td>{props.format(s.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
