import { Layout, type Viewer } from "../layout.js";

interface ParamSchema {
  type?: string;
  pattern?: string;
  enum?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  maxLength?: number;
  default?: unknown;
}

interface Operation {
  summary?: string;
  description?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: ParamSchema;
  }[];
}

// Years and other numbers below 10,000 read better without a comma ("1950 to 2100").
const n = (v: number) => (Math.abs(v) < 10_000 ? String(v) : v.toLocaleString("en-US"));

/** The shapes the input schemas use, in words. */
const PATTERNS: Record<string, string> = {
  "^\\d{4}-\\d{2}-\\d{2}$": "date YYYY-MM-DD",
  "^\\d{4}-\\d{2}$": "month YYYY-MM",
  "^\\d{4}-\\d{2}(-\\d{2})?$": "month YYYY-MM or date YYYY-MM-DD",
  "^\\d{5}$": "5-digit ZIP code",
};

/** What a parameter accepts, in words, from its schema (the same schema that validates it). */
export function accepts(s: ParamSchema | undefined): string {
  if (!s) return "";
  let what: string;
  if (s.enum) what = `one of ${s.enum.join(", ")}`;
  else if (s.type === "integer" || s.type === "number") {
    const kind = s.type === "integer" ? "whole number" : "number";
    const lo = s.minimum === undefined ? null : `${s.exclusiveMinimum ? "above" : "from"} ${n(s.minimum)}`;
    const hi = s.maximum === undefined ? null : `${s.exclusiveMaximum ? "below" : "to"} ${n(s.maximum)}`;
    what = [kind, lo, hi].filter(Boolean).join(" ");
  } else if (s.pattern) what = PATTERNS[s.pattern] ?? `text matching ${s.pattern}`;
  else if (s.maxLength !== undefined) what = `text, up to ${n(s.maxLength)} characters`;
  else what = s.type ?? "";
  return s.default === undefined ? what : `${what} (default ${String(s.default)})`;
}

// A plain, server-rendered reference built from the OpenAPI document: no CDN assets, works offline.
export function ApiDocsPage(props: { doc: { paths?: object }; viewer?: Viewer }) {
  const paths = Object.entries((props.doc.paths ?? {}) as Record<string, Record<string, Operation>>);
  return (
    <Layout title="API reference" viewer={props.viewer}>
      <h1>JSON API</h1>
      <p>
        Every answer of the site as JSON. Errors are{" "}
        <code>{'{ "error": { "code", "message", "field"? } }'}</code> with a 4xx status. Machine-readable:{" "}
        <a href="/api/openapi.json">/api/openapi.json</a>.
      </p>
      {paths.map(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => (
          <section class="card" style="margin-bottom:1rem">
            <h2>
              <code>
                {method.toUpperCase()} {path}
              </code>
            </h2>
            <p>{op.summary}</p>
            {op.description ? <p class="muted">{op.description}</p> : null}
            {op.parameters?.length ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Parameter</th>
                    <th scope="col">In</th>
                    <th scope="col">Required</th>
                    <th scope="col">Accepts</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr>
                      <td>
                        <code>{p.name}</code>
                      </td>
                      <td>{p.in}</td>
                      <td>{p.required ? "yes" : "no"}</td>
                      <td>
                        {accepts(p.schema)}
                        {p.description ? ` · ${p.description}` : ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        )),
      )}
    </Layout>
  );
}
