import { MIN_PASSWORD_LENGTH } from "../../services/password.schema.js";
import { Layout, type Viewer } from "../layout.js";

export interface FormState {
  values?: Record<string, string>;
  /** An AppError; `details.issues`, when there, lists every problem of the form. */
  error?: { message: string; field?: string | undefined; details?: Record<string, unknown> | undefined };
}

/** A new password's label and field (sign-up, reset, change): the minimum said and checked alike. */
export function NewPasswordField(props: { label: string }) {
  return (
    <>
      <label for="password">
        {props.label} (at least {MIN_PASSWORD_LENGTH} characters)
      </label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="new-password"
        minlength={MIN_PASSWORD_LENGTH}
        required
      />
    </>
  );
}

/** "usState: …" as the form's label says it ("State: …"), for a field the form names. */
function labelled(text: string, labels: Readonly<Record<string, string>>): string {
  const at = text.indexOf(": ");
  const label = at > 0 ? labels[text.slice(0, at)] : undefined;
  return label ? `${label}: ${text.slice(at + 2)}` : text;
}

export function ErrorBox(props: { error?: FormState["error"]; labels?: Readonly<Record<string, string>> }) {
  const e = props.error;
  if (!e) return null;
  const labels = props.labels ?? {};
  const issues = (Array.isArray(e.details?.issues) ? (e.details.issues as string[]) : []).map((i) =>
    labelled(i, labels),
  );
  return issues.length > 1 ? (
    <div class="error" role="alert">
      <p>Please fix these {issues.length} things:</p>
      <ul>
        {issues.map((i) => (
          <li>{i}</li>
        ))}
      </ul>
    </div>
  ) : (
    <p class="error" role="alert">
      {labelled(e.message, labels)}
    </p>
  );
}

export function SignUpPage(props: { viewer: Viewer; form?: FormState }) {
  const v = props.form?.values ?? {};
  return (
    <Layout title="Sign up" viewer={props.viewer}>
      <h1>Create an account</h1>
      <ErrorBox error={props.form?.error} />
      <form method="post" action="/signup" class="card">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="email" required value={v.email ?? ""} />
        <NewPasswordField label="Password" />
        <label for="displayName">Name to show</label>
        <input id="displayName" name="displayName" required maxlength={80} value={v.displayName ?? ""} />
        <fieldset>
          <legend>I want to</legend>
          <label class="inline">
            <input type="radio" name="role" value="buyer" checked={v.role !== "seller"} /> buy
          </label>{" "}
          <label class="inline">
            <input type="radio" name="role" value="seller" checked={v.role === "seller"} /> sell
          </label>
        </fieldset>
        <label for="sellerKind">If selling, as a</label>
        <select id="sellerKind" name="sellerKind">
          <option value="">—</option>
          <option value="private" selected={v.sellerKind === "private"}>
            private seller
          </option>
          <option value="dealer" selected={v.sellerKind === "dealer"}>
            dealer
          </option>
        </select>
        <label for="dealerName">Dealership name (dealers)</label>
        <input id="dealerName" name="dealerName" maxlength={120} value={v.dealerName ?? ""} />
        <button type="submit">Sign up</button>
      </form>
      <p>
        Have an account? <a href="/login">Log in</a>.
      </p>
    </Layout>
  );
}

export function LogInPage(props: { viewer: Viewer; form?: FormState; next?: string; notice?: string }) {
  return (
    <Layout title="Log in" viewer={props.viewer}>
      <h1>Log in</h1>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <ErrorBox error={props.form?.error} />
      <form method="post" action="/login" class="card">
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <label for="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          required
          value={props.form?.values?.email ?? ""}
        />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <button type="submit">Log in</button>
      </form>
      <p>
        New here? <a href="/signup">Create an account</a>. Forgot your password?{" "}
        <a href="/reset">Choose a new one</a>.
      </p>
    </Layout>
  );
}
