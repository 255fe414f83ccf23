import type { ImportChecklist } from "../../domain/checklist/index.js";
import { Sources } from "./sources.js";

const STEP_STATUS: Record<string, string> = {
  todo: "to do",
  blocked: "blocked",
  not_possible: "not possible",
  unknown: "unknown",
};

/** The port-to-plates steps, shown on Japan listings and on /import; printable. */
export function ChecklistSection(props: { checklist: ImportChecklist }) {
  const c = props.checklist;
  return (
    <section aria-labelledby="steps-h" class="checklist">
      <h2 id="steps-h">From the port to license plates</h2>
      <p>{c.summary}</p>
      <ol>
        {c.steps.map((s) => (
          <li>
            <strong>{s.title}</strong>{" "}
            <span class={`badge ${s.status === "todo" ? "" : s.status === "unknown" ? "warn" : "bad"}`}>
              {STEP_STATUS[s.status] ?? s.status}
            </span>
            <br />
            <span class="muted">
              Who: {s.who}
              {s.forms.length ? ` · Forms: ${s.forms.join(", ")}` : ""}
            </span>
            <p>{s.detail}</p>
            {s.confirmWith ? <p class="muted">{s.confirmWith}.</p> : null}
            <Sources sources={s.sources} />
          </li>
        ))}
      </ol>
      <p class="muted">{c.disclaimer}</p>
    </section>
  );
}
