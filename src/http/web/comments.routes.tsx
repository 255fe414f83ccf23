// Posting to the comment threads: comments on /guides/:slug, questions on /trucks/:id, and the actions
// on one comment (edit, delete, report; hide and restore for admins). Plain forms: each answers with a
// redirect back to the thread at the comment, or the standard error page.
import { type Context, Hono } from "hono";
import type { Comment } from "../../db/schema/community.js";
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
import type { AppEnv, MarketDeps } from "../context.js";
import { formFields, safeNext } from "./render.js";

export function commentWebRoutes(market: MarketDeps, guideSlugs: ReadonlySet<string> = guideSlugSet()) {
  const { database } = market;
  const app = new Hono<AppEnv>();

  const post = async (c: Context<AppEnv>, kind: "guide" | "listing", key: string) => {
    const fields = await formFields(c);
    const subject = { kind, key };
    const { comment, page } = await postComment(database, c.get("user"), subject, fields);
    const path = threadPath(subject);
    const back =
      comment.parentId === null ? `${path}${page > 1 ? `?page=${page}` : ""}` : safeNext(fields.next, path);
    return c.redirect(`${back}#comment-${comment.id}`, 303);
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
      const comment = await act(c.get("user"), id, fields);
      const back = safeNext(fields.next, threadPath(subjectOf(comment)));
      return c.redirect(`${back}#comment-${id}`, 303);
    });
  return app;
}

function guideSlugSet(): Set<string> {
  return new Set(getGuides().map((g) => g.slug));
}
