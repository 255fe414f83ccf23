// Posting to the comment threads: comments on /guides/:slug, questions on /trucks/:id, and the actions
// on one comment (edit, delete, report; hide and restore for admins). Plain forms: each answers with a
// redirect back to the thread at the comment, or the standard error page.
import { type Context, Hono } from "hono";
import type { Comment } from "../../db/schema/community.js";
import type { Facts } from "../../facts/schemas.js";
import { getGuides } from "../../guides/load.js";
import type { PublicUser } from "../../services/accounts.js";
import { AppError } from "../../services/app-error.js";
import {
  deleteComment,
  editComment,
  moderateComment,
  postComment,
  reportComment,
  subjectOf,
  threadPath,
} from "../../services/comments.js";
import { idParam, parseInput } from "../../services/inputs.schema.js";
import { type CommentRetry, CommentRetryPage } from "../../web/pages/comment-retry.js";
import type { AppEnv, MarketDeps } from "../context.js";
import { formFields, html, safeNext, viewerOf } from "./render.js";

export function commentWebRoutes(
  market: MarketDeps,
  facts: Facts,
  guideSlugs: ReadonlySet<string> = guideSlugSet(),
) {
  const { database } = market;
  const app = new Hono<AppEnv>();

  /** Runs a form's action; text the server refuses comes back in the form with the reason (400). */
  const orRetry = async (
    c: Context<AppEnv>,
    retry: Omit<CommentRetry, "error">,
    act: () => Promise<Response>,
  ) => {
    try {
      return await act();
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid_input") throw e;
      return html(
        c,
        <CommentRetryPage viewer={viewerOf(c, facts)} retry={{ ...retry, error: e.message }} />,
        400,
      );
    }
  };

  const post = async (c: Context<AppEnv>, kind: "guide" | "listing", key: string) => {
    const fields = await formFields(c);
    const subject = { kind, key };
    const path = threadPath(subject);
    const hidden = Object.fromEntries(
      (["parentId", "next"] as const).flatMap((k) => (fields[k] ? [[k, fields[k]]] : [])),
    );
    return orRetry(
      c,
      {
        action: c.req.path,
        kind: "comment",
        text: fields.body ?? "",
        hidden,
        back: safeNext(fields.next, path),
      },
      async () => {
        const { comment, page } = await postComment(database, c.get("user"), subject, fields);
        const back =
          comment.parentId === null
            ? `${path}${page > 1 ? `?page=${page}` : ""}`
            : safeNext(fields.next, path);
        return c.redirect(`${back}#comment-${comment.id}`, 303);
      },
    );
  };

  app.post("/guides/:slug{[a-z0-9-]+}/comments", (c) => {
    const slug = c.req.param("slug");
    if (!guideSlugs.has(slug)) throw new AppError("not_found", `no guide "${slug}"`);
    return post(c, "guide", slug);
  });

  app.post("/trucks/:id{[0-9]+}/questions", (c) =>
    post(c, "listing", String(parseInput(idParam, c.req.param("id")))),
  );

  type Action = (user: PublicUser | null, id: number, fields: Record<string, string>) => Promise<Comment>;
  const actions: Record<string, Action> = {
    edit: (user, id, fields) => editComment(database, user, id, fields),
    delete: (user, id) => deleteComment(database, user, id),
    report: (user, id, fields) => reportComment(database, user, id, fields),
    hide: (user, id) => moderateComment(database, user, id, "hide"),
    restore: (user, id) => moderateComment(database, user, id, "restore"),
  };

  for (const [name, act] of Object.entries(actions))
    app.post(`/comments/:id{[0-9]+}/${name}`, async (c) => {
      const id = parseInput(idParam, c.req.param("id"));
      const fields = await formFields(c);
      const done = async () => {
        const comment = await act(c.get("user"), id, fields);
        const back = safeNext(fields.next, threadPath(subjectOf(comment)));
        return c.redirect(`${back}#comment-${id}`, 303);
      };
      if (name !== "edit" && name !== "report") return done();
      const text = (name === "edit" ? fields.body : fields.reason) ?? "";
      const hidden: Record<string, string> = fields.next ? { next: fields.next } : {};
      return orRetry(
        c,
        { action: c.req.path, kind: name, text, hidden, back: safeNext(fields.next, "/") },
        done,
      );
    });
  return app;
}

function guideSlugSet(): Set<string> {
  return new Set(getGuides().map((g) => g.slug));
}
