// The /cost form: every input of the landed-cost engine, each with its default said in words, sent by
// GET so the address of the answer is the shareable link. An error is shown under the field it names.
import type { Child } from "hono/jsx";

export interface CostFormProps {
  values: Record<string, string>;
  /** The field an error names (schema names: priceJpy, fx, to…), and its message. */
  error: { field: string | null; message: string } | null;
  today: string;
  /** Where the default rate comes from, in words, or null when the user must enter one. */
  rateDefault: { jpyPerUsd: number; text: string } | null;
  /** The destination picked when the form does not say: the viewer's home state. */
  homeState: { code: string; name: string } | null;
  states: readonly { code: string; name: string }[];
  /** Tariff lines to choose from; the first is the default. */
  htsLines: readonly { hts: string; description: string; rateText: string }[];
}

const QUOTES: readonly [name: string, label: string, hint?: string][] = [
  [
    "japanFeesJpy",
    "Japan-side fees, yen (auction, agent, inland transport, port)",
    "Default: not included, typical ranges listed. Enter 0 if your price is FOB and already covers them.",
  ],
  ["freightUsd", "Ocean freight, US$"],
  ["insuranceJpy", "Marine insurance, yen"],
  ["brokerUsd", "Customs broker fee, US$"],
  ["customsBondUsd", "Single-entry customs bond, US$"],
  ["isfBondUsd", "ISF filing and ISF bond, US$"],
  ["portUsd", "US port and terminal charges, US$"],
  ["deliveryUsd", "Delivery from the port, US$"],
];

/** The form's fields by name, as labelled on the page (the error summary names the field this way). */
export const FIELD_LABELS: Record<string, string> = {
  priceJpy: "Price in Japan, yen",
  fx: "Exchange rate, yen per US dollar",
  fxDate: "Date of your rate",
  built: "Built (year, month or date)",
  hts: "Tariff line (HTS)",
  to: "Destination state",
  entry: "US entry date",
  hmf: "Harbor maintenance fee",
  usPriceUsd: "A US seller's price for the same truck, US$",
  ...Object.fromEntries(QUOTES.map(([name, label]) => [name, label])),
};

function Described(props: { name: string; hint: string; error: CostFormProps["error"]; children: Child }) {
  const hasError = props.error?.field === props.name;
  return (
    <div class="field">
      {props.children}
      <small id={`${props.name}-hint`} class="muted hint">
        {props.hint}
      </small>
      {hasError ? (
        <p id={`${props.name}-err`} class="error">
          {props.error?.message}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(name: string, error: CostFormProps["error"]) {
  const invalid = error?.field === name;
  return {
    "aria-describedby": `${name}-hint${invalid ? ` ${name}-err` : ""}`,
    ...(invalid ? { "aria-invalid": "true" } : {}),
  };
}

function Input(props: {
  name: string;
  hint: string;
  form: CostFormProps;
  type?: string;
  inputmode?: "numeric" | "decimal";
  placeholder?: string;
  required?: boolean;
}) {
  const { name, form } = props;
  return (
    <Described name={name} hint={props.hint} error={form.error}>
      <label for={name}>{FIELD_LABELS[name]}</label>
      <input
        id={name}
        name={name}
        type={props.type ?? "text"}
        value={form.values[name] ?? ""}
        inputmode={props.inputmode}
        placeholder={props.placeholder}
        required={props.required}
        {...describedBy(name, form.error)}
      />
    </Described>
  );
}

export function CostForm(props: CostFormProps) {
  const v = props.values;
  const rate = props.rateDefault;
  const anyQuote = QUOTES.some(([name]) => v[name] || props.error?.field === name);
  const selectedState = "to" in v ? v.to : (props.homeState?.code ?? "");
  const [defaultHts, ...otherHts] = props.htsLines;
  return (
    <form method="get" action="/cost" class="card cost-form">
      <fieldset>
        <legend>The truck and the rate</legend>
        <Input
          name="priceJpy"
          hint="The auction hammer price or the seller's FOB price, in whole yen."
          form={props}
          inputmode="numeric"
          placeholder="400000"
          required
        />
        <Input
          name="fx"
          hint={
            rate
              ? `Default: ${rate.jpyPerUsd}, ${rate.text}.`
              : "Required: keiyard has no dated, sourced default rate."
          }
          form={props}
          inputmode="decimal"
          placeholder={rate ? String(rate.jpyPerUsd) : "150"}
          required={!rate}
        />
        <Input
          name="fxDate"
          hint="Optional, with your own rate: shown with it. CBP converts at the certified rate for the quarter of export."
          form={props}
          type="date"
        />
        <Input
          name="built"
          hint="Default: not given, and the truck is taken to be 25 or more years old at entry (no Section 232 duty)."
          form={props}
          placeholder="1999-05"
        />
        <Described
          name="hts"
          hint="Default: the kei truck line. A kei passenger van pays less duty."
          error={props.error}
        >
          <label for="hts">{FIELD_LABELS.hts}</label>
          <select id="hts" name="hts" {...describedBy("hts", props.error)}>
            {defaultHts ? (
              <option value="">
                {defaultHts.hts}: {defaultHts.description}, {defaultHts.rateText} (default)
              </option>
            ) : null}
            {otherHts.map((h) => (
              <option value={h.hts} selected={v.hts === h.hts}>
                {h.hts}: {h.description}, {h.rateText}
              </option>
            ))}
          </select>
        </Described>
      </fieldset>
      <fieldset>
        <legend>Where and when</legend>
        <Described
          name="to"
          hint={
            props.homeState
              ? `Default: your home state, ${props.homeState.name}.`
              : "Default: none, federal costs only. Pick a state to add its tax, title and registration."
          }
          error={props.error}
        >
          <label for="to">{FIELD_LABELS.to}</label>
          <select id="to" name="to" {...describedBy("to", props.error)}>
            <option value="" selected={selectedState === ""}>
              None: federal costs only
            </option>
            {props.states.map((s) => (
              <option value={s.code} selected={selectedState === s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </Described>
        <Input name="entry" hint={`Default: today, ${props.today}.`} form={props} type="date" />
        <Described
          name="hmf"
          hint="Default: charged; it applies at the ports listed in 19 CFR 24.24(b), where most kei trucks land."
          error={props.error}
        >
          <label for="hmf">{FIELD_LABELS.hmf}</label>
          <select id="hmf" name="hmf" {...describedBy("hmf", props.error)}>
            <option value="">Charged (default)</option>
            <option value="false" selected={v.hmf === "false"}>
              Not charged: my port is not listed
            </option>
          </select>
        </Described>
      </fieldset>
      <details open={anyQuote}>
        <summary>Your quotes (optional)</summary>
        <p class="muted">
          A cost left blank is left out of the total and listed under "Not included", with its typical range
          where the data has one: never counted as zero.
        </p>
        <div class="quotes">
          {QUOTES.map(([name, , hint]) => (
            <Input
              name={name}
              hint={hint ?? "Default: not included."}
              form={props}
              inputmode={name.endsWith("Jpy") ? "numeric" : "decimal"}
            />
          ))}
        </div>
      </details>
      <fieldset>
        <legend>Compare with a US seller</legend>
        <Input
          name="usPriceUsd"
          hint="Default: no comparison. The state's tax and fees are added to it as to the import."
          form={props}
          inputmode="decimal"
          placeholder="6500"
        />
      </fieldset>
      <button type="submit">Estimate</button>
    </form>
  );
}
