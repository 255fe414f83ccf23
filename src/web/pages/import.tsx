import type { ImportChecklist } from "../../domain/checklist/index.js";
import type { CrossingMonth } from "../../domain/eligibility/model.js";
import type { eligibilityFor } from "../../services/eligibility.js";
import { ChecklistSection } from "../components/checklist.js";
import { Sources } from "../components/sources.js";
import { Layout, type Viewer } from "../layout.js";

type Result = ReturnType<typeof eligibilityFor>;

const VERDICTS = {
  importable: ["May be imported", "ok"],
  not_importable: ["May not be imported yet", "bad"],
  needs_evidence: ["Needs evidence of the build date", "warn"],
} as const;

type Vehicle = NonNullable<Result["vehicle"]>;

const span = (v: Vehicle) =>
  `${v.productionStart ?? "?"} to ${v.inProduction ? "today (still built)" : (v.productionEnd ?? "?")}`;

/** What the frame number says about the truck, as `keiyard decode` prints it, with the model's page. */
function DecodedTruck(props: { vehicle: Vehicle }) {
  const v = props.vehicle;
  return (
    <dl class="decoded">
      <dt>Chassis code</dt>
      <dd>
        <a href={`/models/${encodeURIComponent(v.chassisCode)}`}>{v.chassisCode}</a>
        {v.serial ? `, serial ${v.serial}` : ""} (specs, rebadges and sources on the model page)
      </dd>
      <dt>Generation</dt>
      <dd>
        {v.generation.label}, built {span(v)}
      </dd>
      <dt>Engine</dt>
      <dd>
        {v.engineCodes.length ? v.engineCodes.join(", ") : "unknown"}
        {v.displacementCc ? `, ${v.displacementCc} cc` : ""}
      </dd>
      <dt>Drive</dt>
      <dd>
        {v.drive === null
          ? "unknown"
          : v.drive === "both"
            ? "2WD or 4WD (the code is used for both)"
            : v.drive}
        {v.driveNote ? `: ${v.driveNote}` : ""}
      </dd>
    </dl>
  );
}

/** The eligibility checker with its reasoning step by step, and the port-to-plates checklist. */
export function ImportPage(props: {
  viewer?: Viewer;
  query: Record<string, string>;
  today: string;
  result: Result | null;
  checklist: ImportChecklist | null;
  error: string | null;
  calendar: CrossingMonth[];
  makes: string[];
}) {
  const q = props.query;
  const r = props.result;
  return (
    <Layout title="Can this truck enter the US?" viewer={props.viewer}>
      <h1>Can this truck enter the US?</h1>
      <form method="get" action="/import" class="card">
        <label for="frame">Frame number or chassis code</label>
        <input id="frame" name="frame" value={q.frame ?? ""} placeholder="DA52T-123456" maxlength={64} />
        <label for="built">Build month (manufacturer plate), or exact date</label>
        <input id="built" name="built" value={q.built ?? ""} placeholder="1999-06" />
        <label for="firstRegistered">Or: first-registration month on the export certificate</label>
        <input
          id="firstRegistered"
          name="firstRegistered"
          value={q.firstRegistered ?? ""}
          placeholder="1999-08"
        />
        <label for="on">Planned US entry date</label>
        <input id="on" name="on" type="date" value={q.on ?? props.today} />
        <button type="submit">Check</button>
      </form>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {r ? (
        <section aria-labelledby="verdict-h">
          <h2 id="verdict-h">
            <span class={`badge ${VERDICTS[r.verdict][1]}`}>{VERDICTS[r.verdict][0]}</span> on {r.entryDate}
          </h2>
          {r.vehicle ? (
            <>
              <p>
                {r.vehicle.make} {r.vehicle.model} {r.vehicle.chassisCode}: {r.model?.message}
              </p>
              <DecodedTruck vehicle={r.vehicle} />
            </>
          ) : null}
          <h3>The 25-year rule, step by step</h3>
          <ol>
            {r.fmvss.reasoning.map((s) => (
              <li>{s}</li>
            ))}
          </ol>
          {r.fmvss.commonPracticeFrom ? (
            <p>
              Commonly accepted from {r.fmvss.commonPracticeFrom} ({r.fmvss.commonPracticeLabel}).
            </p>
          ) : null}
          <h3>EPA, Section 232 and duty</h3>
          <ul>
            <li>
              EPA code {r.epa.code}:{" "}
              {r.epa.codeE === null
                ? "unknown"
                : r.epa.codeE
                  ? "the age test passes"
                  : "the age test does not pass"}
              . {r.epa.note}
            </li>
            <li>Section 232: {r.section232.note}</li>
            <li>
              Duty: HTS {r.duty.hts}, {r.duty.rateText}.
            </li>
          </ul>
          {r.warnings.map((w) => (
            <p class="muted">{w}</p>
          ))}
          <Sources sources={r.sources} />
          <p class="muted">{r.disclaimer}</p>
        </section>
      ) : null}
      {props.checklist ? <ChecklistSection checklist={props.checklist} /> : null}
      <section aria-labelledby="cal-h">
        <h2 id="cal-h">Turning 25 in the next 24 months</h2>
        <p>
          Chassis codes whose first (or last) trucks reach 25 years, by month (conservative reading; "~" marks
          a production date known to the year only). Subscribe: <a href="/import/calendar.ics">all makes</a>
          {props.makes.map((m) => (
            <>
              {" · "}
              <a href={`/import/calendar.ics?make=${encodeURIComponent(m)}`}>{m}</a>
            </>
          ))}
        </p>
        <table>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">First trucks turn 25</th>
              <th scope="col">Every truck is 25</th>
            </tr>
          </thead>
          <tbody>
            {props.calendar
              .filter((m) => m.starting.length || m.completing.length)
              .map((m) => (
                <tr>
                  <th scope="row">{m.month}</th>
                  <td>
                    {m.starting
                      .map((x) => `${x.make} ${x.chassisCode}${x.approximate ? "~" : ""}`)
                      .join(", ") || "—"}
                  </td>
                  <td>
                    {m.completing
                      .map((x) => `${x.make} ${x.chassisCode}${x.approximate ? "~" : ""}`)
                      .join(", ") || "—"}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
    </Layout>
  );
}
