// A comment, reply, edit or report the server refused (too long, empty): the error, and the form again
// with what was typed, so nothing written is lost. Posting it goes back to the same action.
import { COMMENT_BODY_MAX } from "../../domain/community/comments.js";
import { Layout, type Viewer } from "../layout.js";

export interface CommentRetry {
  action: string;
  /** What the refused form was: its heading and its button say so. */
  kind: "comment" | "edit" | "report";
  error: string;
  /** The text typed: the body of a comment or edit, the reason of a report. */
  text: string;
  /** Hidden fields to send again (parentId, next). */
  hidden: Record<string, string>;
  back: string;
}

const WORDS = {
  comment: { title: "Your comment was not posted", label: "Your comment", button: "Post again" },
  edit: { title: "Your edit was not saved", label: "Your edit", button: "Save again" },
  report: { title: "Your report was not sent", label: "What is wrong", button: "Send again" },
} as const;

export function CommentRetryPage(props: { viewer: Viewer; retry: CommentRetry }) {
  const r = props.retry;
  const w = WORDS[r.kind];
  return (
    <Layout title={w.title} viewer={props.viewer}>
      <h1>{w.title}</h1>
      <form method="post" action={r.action} class="card">
        <p class="error" role="alert">
          {r.error}
        </p>
        {Object.entries(r.hidden).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label for="retry-text">{w.label}</label>
        {r.kind === "report" ? (
          <input id="retry-text" name="reason" value={r.text} required minlength={3} maxlength={500} />
        ) : (
          <textarea id="retry-text" name="body" rows={8} maxlength={COMMENT_BODY_MAX} required>
            {r.text}
          </textarea>
        )}
        <button type="submit">{w.button}</button>
      </form>
      <p>
        <a href={r.back}>Back without posting</a>
      </p>
    </Layout>
  );
}
