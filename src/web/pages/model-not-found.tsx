import type { Make } from "../../domain/catalog/families.js";
import { Layout, type Viewer } from "../layout.js";

/** A helpful 404 for /models/…: what was not found, near misses, and where to go instead. */
export function ModelNotFoundPage(props: {
  viewer?: Viewer;
  message: string;
  suggestions: readonly string[];
  makes: readonly Make[];
  /** Show this make's models rather than every make. */
  make?: Make;
}) {
  return (
    <Layout title="Model not found" viewer={props.viewer}>
      <h1>Not in the catalog</h1>
      <p role="alert">{props.message}</p>
      {props.suggestions.length ? (
        <p>
          Did you mean{" "}
          {props.suggestions.map((s, i) => (
            <>
              {i > 0 ? ", " : ""}
              <a href={`/models/${s}`}>{s}</a>
            </>
          ))}
          ?
        </p>
      ) : null}
      {props.make ? (
        <>
          <h2>{props.make.make} models</h2>
          <ul>
            {props.make.families.map((f) => (
              <li>
                <a href={`/models/${props.make!.slug}/${f.slug}`}>
                  {props.make!.make} {f.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <h2>Makes in the catalog</h2>
          <ul>
            {props.makes.map((m) => (
              <li>
                <a href={`/models#${m.slug}`}>{m.make}</a>:{" "}
                {m.families.map((f, i) => (
                  <>
                    {i > 0 ? ", " : ""}
                    <a href={`/models/${m.slug}/${f.slug}`}>{f.name}</a>
                  </>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        Chassis-code pages are at <code>/models/DA63T</code>, model pages at <code>/models/suzuki/carry</code>
        . <a href="/models">All models</a>.
      </p>
    </Layout>
  );
}
