import type { Make } from "../../domain/catalog/families.js";
import type { Timeline } from "../../domain/catalog/timeline.js";
import type { CodeView } from "../../services/catalog.js";
import { CompareForm, Crumbs, TimelineFigure } from "../components/catalog-bits.js";
import { ImportStatus } from "../components/import-status.js";
import { SpecCell } from "../components/specs.js";
import { Layout, type Viewer } from "../layout.js";

/** /models/compare — two to four chassis codes side by side, or the form and what went wrong. */
export function ComparePage(props: {
  viewer?: Viewer;
  tree: readonly Make[];
  selected: readonly string[];
  result: { codes: CodeView[]; timeline: Timeline } | null;
  error: string | null;
}) {
  const r = props.result;
  const names = r?.codes.map((c) => c.entry.chassisCode).join(", ");
  return (
    <Layout
      title={r ? `Compare ${names}` : "Compare kei truck models"}
      viewer={props.viewer}
      description="Kei-truck chassis codes side by side: production years, import status, specs in metric and US units."
    >
      <Crumbs
        items={[
          ["Models", "/models"],
          ["Compare", null],
        ]}
      />
      <h1>{r ? `Compare ${names}` : "Compare kei truck models"}</h1>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {r ? <CompareTable codes={r.codes} timeline={r.timeline} /> : null}
      <h2>{r ? "Compare others" : "Pick two to four chassis codes"}</h2>
      <CompareForm tree={props.tree} selected={props.selected} />
      <p class="muted">
        Or write them in the address: <code>/models/compare?codes=DA16T,HA8,S500P</code>.
      </p>
    </Layout>
  );
}

function CompareTable(props: { codes: CodeView[]; timeline: Timeline }) {
  const { codes, timeline } = props;
  const labels = codes[0]!.specs.map((s) => s.label);
  return (
    <>
      <TimelineFigure
        timeline={timeline}
        id="tl"
        title={`${codes.map((c) => c.entry.chassisCode).join(", ")} by production years`}
      />
      <section class="scroll" aria-label="Side-by-side table (scrolls sideways)" tabindex={0}>
        <table class="compare">
          <caption class="muted">
            Metric values with US units in brackets; "unknown" where no source gave one
          </caption>
          <thead>
            <tr>
              <td />
              {codes.map((c) => (
                <th scope="col">
                  <a href={`/models/${c.entry.chassisCode}`}>{c.entry.chassisCode}</a>
                  <br />
                  <span class="muted">
                    {c.entry.make} {c.entry.model}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Import status today</th>
              {codes.map((c) => (
                <td>
                  <ImportStatus {...timeline.rows.find((r) => r.id === c.entry.id)!} />
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">Generation</th>
              {codes.map((c) => (
                <td>{c.entry.generation.label}</td>
              ))}
            </tr>
            {labels.map((label, i) => (
              <tr>
                <th scope="row">{label}</th>
                {codes.map((c) => (
                  <td>
                    <SpecCell row={c.specs[i]!} />
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Rebadge of</th>
              {codes.map((c) => (
                <td>{c.entry.rebadgeOf ?? "—"}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">Confidence</th>
              {codes.map((c) => (
                <td>
                  {c.entry.confidence} ·{" "}
                  <a href={`/models/${c.entry.chassisCode}#sources`}>{c.sources.length} sources</a>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
    </>
  );
}
