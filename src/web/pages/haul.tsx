// The haul planner: the bed drawn from above with the load and a verdict first; every weight with its
// source and confidence one click away; the form (a plain GET form) below.
import type { HaulLine, HaulPlan, KgRange } from "../../domain/haul/index.js";
import { m3ToFt3, m3ToYd3 } from "../../domain/haul/index.js";
import { kgToLb } from "../../domain/units/measures.js";
import type { Facts } from "../../facts/schemas.js";
import { fillFor, HaulBedSvg } from "../charts/haul-bed.js";
import { Sources } from "../components/sources.js";
import { Layout, type Viewer } from "../layout.js";
import { HaulForm } from "./haul-form.js";

const css = `.haul-form fieldset{min-width:0;border:1px solid var(--line);border-radius:.4rem;margin:.6rem 0;padding:.4rem .8rem .8rem}
.haul-form legend{font-weight:700}.custom-row{display:flex;flex-wrap:wrap;gap:0 .6rem;border-top:1px dashed var(--line);margin-top:.4rem}
.custom-row label{font-weight:400;font-size:.9rem}.verdict .badge{font-size:1rem}figure{margin:1rem 0}
.table-wrap{overflow-x:auto}.legend{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
.swatch{display:inline-block;width:1rem;height:1rem;border:1px solid #1d2327;vertical-align:middle}`;

// Made once per number of decimals (a formatter per call costs about 20 µs: see components/format.ts).
const formatters = new Map<number, Intl.NumberFormat>();
const n = (v: number, d = 0) => {
  let f = formatters.get(d);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { maximumFractionDigits: d });
    formatters.set(d, f);
  }
  return f.format(v);
};
const lb = (kg: number) => kgToLb(kg as never);

export function rangeText(r: KgRange): string {
  const [a, b] = [Math.round(lb(r.min)), Math.round(lb(r.max))];
  const [ka, kb] = [Math.round(r.min), Math.round(r.max)];
  return a === b ? `${n(a)} lb (${n(ka)} kg)` : `${n(a)}–${n(b)} lb (${n(ka)}–${n(kb)} kg)`;
}

const PAYLOAD = {
  fits: ["Within the payload", "ok"],
  may_exceed: ["May exceed the payload", "warn"],
  exceeds: ["Over the payload", "bad"],
  unknown: ["Payload unknown", "warn"],
} as const;
const VOLUME = {
  fits: ["Fits the bed", "ok"],
  exceeds: ["More than the bed holds", "bad"],
  unknown: ["Bed size unknown", "warn"],
} as const;

function describe(plan: HaulPlan): string {
  const l = plan.layout;
  if (!l) return "";
  const parts = plan.lines.map((x) => `${x.quantity} of ${x.label}`).join("; ");
  return `Top view of the ${plan.truck.label} bed, ${n(l.lengthMm)} by ${n(l.widthMm)} mm, cab on the left. Trip 1 of ${l.trips} carries part of: ${parts}.${plan.overhangs.length ? ` Overhanging: ${plan.overhangs.map((o) => o.label).join(", ")}.` : ""}`;
}

function LineRow(props: { l: HaulLine }) {
  const l = props.l;
  return (
    <tr>
      <th scope="row">{l.label}</th>
      <td>{l.quantity}</td>
      <td>
        {l.perUnit
          ? l.perUnit.min === l.perUnit.max
            ? `${n(l.perUnit.typical, 1)} lb per ${l.perUnit.per}`
            : `${n(l.perUnit.min, 1)}–${n(l.perUnit.max, 1)} lb per ${l.perUnit.per} (typical ${n(l.perUnit.typical, 1)})`
          : "as you gave it"}
      </td>
      <td>{rangeText(l.weight)}</td>
      <td>{l.confidence === "user" ? "yours" : l.confidence}</td>
      <td>
        {l.sources.length ? <Sources sources={l.sources} /> : "—"}
        <p class="muted">{l.notes}</p>
      </td>
    </tr>
  );
}

function Result(props: { plan: HaulPlan }) {
  const p = props.plan;
  const pay = PAYLOAD[p.payload.status];
  const vol = VOLUME[p.volume.status];
  const trips = p.trips;
  return (
    <section aria-labelledby="verdict-h">
      <h2 id="verdict-h" class="verdict">
        <span class={`badge ${pay[1]}`}>{pay[0]}</span> <span class={`badge ${vol[1]}`}>{vol[0]}</span>{" "}
        {trips ? (
          <span class="badge">
            {trips.typical === trips.max
              ? `${trips.typical} ${trips.typical === 1 ? "trip" : "trips"}`
              : `${trips.typical}–${trips.max} trips`}
          </span>
        ) : null}
      </h2>
      {p.layout ? (
        <figure>
          <HaulBedSvg
            layout={p.layout}
            title={`Trip 1 of ${p.layout.trips} in the ${p.truck.chassisCode} bed, seen from above`}
            desc={describe(p)}
          />
          <ul class="legend">
            {[...new Set(p.layout.shapes.map((s) => s.line))].map((i) => (
              <li>
                <span class="swatch" style={`background:${fillFor(i)}`} /> {p.lines[i]?.label}
              </li>
            ))}
          </ul>
          <figcaption class="muted">
            Trip 1 of {p.layout.trips}, seen from above, to scale. Loose loads are drawn as the floor they
            cover when piled {n(p.volume.status === "unknown" ? 0 : p.volume.loadHeightMm)} mm high; "×N"
            marks a stack.
          </figcaption>
        </figure>
      ) : (
        <p class="muted">
          No drawing: {p.volume.status === "unknown" ? p.volume.reason : "nothing can be carried in one trip"}
          .
        </p>
      )}
      <ul>
        <li>
          Load: <strong>{rangeText(p.total)}</strong>
          {p.payload.status === "unknown"
            ? `; ${p.payload.reason}.`
            : `; payload ${n(p.payload.payloadKg)} kg (${n(Math.round(lb(p.payload.payloadKg)))} lb).`}
        </li>
        <li>
          {p.volume.status === "unknown"
            ? `Volume: unknown, ${p.volume.reason}.`
            : `Volume: ${n(m3ToFt3(p.volume.load), 1)} ft³ (${n(m3ToYd3(p.volume.load), 2)} yd³) against ${n(m3ToFt3(p.volume.capacity), 1)} ft³ of bed piled ${n(p.volume.loadHeightMm)} mm (${n(p.volume.loadHeightMm / 25.4)} in) high${p.volume.heightFrom === "side" ? ", level with the sides" : ", the height you gave"}.`}
        </li>
        {trips ? (
          <li>
            Trips: {trips.typical} with typical weights
            {trips.max !== trips.typical ? `, ${trips.max} if everything is at the heavy end` : ""} (at least{" "}
            {trips.byWeight} by weight{trips.byVolume !== null ? `, ${trips.byVolume} by volume` : ""}).
          </li>
        ) : null}
        {p.cannotCarry.map((c) => (
          <li>
            <strong>{c.label}</strong>: {c.reason}.
          </li>
        ))}
        {p.overhangs.map((o) => (
          <li>
            <strong>{o.label}</strong>: {o.where === "tailgate" ? "longer" : "wider"} than the bed by{" "}
            {n(o.byMm)} mm ({n(o.byMm / 25.4)} in); it overhangs the {o.where}. Overhang and flagging rules
            are your state's.
          </li>
        ))}
        {p.notes.map((x) => (
          <li>{x}</li>
        ))}
      </ul>
      <details>
        <summary>Every weight, with its source and confidence</summary>
        <div class="table-wrap">
          <table>
            <caption class="muted">
              Weights from the haul facts; "typical" is the middle of the sourced values
            </caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Amount</th>
                <th scope="col">Sourced weight</th>
                <th scope="col">Total</th>
                <th scope="col">Confidence</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {p.lines.map((l) => (
                <LineRow l={l} />
              ))}
            </tbody>
          </table>
        </div>
        <p>
          Truck: {p.truck.label}, payload and bed from the catalog (confidence {p.truck.confidence}).
        </p>
        <Sources sources={p.truck.sources} />
      </details>
    </section>
  );
}

export const HAUL_EXAMPLE =
  "/haul?code=DA16T&wood=firewood-red-oak&woodCond=seasoned&woodAmt=1&woodUnit=face_cord";

export function HaulPage(props: {
  viewer?: Viewer;
  facts: Facts;
  query: Record<string, string>;
  plan: HaulPlan | null;
  error: string | null;
}) {
  return (
    <Layout
      title="What can a kei truck haul?"
      description="Firewood, hay, gravel, sheets: does it fit a kei truck's 350 kg payload and bed, and in how many trips?"
      viewer={props.viewer}
    >
      <style>{css}</style>
      <h1>What can a kei truck haul?</h1>
      <p>
        A kei truck carries 350 kg (772 lb). Pick a truck and a load to see whether it fits the payload and
        the bed, how many trips it takes, and the bed from above with the load. Every weight comes with its
        source.
        {props.plan || props.error ? null : (
          <>
            {" "}
            Example: <a href={HAUL_EXAMPLE}>a face cord of seasoned red oak in a Suzuki Carry DA16T</a>.
          </>
        )}
      </p>
      {props.plan ? <Result plan={props.plan} /> : null}
      <HaulForm facts={props.facts} q={props.query} error={props.error} />
    </Layout>
  );
}
