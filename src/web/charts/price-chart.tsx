// Asking prices as a server-rendered box chart: per bucket (build year or listing month) a box over the
// middle half of prices, a thick median line and whiskers to the lowest and highest, the number of
// listings as a strip of bars underneath and, by build year, the deal model's fair-price line with its
// range. role="img" with a title and a description; PriceTable is the same numbers as a table.
import type { FairPoint, PriceBucket } from "../../domain/pricing/trends.js";
import { usd } from "../components/format.js";
import { axisTicks, labelEvery, px } from "./scale.js";

// Phone-first: 400 units wide, so the 11-unit text is about 10 px on a phone; two charts sit side by
// side on a wide screen (.chart-pair in the layout) instead of growing the text.
const W = 400;
const LEFT = 44;
const RIGHT = 6;
const TOP = 10;
const PLOT_H = 150;
const STRIP_H = 22;
const H = TOP + PLOT_H + 22 + STRIP_H + 6;

export const PRICE_COLORS = { box: "#cfe6db", median: "#0b6e4f", fair: "#9a3412", band: "#f6dccd" } as const;

const dollars = (cents: number) => Math.round(cents / 100);
const short = (d: number) => (d >= 1000 ? `$${Number((d / 1000).toFixed(1))}k` : `$${d}`);

function bucketTitle(b: PriceBucket, fair: FairPoint | undefined): string {
  const s = b.stats;
  const base = s
    ? `${b.key}: ${b.count} listing${b.count === 1 ? "" : "s"}, median ${usd(dollars(s.medianCents))} (middle half ${usd(dollars(s.q1Cents))} to ${usd(dollars(s.q3Cents))})`
    : `${b.key}: no listings`;
  return fair ? `${base}; fair price ${usd(dollars(fair.fairCents))}` : base;
}

export function PriceChart(props: {
  id: string;
  title: string;
  desc: string;
  buckets: readonly PriceBucket[];
  /** Keyed by bucket key (the build year as text). */
  fair?: readonly FairPoint[];
}) {
  const buckets = props.buckets;
  const fairByKey = new Map((props.fair ?? []).map((f) => [String(f.year), f]));
  const top = Math.max(
    1,
    ...buckets.map((b) => (b.stats ? dollars(b.stats.maxCents) : 0)),
    ...[...fairByKey.values()].map((f) => dollars(f.highCents)),
  );
  const ticks = axisTicks(top);
  const yMax = ticks[ticks.length - 1]!;
  const y = (cents: number) => TOP + PLOT_H - (dollars(cents) / yMax) * PLOT_H;
  const band = (W - LEFT - RIGHT) / Math.max(1, buckets.length);
  const cx = (i: number) => LEFT + band * (i + 0.5);
  const boxW = Math.min(18, band * 0.64);
  const keyLength = Math.max(1, ...buckets.map((b) => b.key.length));
  const every = labelEvery(buckets.length, Math.floor((W - LEFT - RIGHT) / (keyLength * 6.5 + 8)));
  const maxCount = Math.max(1, ...buckets.map((b) => b.count));
  const stripTop = TOP + PLOT_H + 22;
  // The fair line is drawn in runs of consecutive buckets, never across a year it has no estimate for.
  const runs: { i: number; f: FairPoint }[][] = [];
  buckets.forEach((b, i) => {
    const f = fairByKey.get(b.key);
    if (!f) return;
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.i === i - 1) last.push({ i, f });
    else runs.push([{ i, f }]);
  });
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby={`${props.id}-t ${props.id}-d`}
      font-size="11"
      font-family="system-ui,sans-serif"
    >
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{props.desc}</desc>
      {ticks.map((v) => {
        const ty = px(TOP + PLOT_H - (v / yMax) * PLOT_H);
        return (
          <g>
            <line x1={LEFT} x2={W - RIGHT} y1={ty} y2={ty} stroke="#e3e0d8" />
            <text x={LEFT - 4} y={ty} dy="4" text-anchor="end" fill="#5a6470">
              {short(v)}
            </text>
          </g>
        );
      })}
      {runs.map((run) => (
        <path
          d={`M${run.map(({ i, f }) => `${px(cx(i))} ${px(y(f.highCents))}`).join("L")}L${[...run]
            .reverse()
            .map(({ i, f }) => `${px(cx(i))} ${px(y(f.lowCents))}`)
            .join("L")}z`}
          fill={PRICE_COLORS.band}
          stroke={run.length === 1 ? PRICE_COLORS.fair : "none"}
        />
      ))}
      {buckets.map((b, i) => {
        const s = b.stats;
        const x = cx(i);
        return (
          <g>
            <title>{bucketTitle(b, fairByKey.get(b.key))}</title>
            {s && b.count >= 3 ? (
              <>
                <line x1={px(x)} x2={px(x)} y1={px(y(s.maxCents))} y2={px(y(s.minCents))} stroke="#5a6470" />
                <rect
                  x={px(x - boxW / 2)}
                  y={px(y(s.q3Cents))}
                  width={px(boxW)}
                  height={px(Math.max(1, y(s.q1Cents) - y(s.q3Cents)))}
                  fill={PRICE_COLORS.box}
                  stroke={PRICE_COLORS.median}
                />
                <line
                  x1={px(x - boxW / 2)}
                  x2={px(x + boxW / 2)}
                  y1={px(y(s.medianCents))}
                  y2={px(y(s.medianCents))}
                  stroke={PRICE_COLORS.median}
                  stroke-width="3"
                />
              </>
            ) : s ? (
              <circle cx={px(x)} cy={px(y(s.medianCents))} r="3.5" fill={PRICE_COLORS.median} />
            ) : null}
            {b.count > 0 ? (
              <rect
                x={px(x - boxW / 2)}
                y={px(stripTop + STRIP_H - (b.count / maxCount) * STRIP_H)}
                width={px(boxW)}
                height={px(Math.max(1, (b.count / maxCount) * STRIP_H))}
                fill="#8a8f98"
              />
            ) : null}
            {i % every === 0 ? (
              <text x={px(x)} y={TOP + PLOT_H + 15} text-anchor="middle" fill="#1d2327">
                {b.key}
              </text>
            ) : null}
          </g>
        );
      })}
      {runs
        .filter((run) => run.length > 1)
        .map((run) => (
          <polyline
            points={run.map(({ i, f }) => `${px(cx(i))},${px(y(f.fairCents))}`).join(" ")}
            fill="none"
            stroke={PRICE_COLORS.fair}
            stroke-width="2"
            stroke-dasharray="6 3"
          />
        ))}
      {runs
        .filter((run) => run.length === 1)
        .map(([p]) => (
          <circle cx={px(cx(p!.i))} cy={px(y(p!.f.fairCents))} r="3" fill={PRICE_COLORS.fair} />
        ))}
      <text x={LEFT - 4} y={stripTop + STRIP_H} text-anchor="end" fill="#5a6470">
        n ≤ {maxCount}
      </text>
    </svg>
  );
}

/** The chart's numbers as a table, folded under the chart. */
export function PriceTable(props: {
  caption: string;
  keyLabel: string;
  buckets: readonly PriceBucket[];
  fair?: readonly FairPoint[];
}) {
  const fairByKey = new Map((props.fair ?? []).map((f) => [String(f.year), f]));
  const money = (c: number | undefined) => (c === undefined ? "—" : usd(dollars(c)));
  return (
    <details>
      <summary>The numbers: {props.caption}</summary>
      <section class="scroll" aria-label={props.caption} tabindex={0}>
        <table>
          <caption class="muted">{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{props.keyLabel}</th>
              <th scope="col">Listings</th>
              <th scope="col">Lowest</th>
              <th scope="col">Lower quartile</th>
              <th scope="col">Median</th>
              <th scope="col">Upper quartile</th>
              <th scope="col">Highest</th>
              {props.fair ? <th scope="col">Fair price (range)</th> : null}
            </tr>
          </thead>
          <tbody>
            {props.buckets
              .filter((b) => b.count > 0 || fairByKey.has(b.key))
              .map((b) => {
                const f = fairByKey.get(b.key);
                return (
                  <tr>
                    <th scope="row">{b.key}</th>
                    <td>{b.count}</td>
                    <td>{money(b.stats?.minCents)}</td>
                    <td>{money(b.stats?.q1Cents)}</td>
                    <td>{money(b.stats?.medianCents)}</td>
                    <td>{money(b.stats?.q3Cents)}</td>
                    <td>{money(b.stats?.maxCents)}</td>
                    {props.fair ? (
                      <td>
                        {f ? `${money(f.fairCents)} (${money(f.lowCents)}–${money(f.highCents)})` : "—"}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
          </tbody>
        </table>
      </section>
    </details>
  );
}
