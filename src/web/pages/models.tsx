import { productionText } from "../../domain/catalog/specs.js";
import type { catalogIndex } from "../../services/catalog.js";
import { CompareForm, TimelineFigure } from "../components/catalog-bits.js";
import { ImportStatus, MODEL_STATUS } from "../components/import-status.js";
import { Layout, type Viewer } from "../layout.js";

type Index = ReturnType<typeof catalogIndex>;

const DRIVE = { "2WD": "2WD", "4WD": "4WD", both: "2WD/4WD", unknown: "drive unknown" } as const;

/** /models: every make, model family, generation and chassis code, with today's import status. */
export function ModelsPage(props: { viewer?: Viewer; index: Index; today: string }) {
  const { tree, timeline, counts } = props.index;
  const total = timeline.rows.length;
  return (
    <Layout
      title="Kei truck models"
      viewer={props.viewer}
      description={`${total} kei-truck chassis codes: production years, specs and import status today.`}
    >
      <h1>Kei truck models</h1>
      <p>
        {total} chassis codes of {tree.length} makes, from the catalog's sourced records. On {props.today}, a
        truck built before {timeline.cutoff} is {timeline.minAgeYears} years old and may be imported under the
        FMVSS {timeline.minAgeYears}-year rule.
      </p>
      <ul class="inline-list" aria-label="Import status today, by chassis code">
        {(["all", "some", "none", "unknown"] as const).map((s) => (
          <li>
            <span class={`badge ${MODEL_STATUS[s][1]}`}>{MODEL_STATUS[s][0]}</span> {counts[s]}
          </li>
        ))}
      </ul>
      <nav aria-label="Makes" class="inline-list">
        {tree.map((m) => (
          <a href={`#${m.slug}`}>{m.make}</a>
        ))}
      </nav>
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Which years, which codes</h2>
        <TimelineFigure
          timeline={timeline}
          id="tl"
          title="Kei truck chassis codes by production years"
          grouped
        />
        <p class="muted">The list below gives the same dates as text, with sources on each code's page.</p>
      </section>
      <section aria-labelledby="compare-h">
        <h2 id="compare-h">Compare two to four codes</h2>
        <CompareForm tree={tree} selected={[]} />
      </section>
      <section aria-labelledby="codes-h">
        <h2 id="codes-h">Every chassis code</h2>
        {tree.map((m) => (
          <section aria-labelledby={m.slug}>
            <h3 id={m.slug}>{m.make}</h3>
            {m.families.map((f) => (
              <>
                <h4>
                  <a href={`/models/${m.slug}/${f.slug}`}>
                    {m.make} {f.name}
                  </a>
                </h4>
                {f.names.length > 1 ? (
                  <p class="muted">Also sold as: {f.names.filter((n) => n !== f.name).join("; ")}</p>
                ) : null}
                <table class="codes">
                  <thead>
                    <tr>
                      <th scope="col">Code</th>
                      <th scope="col">Built</th>
                      <th scope="col">Import status today</th>
                    </tr>
                  </thead>
                  {f.generations.map((g) => (
                    <tbody>
                      <tr>
                        <th scope="colgroup" colspan={3} class="gen">
                          {g.labels.join(" · ")}
                        </th>
                      </tr>
                      {g.entries.map((e) => (
                        <tr>
                          <th scope="row">
                            <a href={`/models/${e.chassisCode}`}>{e.chassisCode}</a>{" "}
                            <span class="muted">{DRIVE[e.drive ?? "unknown"]}</span>
                            {e.confidence === "high" ? null : (
                              <>
                                <br />
                                <span class="muted">{e.confidence} confidence</span>
                              </>
                            )}
                          </th>
                          <td>
                            {e.productionStart === null && e.productionEnd === null && !e.inProduction
                              ? "unknown"
                              : productionText(e)}
                          </td>
                          <td>
                            <ImportStatus {...timeline.rows.find((r) => r.id === e.id)!} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  ))}
                </table>
              </>
            ))}
          </section>
        ))}
      </section>
      <p class="muted">
        Import status is the FMVSS {timeline.minAgeYears}-year rule applied to each code's production window;
        a truck's own build month decides. Check one on <a href="/import">the import checker</a>. Not legal
        advice.
      </p>
    </Layout>
  );
}
