// /admin: the moderators' page. Open reports grouped by what they report, with hide / restore and
// "dismiss"; banning and unbanning an account; the recent audit log of every admin action.
import { raw } from "hono/html";
import type { ModerationOverview } from "../../services/moderation.js";
import { Layout, type Viewer } from "../layout.js";
import { renderComment } from "../markdown/index.js";

type Item = ModerationOverview["queue"][number];
const when = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

function Reported(props: { item: Item }) {
  const { item } = props;
  if (item.review)
    return (
      <>
        <p>
          <strong>Review</strong> of a sale ({item.review.listingTitle}) ·{" "}
          <a href={`/sellers/${item.review.sellerId}#review-${item.review.id}`}>on the seller page</a>
          {item.review.hiddenAt ? <span class="badge bad">hidden</span> : null}
        </p>
        <blockquote class="reply user-text">{item.review.body}</blockquote>
      </>
    );
  const c = item.comment;
  if (!c)
    return (
      <p>
        {item.kind} {item.id} <span class="muted">(no longer exists)</span>
      </p>
    );
  const where = c.subjectKind === "guide" ? `/guides/${c.subjectKey}` : `/trucks/${c.subjectKey}`;
  return (
    <>
      <p>
        <strong>{c.subjectKind === "guide" ? "Comment" : "Question"}</strong> by {c.authorName} on{" "}
        <a href={`${where}#comments`}>{where}</a> · <span class="muted">{when(c.createdAt)}</span>
        {c.hiddenAt ? <span class="badge bad">hidden</span> : null}
        {c.deletedAt ? <span class="badge">deleted by its author</span> : null}
      </p>
      <blockquote class="reply comment-body">{raw(renderComment(c.body))}</blockquote>
    </>
  );
}

function QueueItem(props: { item: Item }) {
  const { item } = props;
  const hidden = item.review ? item.review.hiddenAt !== null : item.comment?.hiddenAt != null;
  const base = item.kind === "review" ? `/reviews/${item.id}` : `/comments/${item.id}`;
  const first = item.reports[0]!;
  return (
    <li class="card">
      <Reported item={item} />
      <p>
        {item.reports.length} open report{item.reports.length === 1 ? "" : "s"}:
      </p>
      <ul>
        {item.reports.map((r) => (
          <li>
            {r.reporterName}: “{r.report.reason}” <span class="muted">{when(r.report.createdAt)}</span>
          </li>
        ))}
      </ul>
      {item.review || item.comment ? (
        <form method="post" action={`${base}/${hidden ? "restore" : "hide"}`} class="inline">
          <input type="hidden" name="next" value="/admin" />
          <button type="submit" class="small">
            {hidden ? "Restore" : "Hide"}
          </button>
        </form>
      ) : null}{" "}
      <form method="post" action={`/admin/reports/${first.report.id}/resolve`} class="inline">
        <button type="submit" class="small">
          Dismiss the reports
        </button>
      </form>
    </li>
  );
}

function BanForm(props: { ban: boolean }) {
  const id = props.ban ? "ban" : "unban";
  return (
    <form method="post" action={`/admin/${id}`} class="card">
      <label for={`${id}-user`}>{props.ban ? "Ban" : "Lift the ban on"} an account (email or user id)</label>
      <input id={`${id}-user`} name="user" required maxlength={254} autocomplete="off" />
      <label for={`${id}-reason`}>Reason (kept in the audit log)</label>
      <input id={`${id}-reason`} name="reason" maxlength={500} />
      <button type="submit">{props.ban ? "Ban" : "Unban"}</button>
    </form>
  );
}

export function AdminPage(props: { viewer: Viewer; overview: ModerationOverview }) {
  const { queue, audit } = props.overview;
  return (
    <Layout title="Moderation" viewer={props.viewer}>
      <h1>Moderation</h1>
      <section aria-labelledby="reports-h">
        <h2 id="reports-h">Open reports</h2>
        {queue.length ? (
          <ol class="thread">
            {queue.map((item) => (
              <QueueItem item={item} />
            ))}
          </ol>
        ) : (
          <p>Nothing reported right now.</p>
        )}
      </section>
      <section aria-labelledby="ban-h">
        <h2 id="ban-h">Accounts</h2>
        <p class="muted">
          A banned account keeps what it posted and may still read and log in, but may not post, review or
          list. Admins cannot be banned; the operator changes roles with <code>keiyard admin</code>.
        </p>
        <div class="cards">
          <BanForm ban={true} />
          <BanForm ban={false} />
        </div>
      </section>
      <section aria-labelledby="audit-h">
        <h2 id="audit-h">Audit log</h2>
        {audit.length ? (
          <div class="scroll">
            <table>
              <caption class="muted">The latest {audit.length} admin actions, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Action</th>
                  <th scope="col">On</th>
                  <th scope="col">Details</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((a) => (
                  <tr>
                    <td>{when(a.entry.at)}</td>
                    <td>{a.actorName ?? "a deleted account"}</td>
                    <td>{a.entry.action.replace("_", " ")}</td>
                    <td>
                      {a.entry.subjectKind} {a.entry.subjectId}
                    </td>
                    <td>
                      {Object.entries(a.entry.data)
                        .map(([k, v]) => `${k}: ${String(v)}`)
                        .join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No admin actions yet.</p>
        )}
      </section>
    </Layout>
  );
}
