// Read an auction sheet: the buyer types the score, the letters and the codes off the sheet and gets
// each one's meaning, with the red flags first, where each mark is, and every meaning's confidence
// and sources. Below, the whole legend, so the page is a reference without a question too.
import type { AuctionSheetFacts } from "../../facts/schemas.js";
import type { SheetReadingView } from "../../present/auction-sheet.present.js";
import type { SourceLink } from "../components/sources.js";
import { Layout, type Viewer } from "../layout.js";

const css = `.sheet-form textarea{width:100%;min-height:5rem}.sheet-form .row{display:flex;flex-wrap:wrap;gap:0 1rem}
.sheet-form .row label{display:block}.legend-table td:first-child,.marks td:first-child{font-weight:600;white-space:nowrap}`;

const EXAMPLE =
  "/auction-sheet?score=3.5&interior=B&notes=A1+bed+rails%3B+S2+under+bed%3B+A2U1+tailgate%3B+AC+PS";

function Conf(props: { c: "high" | "medium" | "low" | null }) {
  if (props.c === null) return null;
  return <span class={`badge${props.c === "low" ? " warn" : ""}`}>{props.c} confidence</span>;
}

/** Source ids numbered as their list below shows them, and the anchor prefix of that list. */
interface RefIndex {
  numbers: ReadonlyMap<string, number>;
  anchor: string;
}

const refIndex = (ids: readonly string[], anchor: string): RefIndex => ({
  numbers: new Map(ids.map((id, i) => [id, i + 1])),
  anchor,
});

/** A meaning's sources as numbered links to the list ("[1][4]"). */
function Refs(props: { ids: readonly string[]; refs: RefIndex }) {
  return (
    <span class="refs">
      {props.ids.map((id) => {
        const n = props.refs.numbers.get(id);
        return n === undefined ? null : (
          <a href={`#${props.refs.anchor}-${n}`} aria-label={`source ${n}`}>
            [{n}]
          </a>
        );
      })}
    </span>
  );
}

/** The numbered list the references point at. */
function NumberedSources(props: { sources: readonly SourceLink[]; anchor: string }) {
  return (
    <ol class="sources">
      {props.sources.map((s, i) => (
        <li id={`${props.anchor}-${i + 1}`}>
          <a href={s.url ?? undefined} rel="nofollow noopener">
            {s.title}
          </a>
          {s.date ? ` (${s.date})` : ""}
        </li>
      ))}
    </ol>
  );
}

function Value(props: { label: string; v: SheetReadingView["interior"]; refs: RefIndex }) {
  const v = props.v;
  if (v === null) return null;
  return (
    <p>
      <strong>
        {props.label} {v.raw}:
      </strong>{" "}
      {v.known ? v.meaning : "not a value keiyard's data knows: ask your agent what this house means by it."}{" "}
      <Conf c={v.confidence} /> <Refs ids={v.sources} refs={props.refs} />
    </p>
  );
}

function Reading(props: { r: SheetReadingView }) {
  const r = props.r;
  const refs = refIndex(
    r.sources.map((x) => x.id),
    "reading-source",
  );
  const nothing =
    !r.score && !r.interior && !r.exterior && !r.marks.length && !r.equipment.length && !r.phrases.length;
  return (
    <section aria-labelledby="reading">
      <h2 id="reading">What the sheet says</h2>
      {r.flags.length > 0 ? (
        <div class="notice">
          <strong>Look closer:</strong>
          <ul>
            {r.flags.map((f) => (
              <li>{f}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Value label="Score" v={r.score} refs={refs} />
      {r.truckScale ? (
        <p>
          {r.truckScale.text} <Conf c={r.truckScale.confidence} />{" "}
          <Refs ids={r.truckScale.sources} refs={refs} />
        </p>
      ) : null}
      <Value label="Interior" v={r.interior} refs={refs} />
      <Value label="Exterior" v={r.exterior} refs={refs} />
      {r.marks.length > 0 ? (
        <div class="table-wrap">
          <table class="marks">
            <caption>Marks on the body diagram</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Where</th>
                <th scope="col">Meaning</th>
                <th scope="col">Size (1 small, 3 large)</th>
                <th scope="col">Confidence</th>
                <th scope="col">Sources</th>
              </tr>
            </thead>
            <tbody>
              {r.marks.map((m) => (
                <tr>
                  <td>{m.raw}</td>
                  <td>{m.where ?? "not written"}</td>
                  <td>{m.meaning}</td>
                  <td>{m.size ?? "not written"}</td>
                  <td>{m.confidence}</td>
                  <td>
                    <Refs ids={m.sources} refs={refs} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {r.equipment.length > 0 ? (
        <p>
          <strong>Equipment:</strong>{" "}
          {r.equipment.map((e, i) => (
            <>
              {i ? ", " : ""}
              {e.raw} ({e.meaning}) <Refs ids={e.sources} refs={refs} />
            </>
          ))}
        </p>
      ) : null}
      {r.phrases.length > 0 ? (
        <>
          <p>
            <strong>Inspector's words:</strong>
          </p>
          <ul>
            {r.phrases.map((p) => (
              <li lang="ja">
                {p.raw}:{" "}
                <span lang="en">
                  {p.none ? `the sheet says none of this (なし, 無: none): ${p.meaning}` : p.meaning}
                </span>{" "}
                <Conf c={p.confidence} /> <Refs ids={p.sources} refs={refs} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {r.unread.length > 0 ? (
        <p>
          <strong>Not read:</strong> {r.unread.join(", ")}: written like codes, but not ones keiyard's data
          knows. Ask your agent what they mean on this sheet.
        </p>
      ) : null}
      {nothing ? (
        <p>
          Nothing here is a score, letter or code keiyard knows. Write the codes as the sheet does, with what
          they mark: <code>A1 bed rails; S2 under bed</code>.
        </p>
      ) : null}
      {r.marks.some((m) => m.size !== null) ? (
        <p>
          {r.sizes.text} <Conf c={r.sizes.confidence} /> <Refs ids={r.sizes.sources} refs={refs} />
        </p>
      ) : null}
      {r.sources.length > 0 ? (
        <>
          <h3>Sources, reviewed {r.reviewedOn}</h3>
          <NumberedSources sources={r.sources} anchor="reading-source" />
        </>
      ) : null}
    </section>
  );
}

function Legend(props: { sheet: AuctionSheetFacts }) {
  const s = props.sheet;
  const refs = refIndex(Object.keys(s.sources), "legend-source");
  const rows = (items: { key: string; meaning: string; confidence: string; sources: readonly string[] }[]) =>
    items.map((i) => (
      <tr>
        <td>{i.key}</td>
        <td>{i.meaning}</td>
        <td>{i.confidence}</td>
        <td>
          <Refs ids={i.sources} refs={refs} />
        </td>
      </tr>
    ));
  const head = (
    <thead>
      <tr>
        <th scope="col">Written</th>
        <th scope="col">Meaning</th>
        <th scope="col">Confidence</th>
        <th scope="col">Sources</th>
      </tr>
    </thead>
  );
  const tables: [string, Parameters<typeof rows>[0]][] = [
    ["Overall score (評価点)", s.scores.map((r) => ({ ...r, key: r.grades.join(", ") }))],
    ["Interior (内装) and exterior (外装) letters", s.letters.map((r) => ({ ...r, key: r.letter }))],
    [
      "Marks on the body diagram",
      s.marks.map((r) => ({ ...r, key: r.sized ? `${r.code}1–${r.code}3` : r.code })),
    ],
    ["Equipment", s.equipment.map((r) => ({ ...r, key: r.codes.join(", ") }))],
    ["Inspector's words", s.phrases.map((r) => ({ ...r, key: r.texts.join(", ") }))],
  ];
  return (
    <section aria-labelledby="legend">
      <h2 id="legend">The legend</h2>
      <p>{s.meta.about}</p>
      <div class="table-wrap">
        {tables.map(([caption, items]) => (
          <table class="legend-table">
            <caption>{caption}</caption>
            {head}
            <tbody>{rows(items)}</tbody>
          </table>
        ))}
      </div>
      <p>
        {s.sizes.text} <Conf c={s.sizes.confidence} /> <Refs ids={s.sizes.sources} refs={refs} />
      </p>
      <h3>Sources of the legend, reviewed {s.meta.reviewedOn}</h3>
      <NumberedSources sources={Object.values(s.sources)} anchor="legend-source" />
    </section>
  );
}

export function AuctionSheetPage(props: {
  viewer?: Viewer;
  sheet: AuctionSheetFacts;
  query: Record<string, string>;
  reading: SheetReadingView | null;
  error: string | null;
}) {
  const q = props.query;
  const s = props.sheet;
  return (
    <Layout
      title="Read an auction sheet"
      description="What the score, letters and damage codes (A1, U2, S2, XX) on a Japanese auction sheet mean, with sources."
      viewer={props.viewer}
    >
      <style>{css}</style>
      <h1>Read an auction sheet</h1>
      <p>
        Type what the auction sheet (出品票) of a lot says: its overall score, the interior and exterior
        letters, and the codes on the body diagram with what they mark. keiyard says what each one means and
        what to look at closer, with the sources. {s.meta.use}
      </p>
      {props.reading ? <Reading r={props.reading} /> : null}
      <form method="get" action="/auction-sheet" class="sheet-form">
        {props.error ? (
          <p class="error" role="alert">
            {props.error}
          </p>
        ) : null}
        <div class="row">
          <p>
            <label for="sheet-score">Overall score</label>
            <input id="sheet-score" name="score" value={q.score ?? ""} list="sheet-scores" size={6} />
          </p>
          <p>
            <label for="sheet-interior">Interior letter</label>
            <input id="sheet-interior" name="interior" value={q.interior ?? ""} size={3} />
          </p>
          <p>
            <label for="sheet-exterior">Exterior letter</label>
            <input id="sheet-exterior" name="exterior" value={q.exterior ?? ""} size={3} />
          </p>
        </div>
        <datalist id="sheet-scores">
          {s.scores
            .flatMap((r) => r.grades)
            .map((g) => (
              <option value={g} />
            ))}
        </datalist>
        <p>
          <label for="sheet-notes">Codes and notes</label>
          <textarea id="sheet-notes" name="notes" maxlength={2000} aria-describedby="sheet-notes-hint">
            {q.notes ?? ""}
          </textarea>
          <small id="sheet-notes-hint">
            A code, then what it marks; separate marks with ";" or ",":{" "}
            <code>A1 bed rails; S2 under bed; XX door</code>. Japanese inspector phrases (修復歴, E/G異音) and
            equipment (AC PS) are read too.
          </small>
        </p>
        <button type="submit">Read the sheet</button>{" "}
        {props.reading ? null : <a href={EXAMPLE}>See an example</a>}
      </form>
      <Legend sheet={s} />
    </Layout>
  );
}
