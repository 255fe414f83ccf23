// A chassis code's specifications: metric and US side by side, "unknown" where the catalog has no value,
// and a flag on values it has not verified.
import type { SpecRow, SpecValue } from "../../domain/catalog/specs.js";

const n = (v: number) => v.toLocaleString("en-US");

/** "350 kg (772 lb)", "2WD", "5MT, 4AT", or "unknown". */
export function specText(v: SpecValue): string {
  switch (v.kind) {
    case "unknown":
      return "unknown";
    case "text":
      return v.text;
    case "list":
      return v.items.join(", ");
    case "measure":
      return `${n(v.metric)} ${v.metricUnit} (${n(v.us)} ${v.usUnit})`;
  }
}

export function SpecCell(props: { row: SpecRow }) {
  const { row } = props;
  if (row.value.kind === "unknown") return <span class="muted">unknown</span>;
  return (
    <>
      {specText(row.value)}
      {row.unverified ? (
        <>
          {" "}
          <span class="badge warn">not verified</span>
        </>
      ) : null}
    </>
  );
}

/** One code's specs as a two-column table (the value cell carries both unit systems). */
export function SpecTable(props: { rows: readonly SpecRow[]; caption: string }) {
  return (
    <table>
      <caption class="muted">{props.caption}</caption>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            <td>
              <SpecCell row={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
