import { ordinal } from "../../domain/catalog/families.js";
import type { Timeline } from "../../domain/catalog/timeline.js";
import type { CodeView, PriceTrends, statusCounts } from "../../services/catalog.js";
import { MAX_COMPARE, MIN_COMPARE } from "../../services/catalog.schema.js";
import { Crumbs, TimelineFigure } from "../components/catalog-bits.js";
import { ImportStatus, MODEL_STATUS } from "../components/import-status.js";
import { Sources } from "../components/sources.js";
import { SpecCell } from "../components/specs.js";
import { Layout, type Viewer } from "../layout.js";
import { type NoTrends, PriceTrendsSection } from "./price-trends.js";

const KEY_SPECS = ["Built", "Drive", "Engine", "Displacement", "Payload", "Layout"];

/** /models/:make/:model — one family: its generations and codes, timeline and asking prices. */
export function ModelPage(props: {
  viewer?: Viewer;
  codes: CodeView[];
  timeline: Timeline;
  counts: ReturnType<typeof statusCounts>;
  trends: PriceTrends | NoTrends;
}) {
  const family = props.codes[0]!.family;
  const name = `${family.make} ${family.name}`;
  const byId = new Map(props.codes.map((c) => [c.entry.id, c]));
  const row = (id: string) => props.timeline.rows.find((r) => r.id === id)!;
  return (
    <Layout
      title={name}
      viewer={props.viewer}
      description={`${name}: ${props.codes.length} chassis codes, production years, specs, import status and asking prices.`}
    >
      <Crumbs
        items={[
          ["Models", "/models"],
          [family.make, `/models#${family.makeSlug}`],
          [family.name, null],
        ]}
      />
      <h1>{name}</h1>
      {family.names.length > 1 ? <p>Sold as: {family.names.join("; ")}.</p> : null}
      <p>
        {props.codes.length} chassis codes in {family.generations.length} generation
        {family.generations.length === 1 ? "" : "s"}. Import status today:{" "}
        {(["all", "some", "none", "unknown"] as const)
          .filter((s) => props.counts[s] > 0)
          .map((s) => (
            <>
              <span class={`badge ${MODEL_STATUS[s][1]}`}>{MODEL_STATUS[s][0]}</span> {props.counts[s]}{" "}
            </>
          ))}
      </p>
      <TimelineFigure timeline={props.timeline} id="tl" title={`${name} chassis codes by production years`} />
      <PriceTrendsSection name={name} trends={props.trends} />
      {family.generations.map((g) => {
        const codes = g.entries.map((e) => byId.get(e.id)!);
        const heading = g.number === null ? g.labels[0] : `${ordinal(g.number)} generation`;
        const compare = codes.length >= MIN_COMPARE && codes.length <= MAX_COMPARE;
        return (
          <section aria-labelledby={`gen-${codes[0]!.entry.chassisCode}`}>
            <h2 id={`gen-${codes[0]!.entry.chassisCode}`}>{heading}</h2>
            {g.numberingNote ? <p class="muted">{g.numberingNote}</p> : null}
            {compare ? (
              <p>
                <a href={`/models/compare?codes=${codes.map((c) => c.entry.chassisCode).join(",")}`}>
                  Compare {codes.map((c) => c.entry.chassisCode).join(", ")} side by side
                </a>
              </p>
            ) : null}
            <div class="cards">
              {codes.map((c) => (
                <CodeCard code={c} crossing={row(c.entry.id)} />
              ))}
            </div>
          </section>
        );
      })}
      <p class="muted">
        Specs come from the catalog's sources; "unknown" means no source gave the value. Import status is the
        FMVSS 25-year rule on each code's production window: a truck's own build month decides. Not legal
        advice.
      </p>
    </Layout>
  );
}

function CodeCard(props: { code: CodeView; crossing: Timeline["rows"][number] }) {
  const { entry, specs, rebadgeOf } = props.code;
  return (
    <article class="card" aria-labelledby={`code-${entry.chassisCode}`}>
      <h3 id={`code-${entry.chassisCode}`}>
        <a href={`/models/${entry.chassisCode}`}>{entry.chassisCode}</a>{" "}
        <span class="muted">{entry.model}</span>
      </h3>
      <p class="muted">{entry.generation.label}</p>
      <p>
        <ImportStatus {...props.crossing} />
      </p>
      <dl class="specs">
        {specs
          .filter((s) => KEY_SPECS.includes(s.label))
          .map((s) => (
            <>
              <dt>{s.label}</dt>
              <dd>
                <SpecCell row={s} />
              </dd>
            </>
          ))}
      </dl>
      {entry.rebadgeOf ? (
        <p>
          Rebadged {entry.rebadgeOf}
          {rebadgeOf.length
            ? rebadgeOf.map((r, i) => (
                <>
                  {i === 0 ? ": " : ", "}
                  <a href={`/models/${r.chassisCode}`}>{r.chassisCode}</a>
                </>
              ))
            : ""}
          .
        </p>
      ) : null}
      <p class="muted">
        Confidence: {entry.confidence}
        {entry.unverifiedFields.length ? ` · ${entry.unverifiedFields.length} values not verified` : ""}
      </p>
      <Sources sources={props.code.sources} />
    </article>
  );
}
