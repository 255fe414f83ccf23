import type { LegalityMap } from "../../domain/legality/map-data.js";
import { STATUS_LABELS } from "../../domain/legality/street-legality.js";
import type { LegalityView } from "../../present/legality.present.js";
import { STATUS_CLASS } from "../components/format.js";
import type { ShareMeta } from "../components/share.js";
import { StateMap } from "../components/state-map.js";
import { Layout, type Viewer } from "../layout.js";

/** All 50 states and DC as a map, then as a table: status, road limit, confidence, review date. */
export function StatesPage(props: {
  viewer?: Viewer;
  states: LegalityView[];
  on: string;
  map: LegalityMap;
  mapSvg: string;
  share?: ShareMeta;
}) {
  const counts = new Map<string, number>();
  for (const s of props.states) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return (
    <Layout title="Where can I drive a kei truck?" viewer={props.viewer} share={props.share}>
      <h1>Street legality by state</h1>
      <p>
        On {props.on}:{" "}
        {Object.entries(STATUS_LABELS)
          .map(([k, label]) => `${label} ${counts.get(k) ?? 0}`)
          .join(" · ")}
        . Many states act by DMV policy rather than statute and change often; each row shows how sure the
        record is.
      </p>
      <StateMap map={props.map} svg={props.mapSvg} />
      <div style="overflow-x:auto">
        <table>
          <caption class="muted">Kei trucks on public roads, by state (50 states and DC)</caption>
          <thead>
            <tr>
              <th scope="col">State</th>
              <th scope="col">Status</th>
              <th scope="col">Highest road speed</th>
              <th scope="col">Confidence</th>
              <th scope="col">Reviewed</th>
            </tr>
          </thead>
          <tbody>
            {props.states.map((s) => (
              <tr>
                <th scope="row">
                  <a href={`/states/${s.code}`}>{s.name}</a>
                </th>
                <td>
                  <span class={`badge ${STATUS_CLASS[s.status] ?? ""}`}>{s.statusLabel}</span>
                </td>
                <td>{s.maxRoadSpeedMph === null ? "—" : `${s.maxRoadSpeedMph} mph`}</td>
                <td>{s.confidence}</td>
                <td>{s.lastReviewed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">{props.states[0]?.disclaimer}</p>
    </Layout>
  );
}

export function StatePage(props: { viewer?: Viewer; state: LegalityView; share?: ShareMeta }) {
  const s = props.state;
  return (
    <Layout
      title={`Kei trucks in ${s.name}`}
      viewer={props.viewer}
      description={`${s.name}: ${s.statusLabel}`}
      share={props.share}
    >
      <p>
        <a href="/states">All states</a>
      </p>
      <h1>Kei trucks in {s.name}</h1>
      <p>
        <span class={`badge ${STATUS_CLASS[s.status] ?? ""}`}>{s.statusLabel}</span> on {s.on}
        {s.maxRoadSpeedMph ? ` · roads posted ${s.maxRoadSpeedMph} mph or less` : ""}
      </p>
      <p>{s.summary}</p>
      {s.restrictions.length ? (
        <>
          <h2>Restrictions</h2>
          <ul>
            {s.restrictions.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {s.requirements.length ? (
        <>
          <h2>Conditions (not assumed met)</h2>
          <ul>
            {s.requirements.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {s.upcomingChanges.length ? (
        <>
          <h2>Coming changes</h2>
          <ul>
            {s.upcomingChanges.map((c) => (
              <li>
                From {c.effectiveFrom}: {c.summary ?? c.status}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>The law</h2>
      <p>{s.statute ?? "No statute found."}</p>
      {s.notes.map((n) => (
        <p class="muted">{n}</p>
      ))}
      <h2>Sources</h2>
      <ul>
        {s.sources.map((x) => (
          <li>
            {x.url ? (
              <a href={x.url} rel="nofollow noopener">
                {x.title}
              </a>
            ) : (
              x.title
            )}
            {x.date ? ` (${x.date})` : ""}
          </li>
        ))}
      </ul>
      <p class="muted">
        Confidence: {s.confidence} · last reviewed {s.lastReviewed}. {s.disclaimer}
      </p>
      <p>
        <a href={`/cost?to=${s.code}`}>What importing a truck to {s.name} costs</a>
      </p>
    </Layout>
  );
}
