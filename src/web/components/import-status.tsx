// A chassis code's import status today, as a badge and the months its builds cross the 25-year line.
import type { ModelStatus } from "../../domain/eligibility/model.js";

export const MODEL_STATUS: Record<ModelStatus, readonly [label: string, cls: string]> = {
  all: ["All may be imported", "ok"],
  some: ["Some may be imported", "warn"],
  none: ["None may be imported yet", "bad"],
  unknown: ["Unknown: check the build date", "warn"],
};

interface Crossing {
  status: ModelStatus;
  firstCrossingMonth: string | null;
  lastCrossingMonth: string | null;
  inProduction: boolean;
}

/** "first from 2026-09; all from 2027-05", "every one since 2026-09", "first from 2038-08". */
export function crossingText(c: Crossing): string {
  const first = c.firstCrossingMonth;
  const last = c.lastCrossingMonth;
  const lastPart = last ? `all from ${last}` : c.inProduction ? "still in production" : "last build unknown";
  switch (c.status) {
    case "all":
      return last ? `every one since ${last}` : "every one";
    case "some":
      return `first since ${first}; ${lastPart}`;
    case "none":
      return first ? `first from ${first}; ${lastPart}` : lastPart;
    case "unknown":
      return [first ? `first from ${first}` : "first build unknown", last ? `all from ${last}` : null]
        .filter(Boolean)
        .join("; ");
  }
}

export function ImportStatus(props: Crossing & { short?: boolean }) {
  const [label, cls] = MODEL_STATUS[props.status];
  return (
    <>
      <span class={`badge ${cls}`}>{label}</span>
      {props.short ? null : <span class="muted"> {crossingText(props)}</span>}
    </>
  );
}
