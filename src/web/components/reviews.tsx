// Reviews as the listing page and the seller page show them: stars, text, the seller's one answer,
// and the actions the viewer may take (answer, report; hide or restore for admins).
import type { Review } from "../../db/schema/community.js";

export function Stars(props: { rating: number }) {
  const r = Math.round(props.rating);
  return (
    <span class="stars" role="img" aria-label={`${props.rating} of 5 stars`}>
      {"★".repeat(r)}
      {"☆".repeat(5 - r)}
    </span>
  );
}

export interface ReviewViewer {
  id: number;
  role: string;
}

export function ReviewCard(props: {
  review: Review;
  reviewerName: string | null;
  viewer: ReviewViewer | null;
  /** The page to come back to after a post. */
  back: string;
}) {
  const { review: r, viewer } = props;
  const isSeller = viewer?.id === r.sellerId;
  const isAdmin = viewer?.role === "admin";
  return (
    <article class="card review" id={`review-${r.id}`}>
      {r.hiddenAt ? <p class="badge bad">Hidden by a moderator (visible to admins only)</p> : null}
      <p>
        <Stars rating={r.rating} /> <strong>{props.reviewerName ?? "A buyer"}</strong>{" "}
        <span class="muted">
          on {r.createdAt.toISOString().slice(0, 10)} · {r.listingTitle}
        </span>
      </p>
      <p class="user-text">{r.body}</p>
      {r.reply ? (
        <blockquote class="reply">
          <p>
            <strong>The seller's answer</strong>{" "}
            <span class="muted">{r.repliedAt?.toISOString().slice(0, 10)}</span>
          </p>
          <p class="user-text">{r.reply}</p>
        </blockquote>
      ) : null}
      {isSeller && !r.reply ? (
        <form method="post" action={`/reviews/${r.id}/reply`}>
          <input type="hidden" name="next" value={props.back} />
          <label for={`reply-${r.id}`}>Answer this review (once; everyone sees it)</label>
          <textarea id={`reply-${r.id}`} name="reply" rows={3} maxlength={1000} required />
          <button type="submit">Post answer</button>
        </form>
      ) : null}
      {viewer && !isSeller && viewer.id !== r.buyerId && !isAdmin ? (
        <details>
          <summary>Report this review</summary>
          <form method="post" action={`/reviews/${r.id}/report`}>
            <input type="hidden" name="next" value={props.back} />
            <label for={`reason-${r.id}`}>What is wrong with it?</label>
            <input id={`reason-${r.id}`} name="reason" required maxlength={500} />
            <button type="submit" class="small">
              Report
            </button>
          </form>
        </details>
      ) : null}
      {isAdmin ? (
        <form method="post" action={`/reviews/${r.id}/${r.hiddenAt ? "restore" : "hide"}`} class="inline">
          <input type="hidden" name="next" value={props.back} />
          <button type="submit" class="small">
            {r.hiddenAt ? "Restore" : "Hide"}
          </button>
        </form>
      ) : null}
    </article>
  );
}

export function ReviewForm(props: { listingId: number }) {
  return (
    <form method="post" action={`/trucks/${props.listingId}/review`} class="card">
      <h3>Review the seller</h3>
      <p class="muted">You bought this truck: tell other buyers how the sale went. One review per sale.</p>
      <label for="rating">Rating</label>
      <select id="rating" name="rating" required>
        <option value="">choose…</option>
        {[5, 4, 3, 2, 1].map((n) => (
          <option value={String(n)}>
            {n} star{n === 1 ? "" : "s"}
          </option>
        ))}
      </select>
      <label for="review-body">Your review</label>
      <textarea id="review-body" name="body" rows={4} minlength={10} maxlength={2000} required />
      <button type="submit">Post review</button>
    </form>
  );
}
