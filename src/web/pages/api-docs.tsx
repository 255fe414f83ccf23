import { Layout } from "../layout.js";

interface Operation {
  summary?: string;
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    schema?: { type?: string; pattern?: string };
  }[];
}

// A plain, server-rendered reference built from the OpenAPI document: no CDN assets, works offline.
export function ApiDocsPage(props: { doc: { paths?: object } }) {
  const paths = Object.entries((props.doc.paths ?? {}) as Record<string, Record<string, Operation>>);
  return (
    <Layout title="API reference">
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
            {op.parameters?.length ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Parameter</th>
                    <th scope="col">In</th>
                    <th scope="col">Required</th>
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
