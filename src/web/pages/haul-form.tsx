// The haul planner's form: a plain GET form (the plan is a shareable URL) with one row per kind of load
// and three custom rows, so it works without JavaScript.
import type { Facts, HaulLoad } from "../../facts/schemas.js";
import { CUSTOM_ROWS, DEFAULT_HAUL_CODE } from "../../services/haul.schema.js";

type Q = Record<string, string>;

function Select(props: { id: string; label: string; q: Q; options: [string, string][]; none?: string }) {
  const v = props.q[props.id] ?? "";
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.id}>
        {props.none !== undefined ? <option value="">{props.none}</option> : null}
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === v}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}

function Num(props: { id: string; label: string; q: Q; placeholder?: string; size?: number }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        inputmode="decimal"
        value={props.q[props.id] ?? ""}
        placeholder={props.placeholder}
        size={props.size ?? 8}
      />
    </>
  );
}

const idsOf = (facts: Facts, kind: HaulLoad["kind"]): [string, string][] =>
  facts.haulLoads.filter((l) => l.kind === kind).map((l) => [l.id, l.name]);

export function HaulForm(props: { facts: Facts; q: Q; error: string | null }) {
  const { facts, q } = props;
  const bedKnown = new Set(facts.haulLoads.flatMap((l) => (l.kind === "bed_side" ? l.chassisCodes : [])));
  const codes: [string, string][] = facts.catalog.map((e) => [
    e.chassisCode,
    `${e.make} ${e.model} ${e.chassisCode}${bedKnown.has(e.chassisCode) ? " (bed size known)" : ""}`,
  ]);
  return (
    <form method="get" action="/haul" class="card haul-form" aria-labelledby="haul-form-h">
      <h2 id="haul-form-h">What to carry</h2>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <fieldset>
        <legend>Truck</legend>
        <Select id="code" label="Chassis code" q={{ code: DEFAULT_HAUL_CODE, ...q }} options={codes} />
        <Num
          id="height"
          label="Load height above the bed floor, inches (empty: level with the sides)"
          q={q}
        />
      </fieldset>
      <fieldset>
        <legend>Firewood</legend>
        <Select id="wood" label="Species" q={q} none="none" options={idsOf(facts, "firewood")} />
        <Select
          id="woodCond"
          label="Condition"
          q={q}
          options={[
            ["seasoned", "seasoned (air-dried)"],
            ["green", "green (fresh cut)"],
          ]}
        />
        <Num id="woodAmt" label="Amount" q={q} placeholder="1" />
        <Select
          id="woodUnit"
          label="Unit"
          q={q}
          options={[
            ["cord", "cord (128 ft³)"],
            ["face_cord", "face cord (16-inch pieces, 1/3 cord)"],
          ]}
        />
      </fieldset>
      <fieldset>
        <legend>Hay</legend>
        <Select id="hay" label="Bale type" q={q} none="none" options={idsOf(facts, "hay_bale")} />
        <Num id="hayN" label="Number of bales" q={q} placeholder="10" />
      </fieldset>
      <fieldset>
        <legend>Gravel, soil, sand, mulch</legend>
        <Select id="bulk" label="Material" q={q} none="none" options={idsOf(facts, "bulk")} />
        <Num id="bulkYd" label="Cubic yards" q={q} placeholder="0.5" />
      </fieldset>
      <fieldset>
        <legend>Sheets (4 × 8 ft)</legend>
        <Select id="sheet" label="Sheet type" q={q} none="none" options={idsOf(facts, "sheet")} />
        <Num id="sheetN" label="Number of sheets" q={q} placeholder="6" />
      </fieldset>
      <fieldset>
        <legend>Other items (weight as you know it; size optional, inches)</legend>
        {CUSTOM_ROWS.map((n) => (
          <div class="custom-row">
            <span>
              <label for={`c${n}name`}>Item {n}</label>
              <input
                id={`c${n}name`}
                name={`c${n}name`}
                value={q[`c${n}name`] ?? ""}
                size={14}
                maxlength={60}
              />
            </span>
            <span>
              <Num id={`c${n}weight`} label="Weight" q={q} size={6} />
            </span>
            <span>
              <Select
                id={`c${n}unit`}
                label="Unit"
                q={q}
                options={[
                  ["lb", "lb"],
                  ["kg", "kg"],
                ]}
              />
            </span>
            <span>
              <Num id={`c${n}qty`} label="How many" q={q} size={4} placeholder="1" />
            </span>
            <span>
              <Num id={`c${n}len`} label="Length" q={q} size={4} />
            </span>
            <span>
              <Num id={`c${n}wid`} label="Width" q={q} size={4} />
            </span>
            <span>
              <Num id={`c${n}hgt`} label="Height" q={q} size={4} />
            </span>
          </div>
        ))}
      </fieldset>
      <button type="submit">Plan the haul</button>
    </form>
  );
}
