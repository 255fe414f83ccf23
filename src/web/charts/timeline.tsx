// The generation timeline as a server-rendered SVG: one bar per chassis code over the years, green up to
// the 25-year line (old enough to import today) and grey after it, faded where the catalog knows a
// production bound to the year only. It is an image to screen readers (role="img" with a title and a
// description); the table beside it on every page that draws it holds the same dates as text.
import { barExtent, type Timeline, type TimelineRow } from "../../domain/catalog/timeline.js";
import { crossingText, MODEL_STATUS } from "../components/import-status.js";
import { px } from "./scale.js";

const LABEL_W = 62;
/** Units per year. The chart is never drawn narrower than its units in CSS pixels (it scrolls
 * sideways instead) nor wider than 1.6 times that, so its 11-unit text stays readable on a phone. */
const YEAR_W = 12;
const RIGHT = 10;
const TOP = 34;
const ROW_H = 17;
const BAR_H = 11;
const GROUP_H = 22;
const BOTTOM = 8;

export const TIMELINE_COLORS = { old: "#0b6e4f", young: "#c3c8cf", line: "#9a3412" } as const;

function rowTitle(r: TimelineRow): string {
  const bound = (b: TimelineRow["start"], fallback: string) =>
    b === null
      ? fallback
      : b.yearOnly
        ? `${Math.floor(b.month / 12)}`
        : `${Math.floor(b.month / 12)}-${String((b.month % 12) + 1).padStart(2, "0")}`;
  const to = r.inProduction ? "today" : bound(r.end, "unknown");
  return `${r.make} ${r.model} ${r.chassisCode}: built ${bound(r.start, "unknown")} to ${to}. ${MODEL_STATUS[r.status][0]} (${crossingText(r)}).`;
}

export function TimelineChart(props: {
  timeline: Timeline;
  id: string;
  title: string;
  /** Draw group headings (the make) between rows; off for a single family. */
  grouped?: boolean;
  highlight?: string;
}) {
  const t = props.timeline;
  const years = t.toYear - t.fromYear;
  const yearW = YEAR_W;
  const x = (months: number) => LABEL_W + ((months - t.fromYear * 12) / 12) * yearW;
  let y = TOP;
  let group: string | null = null;
  const rows: { row: TimelineRow; y: number; heading: string | null }[] = [];
  for (const row of t.rows) {
    let heading: string | null = null;
    if (props.grouped && row.group !== group) {
      heading = row.group;
      group = row.group;
      y += GROUP_H;
    }
    rows.push({ row, y, heading });
    y += ROW_H;
  }
  const height = y + BOTTOM;
  const width = LABEL_W + years * YEAR_W + RIGHT;
  const cutX = x(t.cutoffPos);
  const todayX = x(t.todayPos);
  // The line's label goes to its left unless it would run off the chart (about 6.5 units a character).
  const cutLabel = `${t.minAgeYears} years ago (${t.cutoff})`;
  const cutLabelLeft = cutX - 4 - cutLabel.length * 6.5 > 0;
  const descText = `${t.rows.length} chassis codes from ${t.fromYear} to ${t.toYear - 1}. Each bar runs from a code's first to its last build. The line at ${t.cutoff} marks trucks ${t.minAgeYears} years old today: bars left of it are old enough to import. Faded ends are known to the year only.`;
  return (
    <svg
      class="timeline"
      style={`min-width:${width}px;max-width:${Math.round(width * 1.6)}px`}
      viewBox={`0 0 ${width} ${px(height)}`}
      role="img"
      aria-labelledby={`${props.id}-t ${props.id}-d`}
      font-size="11"
      font-family="system-ui,sans-serif"
    >
      <title id={`${props.id}-t`}>{props.title}</title>
      <desc id={`${props.id}-d`}>{descText}</desc>
      {t.ticks.map((yr) => (
        <g>
          <line x1={px(x(yr * 12))} x2={px(x(yr * 12))} y1="16" y2={px(height - BOTTOM)} stroke="#e3e0d8" />
          <text x={px(x(yr * 12))} y="12" text-anchor="middle" fill="#5a6470">
            {yr}
          </text>
        </g>
      ))}
      {rows.map(({ row, y: ry, heading }) => (
        <TimelineBar
          row={row}
          y={ry}
          heading={heading}
          x={x}
          t={t}
          highlight={row.chassisCode === props.highlight}
        />
      ))}
      <line
        x1={px(cutX)}
        x2={px(cutX)}
        y1="18"
        y2={px(height - BOTTOM)}
        stroke={TIMELINE_COLORS.line}
        stroke-width="2"
        stroke-dasharray="5 3"
      />
      <text
        x={px(cutLabelLeft ? cutX - 4 : cutX + 4)}
        y="28"
        text-anchor={cutLabelLeft ? "end" : "start"}
        fill={TIMELINE_COLORS.line}
        font-weight="600"
      >
        {cutLabel}
      </text>
      <line x1={px(todayX)} x2={px(todayX)} y1="18" y2={px(height - BOTTOM)} stroke="#5a6470" />
      <text x={px(todayX - 4)} y="28" text-anchor="end" fill="#5a6470">
        today
      </text>
    </svg>
  );
}

function TimelineBar(props: {
  row: TimelineRow;
  y: number;
  heading: string | null;
  x: (months: number) => number;
  t: Timeline;
  highlight: boolean;
}) {
  const { row, x, t } = props;
  const y = props.y;
  const barY = y + (ROW_H - BAR_H) / 2;
  const extent = barExtent(row, t);
  const labelY = px(y + ROW_H / 2 + 4);
  const segments: { from: number; to: number; fill: string }[] = [];
  if (extent) {
    const cut = Math.min(Math.max(t.cutoffPos, extent.from), extent.to);
    if (cut > extent.from) segments.push({ from: extent.from, to: cut, fill: TIMELINE_COLORS.old });
    if (extent.to > cut) segments.push({ from: cut, to: extent.to, fill: TIMELINE_COLORS.young });
  }
  // Year-only bounds: the widened year is washed out, since the build could be anywhere in it.
  const faded: { from: number; to: number }[] = [];
  if (extent && row.start?.yearOnly) faded.push({ from: row.start.month, to: row.start.month + 12 });
  if (extent && row.end?.yearOnly) faded.push({ from: row.end.month - 11, to: row.end.month + 1 });
  return (
    <g>
      <title>{rowTitle(row)}</title>
      {props.heading ? (
        <text x="2" y={px(y - 6)} font-weight="700" font-size="12">
          {props.heading}
        </text>
      ) : null}
      {props.highlight ? (
        <rect x="0" y={px(y)} width={px(x(t.toYear * 12) + RIGHT)} height={ROW_H} fill="#fff4d6" />
      ) : null}
      <text x={LABEL_W - 6} y={labelY} text-anchor="end" font-weight={props.highlight ? "700" : "400"}>
        {row.chassisCode}
      </text>
      {segments.map((s) => (
        <rect
          x={px(x(s.from))}
          y={px(barY)}
          width={px(Math.max(1, x(s.to) - x(s.from)))}
          height={BAR_H}
          fill={s.fill}
        />
      ))}
      {faded.map((f) => (
        <rect
          x={px(x(f.from))}
          y={px(barY)}
          width={px(x(f.to) - x(f.from))}
          height={BAR_H}
          fill="#fff"
          opacity=".55"
        />
      ))}
      {row.inProduction && extent ? (
        <path
          d={`M${px(x(extent.to))} ${px(barY - 1)}l6 ${px(BAR_H / 2 + 1)}l-6 ${px(BAR_H / 2 + 1)}z`}
          fill={TIMELINE_COLORS.young}
          stroke="#5a6470"
        />
      ) : null}
      {!extent && row.end ? (
        <>
          <rect x={px(x(row.end.month + 1) - 2)} y={px(barY)} width="2" height={BAR_H} fill="#1d2327" />
          <text x={px(x(row.end.month + 1) + 4)} y={labelY} fill="#5a6470">
            last built {Math.floor(row.end.month / 12)}; start unknown
          </text>
        </>
      ) : null}
      {!extent && !row.end && row.start === null ? (
        <text x={LABEL_W + 4} y={labelY} fill="#5a6470">
          production dates unknown
        </text>
      ) : null}
      {!extent && !row.end && row.start !== null ? (
        <>
          <rect x={px(x(row.start.month))} y={px(barY)} width="2" height={BAR_H} fill="#1d2327" />
          <text x={px(x(row.start.month) + 6)} y={labelY} fill="#5a6470">
            first built {Math.floor(row.start.month / 12)}; end unknown
          </text>
        </>
      ) : null}
    </g>
  );
}
