// A fact's sources, folded away under a count so the page stays readable.
export function Sources(props: { sources: readonly { title: string; url: string | null }[] }) {
  if (props.sources.length === 0) return null;
  return (
    <details>
      <summary>Sources ({props.sources.length})</summary>
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
          </li>
        ))}
      </ul>
    </details>
  );
}
