// A fact's sources: the list itself, and the list folded away under a count so a page stays readable.
export interface SourceLink {
  title: string;
  url: string | null;
  /** When the source was published or read, where known. */
  date?: string | null;
}

export function SourceList(props: { sources: readonly SourceLink[] }) {
  return (
    <ul>
      {props.sources.map((s) => (
        <li>
          {s.url ? (
            <a href={s.url} rel="nofollow noopener">
              {s.title}
            </a>
          ) : (
            s.title
          )}
          {s.date ? ` (${s.date})` : ""}
        </li>
      ))}
    </ul>
  );
}

export function Sources(props: { sources: readonly SourceLink[] }) {
  if (props.sources.length === 0) return null;
  return (
    <details>
      <summary>Sources ({props.sources.length})</summary>
      <SourceList sources={props.sources} />
    </details>
  );
}
