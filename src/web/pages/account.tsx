// Password reset and change pages, email confirmation, saved searches (/alerts) and the development outbox
// (/dev/outbox).
import type { SavedSearch } from "../../db/schema/alerts.js";
import type { OutboxEntry } from "../../mail/mailer.js";
import type { AppError } from "../../services/app-error.js";
import { Layout, type Viewer } from "../layout.js";
import { ErrorBox, NewPasswordField } from "./auth.js";

export function ResetRequestPage(props: { viewer: Viewer; sent?: string; error?: AppError }) {
  return (
    <Layout title="Reset your password" viewer={props.viewer}>
      <h1>Reset your password</h1>
      {props.sent ? <p role="status">{props.sent}</p> : null}
      <ErrorBox error={props.error} />
      <form method="post" action="/reset" class="card">
        <label for="email">Your account's email</label>
        <input id="email" name="email" type="email" autocomplete="email" required />
        <button type="submit">Email me a link</button>
      </form>
    </Layout>
  );
}

export function ResetPasswordPage(props: { viewer: Viewer; token: string; live: boolean; error?: AppError }) {
  return (
    <Layout title="Choose a new password" viewer={props.viewer}>
      <h1>Choose a new password</h1>
      <ErrorBox error={props.error} />
      {props.live ? (
        <form method="post" action={`/reset/${props.token}`} class="card">
          <NewPasswordField label="New password" />
          <button type="submit">Save and log in again</button>
        </form>
      ) : (
        <p>
          This link has expired or was used already. <a href="/reset">Ask for a new one</a>.
        </p>
      )}
    </Layout>
  );
}

/** The account page's password form: the current password, then the new one. */
export function ChangePasswordPage(props: {
  viewer: Viewer;
  email: string;
  changed?: boolean;
  error?: AppError;
}) {
  return (
    <Layout title="Change your password" viewer={props.viewer}>
      <h1>Change your password</h1>
      {props.changed ? (
        <p role="status">
          Your password is changed. Every other session of your account is signed out, and we have mailed a
          notice to {props.email}.
        </p>
      ) : null}
      <ErrorBox error={props.error} />
      <form method="post" action="/account/password" class="card">
        <label for="current">Current password</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <NewPasswordField label="New password" />
        <button type="submit">Change password</button>
      </form>
      <p>
        Forgot the current one? <a href="/reset">Choose a new password by email</a>.
      </p>
    </Layout>
  );
}

export interface ConfirmEmailProps {
  viewer: Viewer;
  token: string;
  /** The address the link confirms; null when the link is unknown, used or expired. */
  email: string | null;
  confirmed?: boolean;
  /** The signed-in viewer's account, null when nobody is signed in (a used link of a confirmed one is no news). */
  account: { confirmed: boolean } | null;
  error?: AppError;
}

export function ConfirmEmailPage(props: ConfirmEmailProps) {
  const viewerConfirmed = props.account?.confirmed ?? false;
  return (
    <Layout title="Confirm your email" viewer={props.viewer} ownEmailStatus>
      <h1>Confirm your email</h1>
      {viewerConfirmed && !props.email ? (
        <p role="status">
          Your email is confirmed already: alerts go to it. <a href="/alerts">Your saved searches</a>
        </p>
      ) : (
        <ErrorBox error={props.error} />
      )}
      {props.confirmed ? (
        <>
          <p role="status">
            Thank you: {props.email} is confirmed. Alerts for your saved searches will be sent to it.
          </p>
          <p>
            <a href="/alerts">Your saved searches</a>
          </p>
        </>
      ) : props.email ? (
        <form method="post" action={`/confirm/${props.token}`} class="card">
          <p>Confirm that {props.email} is your address, so that keiyard may send it alerts.</p>
          <p class="muted">If you did not make a keiyard account, do not press this: ignore the email.</p>
          <button type="submit">Confirm my email</button>
        </form>
      ) : props.error || viewerConfirmed ? null : (
        <p>
          This link has expired or was used already.{" "}
          <a href="/alerts">{props.account ? "Ask for a new one" : "Log in and ask for a new one"}</a>.
        </p>
      )}
    </Layout>
  );
}

/** Whether alert mail may go to the account's address, and a button for another link when not. */
function EmailStatus(props: { address: string; confirmed: boolean }) {
  if (props.confirmed) return <p class="muted">Alerts go to {props.address}.</p>;
  return (
    <form method="post" action="/confirm-email" class="card">
      <p>
        <strong>Confirm your email to get alerts.</strong> Use the link we mailed to {props.address}, or send
        a new one. No alert is sent until you confirm. Your searches are kept meanwhile; once you confirm, the
        trucks that matched in between are sent (the newest 100 of each search).
      </p>
      <button type="submit" class="small">
        Send a new link
      </button>
    </form>
  );
}

export function AlertsPage(props: {
  viewer: Viewer;
  searches: SavedSearch[];
  notice?: string;
  email: { address: string; confirmed: boolean };
}) {
  return (
    <Layout title="Saved searches and alerts" viewer={props.viewer} ownEmailStatus>
      <h1>Saved searches and alerts</h1>
      {props.notice ? <p role="status">{props.notice}</p> : null}
      <EmailStatus {...props.email} />
      <p class="muted">
        <a href="/account/password">Change your password</a>
      </p>
      {props.searches.length === 0 ? (
        <p>
          None yet. Search the <a href="/trucks">trucks</a> and press "Save this search": we email you when a
          new truck matches, or its price changes.
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Search</th>
              <th scope="col">Emails</th>
              <th scope="col">
                <span class="muted">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.searches.map((s) => (
              <tr>
                <td>
                  <a href={`/trucks?${new URLSearchParams(s.query)}`}>{s.name}</a>
                </td>
                <td>
                  <form method="post" action={`/alerts/${s.id}/frequency`} class="inline">
                    <label for={`freq-${s.id}`} class="inline">
                      <span class="muted">Send</span>
                    </label>{" "}
                    <select id={`freq-${s.id}`} name="frequency">
                      <option value="instant" selected={s.frequency === "instant"}>
                        at once
                      </option>
                      <option value="daily" selected={s.frequency === "daily"}>
                        daily digest
                      </option>
                    </select>{" "}
                    <button type="submit" class="small">
                      Save
                    </button>
                  </form>
                </td>
                <td>
                  <form method="post" action={`/alerts/${s.id}/delete`} class="inline">
                    <button type="submit" class="small">
                      Delete
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

export function UnsubscribedPage(props: { viewer: Viewer; name: string | null }) {
  return (
    <Layout title="Unsubscribed" viewer={props.viewer}>
      <h1>Unsubscribed</h1>
      <p>
        {props.name
          ? `You will get no more emails for "${props.name}"; the saved search is deleted.`
          : "That saved search was already deleted: you will get no more emails for it."}
      </p>
      <p>
        <a href="/alerts">Your saved searches</a>
      </p>
    </Layout>
  );
}

export function OutboxPage(props: { viewer: Viewer; entries: OutboxEntry[]; where: string }) {
  return (
    <Layout title="Outbox (development)" viewer={props.viewer}>
      <h1>Outbox</h1>
      <p class="muted">
        Without SMTP_URL, mail is written to {props.where} instead of being sent. This page exists only
        outside production.
      </p>
      {props.entries.length === 0 ? <p>No mail yet.</p> : null}
      {props.entries.map((e) => (
        <article class="card">
          <h2 class="facet-h">{e.subject}</h2>
          <p class="muted">
            To {e.to} · {e.date} · {e.file}
          </p>
          <pre>{e.text}</pre>
        </article>
      ))}
    </Layout>
  );
}
