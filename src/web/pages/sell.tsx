import {
  BED_TYPE_LABELS,
  BED_TYPES,
  CONDITIONS,
  TITLE_STATUSES,
  TRANSMISSIONS,
} from "../../domain/listings/types.js";
import { Layout, type Viewer } from "../layout.js";
import { ErrorBox, type FormState } from "./auth.js";

type Values = Record<string, string>;

function Field(props: {
  name: string;
  label: string;
  values: Values;
  type?: string;
  placeholder?: string;
  hint?: string;
}) {
  return (
    <>
      <label for={props.name}>{props.label}</label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        placeholder={props.placeholder}
        value={props.values[props.name] ?? ""}
      />
      {props.hint ? <small class="muted"> {props.hint}</small> : null}
    </>
  );
}

function Select(props: {
  name: string;
  label: string;
  values: Values;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <>
      <label for={props.name}>{props.label}</label>
      <select id={props.name} name={props.name}>
        <option value="">—</option>
        {props.options.map(([v, l]) => (
          <option value={v} selected={props.values[props.name] === v}>
            {l}
          </option>
        ))}
      </select>
    </>
  );
}

const pairs = (xs: readonly string[]) => xs.map((x) => [x, x.replace(/_/g, " ")] as const);

/** The listing form: new (action /sell) or edit (action /trucks/:id/edit). The frame number fills it. */
/** The form's fields as its labels name them, for the errors shown over it. */
const LABELS: Readonly<Record<string, string>> = {
  frameNumber: "Frame number",
  title: "Title",
  location: "Where is the truck?",
  make: "Make",
  model: "Model",
  driveOverride: "Drive",
  buildMonth: "Build month",
  ageEvidence: "That month comes from",
  mileageKm: "Mileage (km)",
  transmission: "Transmission",
  bedType: "Bed",
  condition: "Condition",
  auctionGrade: "Auction grade",
  description: "Description",
  priceUsd: "Price (USD)",
  usState: "State",
  zip: "ZIP",
  titleStatus: "Title status",
  priceJpy: "Price (yen)",
  jpPort: "Port",
};

export function SellPage(props: {
  viewer: Viewer;
  action: string;
  form?: FormState;
  decoded?: { summary: string; drive: string | null } | null;
  guidance?: string | null;
  heading: string;
}) {
  const v = props.form?.values ?? {};
  return (
    <Layout title={props.heading} viewer={props.viewer}>
      <h1>{props.heading}</h1>
      <ErrorBox error={props.form?.error} labels={LABELS} />
      <form method="post" action={props.action} class="card" id="listing-form">
        <Field
          name="frameNumber"
          label="Frame number (chassis number)"
          values={v}
          placeholder="DA63T-123456"
          hint="fills make, model, generation, drive and engine"
        />
        <button type="submit" name="intent" value="decode" class="small">
          Fill from frame number
        </button>
        {props.decoded ? (
          <p class="badge ok" id="decoded">
            {props.decoded.summary}
          </p>
        ) : null}
        {props.guidance ? (
          <p class="muted" id="guidance">
            {props.guidance}
          </p>
        ) : null}
        <Field name="title" label="Title" values={v} placeholder="1996 Honda Acty 4WD, dump bed" />
        <Select
          name="location"
          label="Where is the truck?"
          values={{ location: v.location ?? "us" }}
          options={[
            ["us", "In the US"],
            ["jp", "In Japan"],
          ]}
        />
        <Field name="make" label="Make (if no frame number)" values={v} />
        <Field name="model" label="Model (if no frame number)" values={v} />
        {props.decoded?.drive === "both" || v.driveOverride ? (
          <Select
            name="driveOverride"
            label="Drive (this code was built as 2WD and 4WD)"
            values={v}
            options={[
              ["2WD", "2WD"],
              ["4WD", "4WD"],
            ]}
          />
        ) : null}
        <Field
          name="buildMonth"
          label="Build month (or first-registration month)"
          values={v}
          placeholder="1996-05"
        />
        <Select
          name="ageEvidence"
          label="That month comes from"
          values={v}
          options={[
            ["build_month", "the build plate or label"],
            ["first_registration", "the export certificate (first registration)"],
            ["none", "I don't know"],
          ]}
        />
        <Field name="mileageKm" label="Mileage (km)" values={v} type="number" />
        <Select name="transmission" label="Transmission" values={v} options={pairs(TRANSMISSIONS)} />
        <Select
          name="bedType"
          label="Bed"
          values={{ bedType: v.bedType ?? "standard" }}
          options={BED_TYPES.map((b) => [b, BED_TYPE_LABELS[b]] as const)}
        />
        <label class="inline">
          <input type="checkbox" name="highLowRange" checked={v.highLowRange === "on"} /> High/low range
        </label>{" "}
        <label class="inline">
          <input type="checkbox" name="diffLock" checked={v.diffLock === "on"} /> Diff lock
        </label>
        <Select name="condition" label="Condition" values={v} options={pairs(CONDITIONS)} />
        <Field name="auctionGrade" label="Auction grade (if known)" values={v} placeholder="4" />
        <label for="description">Description</label>
        <textarea id="description" name="description" rows={5} maxlength={5000} style="width:100%">
          {v.description ?? ""}
        </textarea>
        <fieldset>
          <legend>In the US</legend>
          <Field name="priceUsd" label="Price (USD)" values={v} type="number" />
          <Field name="usState" label="State" values={v} placeholder="TX" />
          <Field name="zip" label="ZIP" values={v} />
          <Select name="titleStatus" label="Title status" values={v} options={pairs(TITLE_STATUSES)} />
        </fieldset>
        <fieldset>
          <legend>In Japan</legend>
          <Field name="priceJpy" label="Price (yen, FOB)" values={v} type="number" />
          <Field name="jpPort" label="Port" values={v} placeholder="Yokohama" />
        </fieldset>
        <button type="submit" name="intent" value="save">
          Save listing
        </button>
      </form>
    </Layout>
  );
}
