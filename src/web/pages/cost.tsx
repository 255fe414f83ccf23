import { raw } from "hono/html";
import type { Comparison } from "../../domain/cost/compare.js";
import { NOT_INCLUDED_REASON } from "../../domain/cost/customs-value.js";
import type { CostPageResult } from "../../services/cost-page.js";
import { BARS_CSS, StackedBars } from "../charts/stacked-bars.js";
import { CostForm, type CostFormProps, FIELD_LABELS } from "../components/cost-form.js";
import { usd } from "../components/format.js";
import { Sources } from "../components/sources.js";
import { Layout, type Viewer } from "../layout.js";

const PAGE_CSS =
  ".cost-form fieldset,.cost-form .quotes{display:grid;gap:0 1rem}@media(min-width:40rem){.cost-form fieldset,.cost-form .quotes{grid-template-columns:1fr 1fr}}" +
  ".cost-form fieldset{border:0;padding:0;margin:0 0 .8rem}.cost-form legend{font-weight:700;font-size:1.1rem;padding:0}" +
  ".cost-form .field{margin-bottom:.5rem}.cost-form .hint{display:block}.cost-form input,.cost-form select{width:100%}" +
  ".cost-form details{margin:0 0 .8rem}.cost-form summary{font-weight:700;cursor:pointer}" +
  ".cost-table td.n,.cost-table th.n{text-align:right;white-space:nowrap}.cost-table tfoot th,.cost-table tfoot td{font-weight:700}" +
  ".cost-table small{display:block}.verdict{font-size:1.1rem;font-weight:600}";

type Line = {
  id: string;
  label: string;
  usd: number;
  estimate: boolean;
  note?: string;
  source: { title: string; url: string | null }[];
};
type Missing = {
  id: string;
  label: string;
  reason: string;
  note?: string;
  typicalRange: { lowUsd: number; highUsd: number } | null;
};

function CostTable(props: { caption: string; lines: Line[]; totalUsd: number; totalLabel: string }) {
  return (
    <table class="cost-table">
      <caption class="muted">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" class="n">
            US$
          </th>
        </tr>
      </thead>
      <tbody>
        {props.lines.map((l) => (
          <tr>
            <th scope="row" style="font-weight:400">
              {l.label}
              {l.estimate ? " (estimate)" : ""}
              {l.note ? <small class="muted">{l.note}</small> : null}
              <Sources sources={l.source} />
            </th>
            <td class="n">{usd(l.usd)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{props.totalLabel}</th>
          <td class="n">{usd(props.totalUsd)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function NotIncluded(props: { items: Missing[] }) {
  if (props.items.length === 0) return null;
  // "not included: enter your quote" is what the heading says; other reasons (an unknown fee) are shown,
  // with the data's note on what is known, once where several items share it.
  const isQuote = (n: Missing) => n.reason === NOT_INCLUDED_REASON;
  const notes = [...new Set(props.items.filter((n) => !isQuote(n) && n.note).map((n) => n.note as string))];
  return (
    <>
      <h4>Not included: enter your quotes above</h4>
      <ul>
        {props.items.map((n) => (
          <li>
            {n.label}
            {isQuote(n) ? "" : ` (${n.reason})`}:{" "}
            {n.typicalRange
              ? `typically ${usd(n.typicalRange.lowUsd)} to ${usd(n.typicalRange.highUsd)}`
              : "no typical figure in our data"}
          </li>
        ))}
      </ul>
      {notes.map((note) => (
        <p class="muted">{note}</p>
      ))}
    </>
  );
}

const range = (a: number, b: number) => (a === b ? usd(a / 100) : `${usd(a / 100)} to ${usd(b / 100)}`);

/** The comparison in one sentence, with the costs it could not count. */
export function verdictText(c: Comparison): string {
  const lo = c.usMinusImportLowCents;
  const hi = c.usMinusImportHighCents;
  const main =
    c.verdict === "import_cheaper"
      ? `Importing it yourself costs less, by ${range(lo, hi)}.`
      : c.verdict === "us_cheaper"
        ? `Buying from the US seller costs less, by ${range(-hi, -lo)}.`
        : `Too close to call until you enter your quotes: importing comes out between ${usd(-lo / 100)} more and ${usd(hi / 100)} less than the US seller.`;
  const ranges = "Costs not entered count at their typical ranges.";
  const unknown =
    c.unknownCount > 0
      ? ` Not counted: ${c.unknownCount} cost${c.unknownCount === 1 ? "" : "s"} without a figure (listed below).`
      : "";
  return `${main} ${ranges}${unknown}`;
}

function MissingSummary(props: { range: CostPageResult["importRange"] }) {
  const r = props.range;
  const extra = r.highCents > r.totalCents;
  if (!extra && r.unknownCount === 0) return <p>Every cost is in the total.</p>;
  const unknown = r.unknownCount
    ? `${extra ? ", plus" : "Plus"} ${r.unknownCount} cost${r.unknownCount === 1 ? "" : "s"} with no typical figure`
    : "";
  return (
    <p>
      {extra
        ? `Plus the costs you have not entered: typically ${range(r.lowCents - r.totalCents, r.highCents - r.totalCents)} more, ${usd(r.lowCents / 100)} to ${usd(r.highCents / 100)} in all`
        : ""}
      {unknown}. They are listed under "Not included".
    </p>
  );
}

function Result(props: { result: CostPageResult; shareUrl: string }) {
  const { landed, us, comparison } = props.result;
  const where = landed.state ? `registered in ${landed.state.name}` : "landed, before state charges";
  return (
    <section aria-labelledby="result-h">
      <h2 id="result-h">
        Import it yourself: {usd(landed.totalUsd)} {where}
      </h2>
      <MissingSummary range={props.result.importRange} />
      <p class="muted">
        Entry on {landed.entryDate} · {landed.fx.jpyPerUsd} JPY per USD
        {landed.fx.date ? ` (rate of ${landed.fx.date})` : ""}
        {props.result.rateOrigin === "yours" ? "" : " (default)"} · HTS {landed.hts.code},{" "}
        {landed.hts.rateText}
      </p>
      <StackedBars bars={props.result.bars} caption="Where the money goes, in US dollars" />
      {comparison ? (
        <p class="verdict">{verdictText(comparison)}</p>
      ) : (
        <p>Enter a US seller's price for the same truck (below) to compare.</p>
      )}
      <p style="overflow-wrap:anywhere">
        Link to this estimate: <a href={props.shareUrl}>{props.shareUrl}</a>
      </p>
      <div class="cards">
        <section class="card" aria-labelledby="import-h">
          <h3 id="import-h">Import it yourself</h3>
          <CostTable
            caption="Landed and registered cost, itemized"
            lines={landed.lines}
            totalUsd={landed.totalUsd}
            totalLabel="Total"
          />
          <NotIncluded items={landed.notIncluded} />
        </section>
        {us ? (
          <section class="card" aria-labelledby="us-h">
            <h3 id="us-h">Buy from a US seller at {usd(us.priceUsd)}</h3>
            <CostTable
              caption="Price and state charges, itemized"
              lines={[
                {
                  id: "price",
                  label: "Asking price",
                  usd: us.priceUsd,
                  estimate: false,
                  source: [{ title: "Your input (the price you entered)", url: null }],
                },
                ...us.lines,
              ]}
              totalUsd={us.totalUsd}
              totalLabel="Total"
            />
            <NotIncluded items={us.notIncluded} />
            {us.warnings.map((w) => (
              <p class="muted">{w}</p>
            ))}
          </section>
        ) : null}
      </div>
      {landed.warnings.length ? (
        <>
          <h3>Good to know</h3>
          <ul>
            {landed.warnings.map((w) => (
              <li>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p class="muted">{landed.disclaimer}</p>
    </section>
  );
}

export function CostPage(props: {
  viewer?: Viewer;
  form: CostFormProps;
  result: CostPageResult | null;
  shareUrl: string;
}) {
  const err = props.form.error;
  return (
    <Layout
      title="What will it cost?"
      viewer={props.viewer}
      description="The landed and registered cost of a kei truck from a yen price, itemized with sources."
    >
      <style>{raw(PAGE_CSS + BARS_CSS)}</style>
      <h1>What will it cost?</h1>
      <p>
        From a yen price in Japan to the total in your state: duty, federal fees and state charges from the
        fact data, your own quotes for the rest, each line with its source. Beside it, the same truck from a
        US seller.
      </p>
      {err ? (
        <p class="error" role="alert">
          {err.field && FIELD_LABELS[err.field] ? (
            <a href={`#${err.field}`}>
              {FIELD_LABELS[err.field]}: {err.message}
            </a>
          ) : (
            err.message
          )}
        </p>
      ) : null}
      {props.result ? <Result result={props.result} shareUrl={props.shareUrl} /> : null}
      <h2>{props.result ? "Change the numbers" : "Your truck"}</h2>
      <CostForm {...props.form} />
    </Layout>
  );
}
