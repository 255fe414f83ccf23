// Read an auction sheet: the buyer types the score, the letters and the codes off the sheet and gets
// each one's meaning, with the red flags first, where each mark is, and every meaning's confidence
// and sources. Below, the whole legend, so the page is a reference without a question too.
import type { AuctionSheetFacts } from "../../facts/schemas.js";
import type { SheetReadingView } from "../../present/auction-sheet.present.js";
import { SourceList } from "../components/sources.js";
import { Layout, type Viewer } from "../layout.js";

const css = `.sheet-form textarea{width:100%;min-height:5rem}.sheet-form .row{display:flex;flex-wrap:wrap;gap:0 1rem}
.sheet-form .row label{display:block}.legend-table td:first-child,.marks td:first-child{font-weight:600;white-space:nowrap}`;

const EXAMPLE =
  "/auction-sheet?score=3.5&interior=B&notes=A1+bed+rails%3B+S2+under+bed%3B+A2U1+tailgate%3B+AC+PS";

function Conf(props: { c: "high" | "medium" | "low" | null }) {
  if (props.c === null) return null;
  return <span class={`badge${props.c === "low" ? " warn" : ""}`}>{props.c} confidence</span>;
}

function Value(props: { label: string; v: SheetReadingView["interior"]; extra?: string | null }) {
  const v = props.v;
  if (v === null) return null;
  return (
    <p>
      <strong>
        {props.label} {v.raw}:
      </strong>{" "}
      {v.known ? v.meaning : "not a value keiyard's data knows: ask your agent what this house means by it."}{" "}
      <Conf c={v.confidence} />
    </p>
  );
}

function Reading(props: { r: SheetReadingView }) {
  const r = props.r;
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
      <Value label="Score" v={r.score} />
      {r.truckScale ? (
        <p>
          {r.truckScale.text} <Conf c={r.truckScale.confidence} />
        </p>
      ) : null}
      <Value label="Interior" v={r.interior} />
      <Value label="Exterior" v={r.exterior} />
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {r.equipment.length > 0 ? (
        <p>
          <strong>Equipment:</strong> {r.equipment.map((e) => `${e.raw} (${e.meaning})`).join(", ")}.
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
                  {p.none ? `none, says the sheet (なし, 無: none) — of: ${p.meaning}` : p.meaning}
                </span>{" "}
                <Conf c={p.confidence} />
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
      {r.marks.some((m) => m.size !== null) ? <p>{r.sizes}</p> : null}
      {r.sources.length > 0 ? (
        <details>
          <summary>
            Sources ({r.sources.length}), reviewed {r.reviewedOn}
          </summary>
          <SourceList sources={r.sources} />
        </details>
      ) : null}
    </section>
  );
}

function Legend(props: { sheet: AuctionSheetFacts }) {
  const s = props.sheet;
  const rows = (items: { key: string; meaning: string; confidence: string }[]) =>
    items.map((i) => (
      <tr>
        <td>{i.key}</td>
        <td>{i.meaning}</td>
        <td>{i.confidence}</td>
      </tr>
    ));
  const head = (
    <thead>
      <tr>
        <th scope="col">Written</th>
        <th scope="col">Meaning</th>
        <th scope="col">Confidence</th>
      </tr>
    </thead>
  );
  return (
    <section aria-labelledby="legend">
      <h2 id="legend">The legend</h2>
      <p>{s.meta.about}</p>
      <div class="table-wrap">
        <table class="legend-table">
          <caption>Overall score (評価点)</caption>
          {head}
          <tbody>
            {rows(
              s.scores.map((r) => ({
                key: r.grades.join(", "),
                meaning: r.meaning,
                confidence: r.confidence,
              })),
            )}
          </tbody>
        </table>
        <table class="legend-table">
          <caption>Interior (内装) and exterior (外装) letters</caption>
          {head}
          <tbody>
            {rows(s.letters.map((r) => ({ key: r.letter, meaning: r.meaning, confidence: r.confidence })))}
          </tbody>
        </table>
        <table class="legend-table">
          <caption>Marks on the body diagram</caption>
          {head}
          <tbody>
            {rows(
              s.marks.map((r) => ({
                key: r.sized ? `${r.code}1–${r.code}3` : r.code,
                meaning: r.meaning,
                confidence: r.confidence,
              })),
            )}
          </tbody>
        </table>
        <table class="legend-table">
          <caption>Equipment</caption>
          {head}
          <tbody>
            {rows(
              s.equipment.map((r) => ({
                key: r.codes.join(", "),
                meaning: r.meaning,
                confidence: r.confidence,
              })),
            )}
          </tbody>
        </table>
        <table class="legend-table">
          <caption>Inspector's words</caption>
          {head}
          <tbody>
            {rows(
              s.phrases.map((r) => ({
                key: r.texts.join(", "),
                meaning: r.meaning,
                confidence: r.confidence,
              })),
            )}
          </tbody>
        </table>
      </div>
      <p>{s.meta.sizes}</p>
      <details>
        <summary>
          Sources ({Object.keys(s.sources).length}), reviewed {s.meta.reviewedOn}
        </summary>
        <SourceList sources={Object.values(s.sources)} />
      </details>
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
