// The kei bed seen from above with trip 1's load, drawn to scale in millimetres (the SVG's own units):
// the cab on the left, the tailgate on the right, loose loads as bands, pieces as boxes with a count
// where several are stacked. Overhanging pieces reach past the bed outline, dashed.
import type { BedLayout, LayoutShape } from "../../domain/haul/index.js";

const FILLS = ["#cfe8d8", "#f3dfb5", "#d6e2f3", "#f1d1cc", "#e2d7ef", "#e8e4c9", "#d3ecec", "#f0d9e6"];
/** The fill of a load line's shapes, for the legend next to the drawing. */
export const fillFor = (line: number) => FILLS[line % FILLS.length] as string;
const CAB = 300;
const PAD = 60;
const TEXT = 70;

const inches = (mm: number) => Math.round(mm / 25.4);
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function Shape(props: { s: LayoutShape; bed: BedLayout }) {
  const { s, bed } = props;
  const fill = fillFor(s.line);
  const over = s.x + s.w > bed.lengthMm + 1 || s.y + s.h > bed.widthMm + 1;
  const label = s.kind === "band" ? s.label : s.count > 1 ? `×${s.count}` : "";
  const fits = label.length * TEXT * 0.55 < s.w && s.h > TEXT * 1.2;
  return (
    <g>
      <rect
        x={s.x}
        y={s.y}
        width={s.w}
        height={s.h}
        rx={s.kind === "round" ? Math.min(s.w, s.h) * 0.12 : 8}
        fill={fill}
        stroke="#1d2327"
        stroke-width={6}
        stroke-dasharray={over ? "30 18" : undefined}
      />
      {fits ? (
        <text x={s.x + s.w / 2} y={s.y + s.h / 2 + TEXT / 3} text-anchor="middle" font-size={TEXT}>
          {label}
        </text>
      ) : null}
    </g>
  );
}

export function HaulBedSvg(props: { layout: BedLayout; title: string; desc: string }) {
  const b = props.layout;
  const width = CAB + PAD + b.extentMm.x + PAD;
  const height = PAD + b.extentMm.y + PAD + TEXT * 2;
  return (
    <svg
      viewBox={`${-CAB - PAD} ${-PAD} ${width} ${height}`}
      role="img"
      aria-labelledby="bed-title bed-desc"
      style="width:100%;height:auto;max-width:44rem;display:block"
      font-family="system-ui,sans-serif"
    >
      <title id="bed-title">{props.title}</title>
      <desc id="bed-desc">{props.desc}</desc>
      <rect x={-CAB} y={0} width={CAB - 20} height={b.widthMm} rx={40} fill="#5a6470" />
      <text x={-CAB / 2 - 10} y={b.widthMm / 2 + TEXT / 3} text-anchor="middle" font-size={TEXT} fill="#fff">
        cab
      </text>
      <rect
        x={0}
        y={0}
        width={b.lengthMm}
        height={b.widthMm}
        fill="#f4f2ec"
        stroke="#1d2327"
        stroke-width={10}
      />
      {b.shapes.map((s) => (
        <Shape s={s} bed={b} />
      ))}
      <line x1={b.lengthMm} y1={0} x2={b.lengthMm} y2={b.widthMm} stroke="#1d2327" stroke-width={24} />
      <text x={b.lengthMm / 2} y={b.extentMm.y + TEXT * 1.5} text-anchor="middle" font-size={TEXT}>
        bed {fmt(b.lengthMm)} mm ({inches(b.lengthMm)} in) × {fmt(b.widthMm)} mm ({inches(b.widthMm)} in) ·
        tailgate →
      </text>
    </svg>
  );
}
