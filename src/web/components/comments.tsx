// A comment thread as the guide pages ("Comments") and listing pages ("Questions") show it: top-level
// comments oldest first with their replies, the Markdown rendered by the safe comment renderer, and
// the actions the viewer may take as plain forms (reply, edit, delete, report; hide or restore for
// admins). No script: <details> opens each form.
import { raw } from "hono/html";
import type { CommentRow } from "../../db/repos/comments.repo.js";
import { COMMENT_BODY_MAX, EDIT_WINDOW_MINUTES } from "../../domain/community/comments.js";
import type { ThreadEntry } from "../../domain/community/thread.js";
import type { Thread } from "../../services/comments.js";
import { renderComment } from "../markdown/index.js";

const WORDS = {
  guide: { title: "Comments", one: "comment", empty: "No comments yet.", post: "Post comment" },
  listing: { title: "Questions", one: "question", empty: "No questions yet.", post: "Ask" },
} as const;

const day = (d: Date) => d.toISOString().slice(0, 10);

function Hidden(props: { name: string; value: string }) {
  return <input type="hidden" name={props.name} value={props.value} />;
}

function BodyField(props: { id: string; label: string; value?: string }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <textarea id={props.id} name="body" rows={4} maxlength={COMMENT_BODY_MAX} required>
        {props.value ?? ""}
      </textarea>
    </>
  );
}

function Actions(props: { e: ThreadEntry<CommentRow>; back: string; postAction: string; admin: boolean }) {
  const { e, back } = props;
  const id = e.comment.id;
  return (
    <div class="comment-actions">
      {e.mayReply ? (
        <details>
          <summary>Reply</summary>
          <form method="post" action={props.postAction}>
            <Hidden name="parentId" value={String(id)} />
            <Hidden name="next" value={back} />
            <BodyField id={`reply-${id}`} label="Your reply" />
            <button type="submit">Post reply</button>
          </form>
        </details>
      ) : null}
      {e.mayEdit ? (
        <details>
          <summary>Edit</summary>
          <form method="post" action={`/comments/${id}/edit`}>
            <Hidden name="next" value={back} />
            <BodyField
              id={`edit-${id}`}
              label={`Edit (for ${EDIT_WINDOW_MINUTES} minutes after posting)`}
              value={e.comment.body}
            />
            <button type="submit">Save</button>
          </form>
        </details>
      ) : null}
      {e.mayDelete ? (
        <details>
          <summary>Delete</summary>
          <form method="post" action={`/comments/${id}/delete`}>
            <Hidden name="next" value={back} />
            <button type="submit" class="small">
              Delete for good
            </button>
          </form>
        </details>
      ) : null}
      {e.mayReport ? (
        <details>
          <summary>Report</summary>
          <form method="post" action={`/comments/${id}/report`}>
            <Hidden name="next" value={back} />
            <label for={`reason-${id}`}>What is wrong with it?</label>
            <input id={`reason-${id}`} name="reason" required minlength={3} maxlength={500} />
            <button type="submit" class="small">
              Report
            </button>
          </form>
        </details>
      ) : null}
      {props.admin ? (
        <form method="post" action={`/comments/${id}/${e.hidden ? "restore" : "hide"}`} class="inline">
          <Hidden name="next" value={back} />
          <button type="submit" class="small">
            {e.hidden ? "Restore" : "Hide"}
          </button>
        </form>
      ) : null}
    </div>
  );
}

function CommentCard(props: {
  e: ThreadEntry<CommentRow>;
  back: string;
  postAction: string;
  admin: boolean;
}) {
  const { e } = props;
  const c = e.comment;
  return (
    <article class="comment" id={`comment-${c.id}`}>
      {e.hidden ? <p class="badge bad">Hidden by a moderator (visible to admins only)</p> : null}
      {e.state === "deleted" ? (
        <p class="muted">
          <em>Comment deleted.</em>
        </p>
      ) : (
        <>
          <p class="comment-meta">
            <strong>{c.authorName}</strong> {e.seller ? <span class="badge ok">Seller</span> : null}{" "}
            <span class="muted">
              <time datetime={c.createdAt.toISOString()}>{day(c.createdAt)}</time>
              {c.editedAt ? " · edited" : ""}
            </span>
          </p>
          <div class="comment-body">{raw(renderComment(c.body))}</div>
          <Actions {...props} />
        </>
      )}
    </article>
  );
}

function Pager(props: { thread: Thread }) {
  const { page, pages, path } = props.thread;
  if (pages <= 1) return null;
  const href = (p: number) => `${path}${p === 1 ? "" : `?page=${p}`}#comments`;
  return (
    <nav aria-label="Thread pages" class="pager">
      {page > 1 ? <a href={href(page - 1)}>← Earlier</a> : null}{" "}
      <span>
        Page {page} of {pages}
      </span>{" "}
      {page < pages ? <a href={href(page + 1)}>Later →</a> : null}
    </nav>
  );
}

function NewPost(props: { thread: Thread; postAction: string; back: string; signedIn: boolean }) {
  const t = props.thread;
  const words = WORDS[t.subject.kind];
  if (!props.signedIn)
    return (
      <p>
        <a href={`/login?next=${encodeURIComponent(props.back)}`}>Log in</a> to post a {words.one}.
      </p>
    );
  if (!t.mayPost.ok) return <p class="muted">You cannot post here: {t.mayPost.reason}.</p>;
  return (
    <form method="post" action={props.postAction} class="card">
      <BodyField id="new-comment" label={t.subject.kind === "listing" ? "Ask the seller" : "Your comment"} />
      <p class="muted">
        Markdown: *emphasis*, **bold**, `code`, lists, &gt; quotes and links. No images or HTML. You can edit
        for {EDIT_WINDOW_MINUTES} minutes.
      </p>
      <button type="submit">{words.post}</button>
    </form>
  );
}

/** The thread section; `signedIn` and `admin` describe the viewer. */
export function CommentThread(props: { thread: Thread; signedIn: boolean; admin: boolean }) {
  const t = props.thread;
  const words = WORDS[t.subject.kind];
  const back = t.page > 1 ? `${t.path}?page=${t.page}` : t.path;
  const postAction = t.subject.kind === "guide" ? `${t.path}/comments` : `${t.path}/questions`;
  const common = { back, postAction, admin: props.admin };
  return (
    <section aria-labelledby="comments-h" id="comments">
      <h2 id="comments-h">{words.title}</h2>
      {t.subject.kind === "listing" ? (
        <p class="muted">
          Ask the seller about this truck. Everyone sees questions and the seller's answers.
        </p>
      ) : null}
      {t.entries.length ? (
        <ol class="thread">
          {t.entries.map((e) => (
            <li>
              <CommentCard e={e} {...common} />
              {e.replies.length ? (
                <ol class="thread replies" aria-label="Replies">
                  {e.replies.map((r) => (
                    <li>
                      <CommentCard e={r} {...common} />
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{words.empty}</p>
      )}
      <Pager thread={t} />
      <NewPost thread={t} postAction={postAction} back={back} signedIn={props.signedIn} />
    </section>
  );
}
