// Pieces shared by the catalog pages: the timeline with its legend in a sideways-scrolling frame (the
// chart keeps a readable size on a phone), the compare form, and breadcrumbs.
import type { Make } from "../../domain/catalog/families.js";
import type { Timeline } from "../../domain/catalog/timeline.js";
import { MAX_COMPARE } from "../../services/catalog.schema.js";
import { TIMELINE_COLORS, TimelineChart } from "../charts/timeline.js";

export function Swatch(props: { color: string; dashed?: boolean }) {
  return (
    <span
      class="swatch"
      style={`background:${props.dashed ? "none" : props.color};${props.dashed ? `width:0;border:0;border-left:3px dashed ${props.color}` : ""}`}
      aria-hidden="true"
    />
  );
}

export function TimelineFigure(props: {
  timeline: Timeline;
  id: string;
  title: string;
  grouped?: boolean;
  highlight?: string;
}) {
  const t = props.timeline;
  return (
    <figure class="figure">
      <section class="scroll" aria-label={`${props.title} (scrolls sideways)`} tabindex={0}>
        <TimelineChart
          timeline={t}
          id={props.id}
          title={props.title}
          grouped={props.grouped ?? false}
          {...(props.highlight ? { highlight: props.highlight } : {})}
        />
      </section>
      <figcaption class="muted">
        <Swatch color={TIMELINE_COLORS.old} />
        built {t.minAgeYears}+ years ago: may be imported today · <Swatch color={TIMELINE_COLORS.young} />
        not yet {t.minAgeYears} · <Swatch color={TIMELINE_COLORS.line} dashed />
        the {t.minAgeYears}-year line ({t.cutoff}) · pale ends: known to the year only · ▸ still built
      </figcaption>
    </figure>
  );
}

const ORDINAL_LABELS = ["First code", "Second code", "Third code (optional)", "Fourth code (optional)"];

/** A plain GET form: up to four selects named `codes`; empty ones are ignored by the page. */
export function CompareForm(props: { tree: readonly Make[]; selected: readonly string[]; id?: string }) {
  const prefix = props.id ?? "cmp";
  return (
    <form method="get" action="/models/compare" class="card compare-form">
      <div class="cards">
        {Array.from({ length: MAX_COMPARE }, (_, i) => (
          <div>
            <label for={`${prefix}-${i}`}>{ORDINAL_LABELS[i]}</label>
            <select id={`${prefix}-${i}`} name="codes">
              <option value="">—</option>
              {props.tree.map((m) => (
                <optgroup label={m.make}>
                  {m.families.flatMap((f) =>
                    f.entries.map((e) => (
                      <option value={e.chassisCode} selected={props.selected[i] === e.chassisCode}>
                        {e.chassisCode} · {f.name}
                      </option>
                    )),
                  )}
                </optgroup>
              ))}
            </select>
          </div>
        ))}
      </div>
      <button type="submit">Compare</button>
    </form>
  );
}

export function Crumbs(props: { items: readonly (readonly [label: string, href: string | null])[] }) {
  return (
    <nav aria-label="Breadcrumb" class="crumbs">
      {props.items.map(([label, href], i) => (
        <>
          {i > 0 ? " › " : ""}
          {href ? <a href={href}>{label}</a> : <span aria-current="page">{label}</span>}
        </>
      ))}
    </nav>
  );
}
