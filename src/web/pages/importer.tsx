// /importer and /importer/batches/:id: upload auction lots, then the evaluated batch as a table that
// sorts and filters by link (no JavaScript needed), with the summary and a CSV download.

import { raw } from "hono/html";
import type { LotBatchRow } from "../../db/schema/lots.js";
import type { LotSummary } from "../../domain/lots/summary.js";
import type { LotResult } from "../../domain/lots/types.js";
import type { AppError } from "../../services/app-error.js";
import { MAX_UPLOAD_BYTES, RESULT_FILTERS, RESULTS_PAGE } from "../../services/lot-batches.js";
import { num, usd, yen } from "../components/format.js";
import { Layout, type Viewer } from "../layout.js";

const $ = (cents: number | null | undefined) =>
  cents == null ? "—" : `${cents < 0 ? "−" : ""}${usd(Math.round(Math.abs(cents) / 100))}`;

/** The lot format document (docs/auction-lots.md), rendered as a page. */
export function LotFormatPage(props: { viewer: Viewer; html: string }) {
  return (
    <Layout title="The auction-lot CSV format" viewer={props.viewer}>
      <p>
        <a href="/importer">← Evaluate auction lots</a>
      </p>
      <article class="prose">{raw(props.html)}</article>
    </Layout>
  );
}

/** The per-truck costs besides freight, as lotsInputSchema names them: the CLI's options. */
const COSTS = [
  ["japanFeesJpy", "Japan-side fees (auction, transport, export), yen"],
  ["insuranceJpy", "Marine insurance, yen"],
  ["brokerUsd", "Customs broker, USD"],
  ["portUsd", "Port and terminal fees, USD"],
  ["deliveryUsd", "Delivery from the port, USD"],
  ["isfBondUsd", "ISF filing and bond, USD"],
  ["customsBondUsd", "Single-entry customs bond, USD"],
] as const;

/** Every per-truck cost the form takes, freight first. */
const ALL_COSTS = [["freightUsd", "Freight per truck, USD"] as const, ...COSTS];

/** The rate and the per-truck costs a batch was evaluated with: "Evaluated at 150 yen per dollar · …". */
function optionsText(o: Record<string, string>): string {
  const given = ALL_COSTS.filter(([k]) => o[k] !== undefined);
  const parts = [
    o.fx ? `${o.fx} yen per dollar` : "this site's yen rate",
    o.priceUnit === "1000" ? "prices in thousands of yen" : null,
    ...given.map(
      ([k, label]) => `${label.replace(/, (USD|yen)$/, "")}: ${o[k]} ${k.endsWith("Jpy") ? "yen" : "USD"}`,
    ),
  ].filter(Boolean);
  return `Evaluated at ${parts.join(" · ")}.`;
}

/** The per-truck costs a batch was not given (landed cost leaves them out). */
function leftOut(o: Record<string, string>): string[] {
  return ALL_COSTS.filter(([k]) => o[k] === undefined).map(([, label]) =>
    label
      .replace(/, (USD|yen)$/, "")
      .replace(/ \(.*\)$/, "")
      .toLowerCase(),
  );
}

export function ImporterPage(props: {
  viewer: Viewer;
  batches: LotBatchRow[];
  /** The site's today: the arrival date's default. */
  today: string;
  error?: AppError | undefined;
  /** The options of a refused upload, shown again so that a second try is for the same state and day. */
  values?: Record<string, string>;
  notice?: string | undefined;
}) {
  const v = props.values ?? {};
  const to = v.to ?? props.viewer.state;
  return (
    <Layout title="Evaluate auction lots" viewer={props.viewer}>
      <h1>Evaluate auction lots</h1>
      <p>
        Upload a CSV of Japanese auction lots (the columns are in{" "}
        <a href="/importer/format">the lot format</a>; English or Japanese headers). For each lot: may it
        enter the US on your ship's arrival day, its landed cost in your state, the fair US price and your
        margin. Up to 50,000 lots here; <code>keiyard lots</code> takes any size. For one lot's sheet, see{" "}
        <a href="/auction-sheet">what its codes mean</a>.
      </p>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      {props.error ? (
        <p class="error" role="alert">
          {props.error.message}
        </p>
      ) : null}
      <form
        method="post"
        action="/importer"
        enctype="multipart/form-data"
        class="card"
        data-island="importer"
        data-max-bytes={String(MAX_UPLOAD_BYTES)}
      >
        <label for="file">Lots file (CSV, UTF-8)</label>
        <input id="file" name="file" type="file" accept=".csv,text/csv" required />
        <label for="to">Destination state</label>
        <select id="to" name="to" required>
          {props.viewer.states.map((s) => (
            <option value={s.code} selected={s.code === to}>
              {s.name}
            </option>
          ))}
        </select>
        <label for="arrival">Ship's arrival in the US</label>
        <input id="arrival" name="arrival" type="date" required value={v.arrival ?? props.today} />
        <label for="fx">Yen per dollar (default: this site's rate)</label>
        <input id="fx" name="fx" inputmode="decimal" placeholder="e.g. 150" value={v.fx ?? ""} />
        <label for="priceUnit">Prices in the file are in</label>
        <select id="priceUnit" name="priceUnit">
          <option value="1">yen</option>
          <option value="1000" selected={v.priceUnit === "1000"}>
            thousands of yen
          </option>
        </select>
        <label for="freightUsd">Freight per truck, USD (optional)</label>
        <input id="freightUsd" name="freightUsd" inputmode="decimal" value={v.freightUsd ?? ""} />
        <details open={COSTS.some(([name]) => v[name]) || undefined}>
          <summary>More costs per truck (optional; as keiyard lots takes them)</summary>
          {COSTS.map(([name, label]) => (
            <>
              <label for={name}>{label}</label>
              <input id={name} name={name} inputmode="decimal" value={v[name] ?? ""} />
            </>
          ))}
        </details>
        <button type="submit">Upload and evaluate</button>
        <p id="upload-status" role="status" aria-live="polite" />
        <label for="upload-progress" class="muted">
          Upload
        </label>
        <progress id="upload-progress" hidden value="0" max="1" />
        <label for="rows-progress" class="muted">
          Evaluation
        </label>
        <progress id="rows-progress" hidden value="0" max="1" />
      </form>
      <h2>Your batches</h2>
      {props.batches.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Evaluated</th>
              <th scope="col">Lots</th>
              <th scope="col">Row errors</th>
              <th scope="col">For</th>
            </tr>
          </thead>
          <tbody>
            {props.batches.map((b) => (
              <tr>
                <td>
                  <a href={`/importer/batches/${b.id}`}>{b.fileName}</a>
                </td>
                <td>{b.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td>{num(b.rowCount)}</td>
                <td>{num(b.errorCount)}</td>
                <td>
                  {b.options.to}, arriving {b.options.arrival}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <script src="/static/importer.js" defer />
    </Layout>
  );
}

const SORT_LABELS: Record<string, string> = {
  line: "Line",
  margin: "Margin",
  landed: "Landed",
  fair: "Fair price",
  price: "Price",
};
const FILTER_LABELS: Record<(typeof RESULT_FILTERS)[number], string> = {
  all: "All",
  importable: "Importable",
  needs_evidence: "Needs evidence",
  not_importable: "Not importable",
  errors: "Row errors",
};

function Row(props: { r: LotResult }) {
  const r = props.r;
  const v = r.vehicle;
  const m = r.margin;
  // A fact-data range has no single margin: both ends are shown, starred like the range it comes from.
  const margin = m ? (m.cents ?? m.lowCents) : null;
  return (
    <tr>
      <td>{r.line}</td>
      <td>{r.lotNo}</td>
      <td>{v ? `${v.make} ${v.model}${v.chassisCode ? ` ${v.chassisCode}` : ""}` : "not identified"}</td>
      <td>{r.year ?? "—"}</td>
      <td>{r.mileageKm === null ? "—" : num(r.mileageKm)}</td>
      <td>
        {r.eligibility
          ? `${r.eligibility.verdict.replace("_", " ")}${r.eligibility.eligibleFrom ? ` (from ${r.eligibility.eligibleFrom})` : ""}`
          : "—"}
      </td>
      <td>{r.price ? `${yen(r.price.jpy)} (${r.price.basis})` : "—"}</td>
      <td>{$(r.landedCents)}</td>
      <td>
        {r.fair?.source === "model"
          ? $(r.fair.fairCents)
          : r.fair?.source === "facts"
            ? `${$(r.fair.lowCents)}–${$(r.fair.highCents)}*`
            : "—"}
      </td>
      <td class={margin !== null && margin > 0 ? "ok" : undefined}>
        {m === null ? "—" : m.cents !== null ? $(m.cents) : `${$(m.lowCents)}–${$(m.highCents)}*`}
      </td>
      <td>{[...r.errors, ...r.warnings].map((i) => `${i.column}: ${i.reason}`).join("; ")}</td>
    </tr>
  );
}

export function BatchPage(props: {
  viewer: Viewer;
  batch: LotBatchRow;
  results: LotResult[];
  total: number;
  view: { sort: string; filter: string; page: number };
  existing: boolean;
}) {
  const { batch: b, view } = props;
  const s = b.summary as unknown as LotSummary;
  const base = `/importer/batches/${b.id}`;
  const link = (o: Partial<typeof view>) =>
    `${base}?${new URLSearchParams({ ...view, ...o, page: String(o.page ?? 1) } as Record<string, string>)}`;
  const pages = Math.max(1, Math.ceil(props.total / RESULTS_PAGE));
  return (
    <Layout title={`Lots: ${b.fileName}`} viewer={props.viewer}>
      <p>
        <a href="/importer">← All batches</a>
      </p>
      <h1>{b.fileName}</h1>
      {props.existing ? (
        <p class="badge warn" role="status">
          You uploaded this file with these options before: these are the saved results.
        </p>
      ) : null}
      <p>
        {num(s.rows)} lots for {b.options.to}, arriving {b.options.arrival} · evaluated{" "}
        {b.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC ·{" "}
        <a href={`${base}/results.csv`} download>
          Download all results (CSV)
        </a>
      </p>
      <p>{optionsText(b.options)}</p>
      <form method="post" action={`${base}/delete`}>
        <label>
          <input type="checkbox" name="confirm" value="yes" required /> Delete this batch and its results
        </label>{" "}
        <button type="submit">Delete</button>
      </form>
      <ul class="inline-list">
        <li>Importable: {num(s.verdicts.importable)}</li>
        <li>Needs evidence: {num(s.verdicts.needs_evidence)}</li>
        <li>Not importable: {num(s.verdicts.not_importable)}</li>
        <li>Row errors: {num(s.errorRows)}</li>
        <li>Positive margin: {num(s.positiveMargins)}</li>
      </ul>
      <p class="muted">
        {leftOut(b.options).length
          ? `Landed costs leave out what was not given (${leftOut(b.options).join(", ")}); margins are before them. `
          : "Landed costs include every per-truck cost the form takes. "}
        Fair prices marked * are the fact data's typical US range, not a model estimate. Not legal advice.
      </p>
      {s.warnings.length ? (
        <ul>
          {s.warnings.map((w) => (
            <li>{w}</li>
          ))}
        </ul>
      ) : null}
      <nav aria-label="Filter lots">
        {RESULT_FILTERS.map((f) => (
          <>
            <a href={link({ filter: f })} aria-current={view.filter === f ? "true" : undefined}>
              {FILTER_LABELS[f]}
            </a>{" "}
          </>
        ))}
      </nav>
      <p aria-live="polite">{num(props.total)} lots shown by this filter</p>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              {(
                [
                  "line",
                  "Lot",
                  "Truck",
                  "Year",
                  "km",
                  "Verdict",
                  "price",
                  "landed",
                  "fair",
                  "margin",
                  "Notes",
                ] as const
              ).map((col) =>
                col in SORT_LABELS ? (
                  <th
                    scope="col"
                    aria-sort={
                      view.sort === col
                        ? col === "margin" || col === "fair"
                          ? "descending"
                          : "ascending"
                        : undefined
                    }
                  >
                    <a href={link({ sort: col })}>{SORT_LABELS[col]}</a>
                  </th>
                ) : (
                  <th scope="col">{col}</th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {props.results.map((r) => (
              <Row r={r} />
            ))}
          </tbody>
        </table>
      </div>
      {view.page > pages ? (
        <p role="status">
          There is no page {view.page}: these results have {pages} {pages === 1 ? "page" : "pages"}.{" "}
          <a href={link({ page: pages })}>Go to the last page</a>
        </p>
      ) : null}
      <nav aria-label="Pages" class="pages">
        {view.page > 1 ? <a href={link({ page: Math.min(view.page - 1, pages) })}>← Previous</a> : null} Page{" "}
        {Math.min(view.page, pages)} of {pages}{" "}
        {view.page < pages ? <a href={link({ page: view.page + 1 })}>Next →</a> : null}
      </nav>
    </Layout>
  );
}
