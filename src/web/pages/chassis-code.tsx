import type { Make } from "../../domain/catalog/families.js";
import type { Timeline } from "../../domain/catalog/timeline.js";
import type { CodeView } from "../../services/catalog.js";
import { Crumbs, TimelineFigure } from "../components/catalog-bits.js";
import { ImportStatus } from "../components/import-status.js";
import { SourceList } from "../components/sources.js";
import { SpecTable } from "../components/specs.js";
import { Layout, type Viewer } from "../layout.js";

/** /models/:chassisCode — one code: import status today, specs in both units, rebadges and sources. */
export function ChassisCodePage(props: {
  viewer?: Viewer;
  code: CodeView;
  timeline: Timeline;
  tree: readonly Make[];
  hasMarket: boolean;
}) {
  const { entry, family, eligibility } = props.code;
  const c = props.code;
  const code = entry.chassisCode;
  const name = `${entry.make} ${entry.model} ${code}`;
  const row = props.timeline.rows.find((r) => r.id === entry.id)!;
  return (
    <Layout title={name} viewer={props.viewer} description={`${name}: ${eligibility.message}`}>
      <Crumbs
        items={[
          ["Models", "/models"],
          [entry.make, `/models#${family.makeSlug}`],
          [family.name, `/models/${family.makeSlug}/${family.slug}`],
          [code, null],
        ]}
      />
      <h1>{name}</h1>
      <p class="muted">
        {entry.generation.label}
        {entry.generation.numberingNote ? `. ${entry.generation.numberingNote}` : ""}
      </p>
      <section aria-labelledby="status-h">
        <h2 id="status-h">Import status on {eligibility.entryDate}</h2>
        <p>
          <ImportStatus {...row} />
        </p>
        <p>{eligibility.message}</p>
        <p>
          <a href={`/import?frame=${encodeURIComponent(code)}`}>Check a truck by its build month</a>
          {props.hasMarket ? (
            <>
              {" · "}
              <a href={`/trucks?chassisCode=${encodeURIComponent(code)}`}>{code} trucks for sale</a>
            </>
          ) : null}
        </p>
      </section>
      {c.caveats.length || c.driveNote ? (
        <ul class="caveats">
          {[...c.caveats, ...(c.driveNote ? [c.driveNote] : [])].map((t) => (
            <li>{t}</li>
          ))}
        </ul>
      ) : null}
      <TimelineFigure
        timeline={props.timeline}
        id="tl"
        title={`${entry.make} ${family.name} chassis codes by production years, ${code} highlighted`}
        highlight={code}
      />
      <h2>Specifications</h2>
      <SpecTable rows={c.specs} caption={`${code}: metric values with US units in brackets`} />
      {c.rebadgeOf.length || entry.rebadgeOf || c.alsoSoldAs.length ? (
        <>
          <h2>Rebadges</h2>
          <ul>
            {entry.rebadgeOf ? (
              <li>
                A rebadge of the {entry.rebadgeOf}
                {c.rebadgeOf.map((r, i) => (
                  <>
                    {i === 0 ? ": " : ", "}
                    <a href={`/models/${r.chassisCode}`}>
                      {r.make} {r.chassisCode}
                    </a>
                  </>
                ))}
                . Its own specs are listed above; where they are unknown, the original's may help, but the
                catalog does not assume they match.
              </li>
            ) : null}
            {c.alsoSoldAs.length ? (
              <li>
                Also sold as{" "}
                {c.alsoSoldAs.map((r, i) => (
                  <>
                    {i > 0 ? ", " : ""}
                    <a href={`/models/${r.chassisCode}`}>
                      {r.make} {r.model} {r.chassisCode}
                    </a>
                  </>
                ))}
                .
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
      {entry.features.length ? (
        <>
          <h2>Features</h2>
          <ul>
            {entry.features.map((f) => (
              <li>{f}</li>
            ))}
          </ul>
        </>
      ) : null}
      {entry.notes ? (
        <>
          <h2>Notes</h2>
          <p>{entry.notes}</p>
        </>
      ) : null}
      <h2>Compare</h2>
      <form method="get" action="/models/compare" class="inline-form">
        <input type="hidden" name="codes" value={code} />
        <label for="cmp-with">Compare {code} with</label>{" "}
        <select id="cmp-with" name="codes">
          {props.tree.map((m) => (
            <optgroup label={m.make}>
              {m.families.flatMap((f) =>
                f.entries
                  .filter((e) => e.chassisCode !== code)
                  .map((e) => (
                    <option value={e.chassisCode}>
                      {e.chassisCode} · {f.name}
                    </option>
                  )),
              )}
            </optgroup>
          ))}
        </select>{" "}
        <button type="submit">Compare</button>
      </form>
      <h2 id="sources">Sources</h2>
      <SourceList sources={c.sources} />
      <p class="muted">
        Confidence of this record: {entry.confidence}. Not legal advice: a truck's own build month and your
        customs broker decide.
      </p>
    </Layout>
  );
}
