// Saved searches with email alerts (/alerts), the one-click unsubscribe, confirming an email address,
// password reset by email, and the development outbox.
import { type Context, Hono } from "hono";
import { readOutbox } from "../../mail/mailer.js";
import {
  deleteSavedSearch,
  savedSearchesOf,
  saveSearch,
  setAlertFrequency,
  unsubscribe,
} from "../../services/alerts.js";
import { AppError } from "../../services/app-error.js";
import {
  confirmationTarget,
  confirmEmail,
  sendEmailConfirmation,
} from "../../services/email-confirmation.js";
import { idParam, parseInput } from "../../services/inputs.schema.js";
import {
  isResetTokenLive,
  RESET_SENT_MESSAGE,
  requestPasswordReset,
  resetPassword,
} from "../../services/password-reset.js";
import {
  AlertsPage,
  ConfirmEmailPage,
  type ConfirmEmailProps,
  OutboxPage,
  ResetPasswordPage,
  ResetRequestPage,
  UnsubscribedPage,
} from "../../web/pages/account.js";
import type { AppDeps, AppEnv, MarketDeps } from "../context.js";
import { clearSessionCookie } from "../middleware/session.js";
import { pageQuery } from "./page-query.js";
import { formFields, html, siteUrl, viewerOf } from "./render.js";

const TOKEN = /^[\w-]{20,100}$/;

export function alertWebRoutes(deps: AppDeps, market: MarketDeps) {
  const { database } = market;
  const app = new Hono<AppEnv>();
  const baseUrl = (url: string) => siteUrl(market, url);
  /** The confirmation page as this viewer sees it (signed in or not, their own address confirmed or not). */
  const confirmPage = (
    c: Context<AppEnv>,
    token: string,
    shown: Pick<ConfirmEmailProps, "email" | "confirmed" | "error">,
    status: 200 | 400 | 404 = 200,
  ) => {
    const user = c.get("user");
    const account = user ? { confirmed: user.emailConfirmed } : null;
    return html(
      c,
      <ConfirmEmailPage viewer={viewerOf(c, deps.facts)} token={token} account={account} {...shown} />,
      status,
    );
  };

  app.post("/alerts", async (c) => {
    if (!c.get("user")) return c.redirect("/login?next=/trucks", 303);
    const saved = await saveSearch(database, deps.facts, c.get("user"), await formFields(c));
    return c.redirect(`/alerts?saved=${saved.id}`, 303);
  });

  app.get("/alerts", async (c) => {
    const user = c.get("user");
    if (!user) return c.redirect("/login?next=/alerts", 303);
    const searches = await savedSearchesOf(database, user);
    const notice = c.req.query("saved")
      ? user.emailConfirmed
        ? "Saved. We will email you when a new truck matches or a matching truck's price changes."
        : "Saved. Its emails start once you confirm your email address (below)."
      : c.req.query("sent")
        ? `We have sent a confirmation link to ${user.email}.`
        : undefined;
    return html(
      c,
      <AlertsPage
        viewer={viewerOf(c, deps.facts)}
        searches={searches}
        notice={notice}
        email={{ address: user.email, confirmed: user.emailConfirmed }}
      />,
    );
  });

  // Another confirmation link (the first is mailed at sign-up).
  app.post("/confirm-email", async (c) => {
    const user = c.get("user");
    if (!user) throw new AppError("unauthenticated", "log in to confirm your email address");
    const sent = await sendEmailConfirmation(database, user, baseUrl(c.req.url));
    if (sent) market.kickJobs?.();
    return c.redirect(sent ? "/alerts?sent=1" : "/alerts", 303);
  });
  // These pages name an address: no cache may keep them, whoever is signed in.
  app.on(["GET", "POST"], "/confirm/:token", async (c, next) => {
    await next();
    c.res.headers.set("cache-control", "private, no-store");
  });
  app.get("/confirm/:token", async (c) => {
    const token = c.req.param("token");
    const email = TOKEN.test(token) ? await confirmationTarget(database, token) : null;
    return confirmPage(c, token, { email }, email ? 200 : 404);
  });
  app.post("/confirm/:token", async (c) => {
    const token = c.req.param("token");
    try {
      if (!TOKEN.test(token))
        throw new AppError("invalid_input", "this confirmation link is not valid: ask for a new one");
      const { email } = await confirmEmail(database, token);
      return confirmPage(c, token, { email, confirmed: true });
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid_input") throw e;
      return confirmPage(c, token, { email: null, error: e }, 400);
    }
  });

  app.post("/alerts/:id{[0-9]+}/delete", async (c) => {
    await deleteSavedSearch(database, c.get("user"), parseInput(idParam, c.req.param("id")));
    return c.redirect("/alerts", 303);
  });

  app.post("/alerts/:id{[0-9]+}/frequency", async (c) => {
    await setAlertFrequency(
      database,
      c.get("user"),
      parseInput(idParam, c.req.param("id")),
      await formFields(c),
    );
    return c.redirect("/alerts", 303);
  });

  // GET so that one click in the email does it; mail clients' RFC 8058 one-click POST works too.
  app.on(["GET", "POST"], "/alerts/unsubscribe", async (c) => {
    const result = await unsubscribe(database, pageQuery(c));
    return html(c, <UnsubscribedPage viewer={viewerOf(c, deps.facts)} name={result?.name ?? null} />);
  });

  app.get("/reset", (c) => html(c, <ResetRequestPage viewer={viewerOf(c, deps.facts)} />));
  app.post("/reset", async (c) => {
    try {
      await requestPasswordReset(database, await formFields(c), baseUrl(c.req.url));
      market.kickJobs?.();
      return html(c, <ResetRequestPage viewer={viewerOf(c, deps.facts)} sent={RESET_SENT_MESSAGE} />);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid_input") throw e;
      return html(c, <ResetRequestPage viewer={viewerOf(c, deps.facts)} error={e} />, 400);
    }
  });
  app.get("/reset/:token", async (c) => {
    const token = c.req.param("token");
    const live = TOKEN.test(token) && (await isResetTokenLive(database, token));
    return html(
      c,
      <ResetPasswordPage viewer={viewerOf(c, deps.facts)} token={token} live={live} />,
      live ? 200 : 404,
    );
  });
  app.post("/reset/:token", async (c) => {
    const token = c.req.param("token");
    try {
      if (!TOKEN.test(token))
        throw new AppError("invalid_input", "this reset link is not valid: ask for a new one");
      await resetPassword(database, token, await formFields(c), baseUrl(c.req.url));
      market.kickJobs?.();
      clearSessionCookie(c);
      return c.redirect("/login?reset=1", 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== "invalid_input") throw e;
      const live = TOKEN.test(token) && (await isResetTokenLive(database, token));
      return html(
        c,
        <ResetPasswordPage viewer={viewerOf(c, deps.facts)} token={token} live={live} error={e} />,
        400,
      );
    }
  });

  if (market.outboxDir) {
    const dir = market.outboxDir;
    app.get("/dev/outbox", async (c) =>
      html(
        c,
        <OutboxPage
          viewer={viewerOf(c, deps.facts)}
          entries={await readOutbox(dir)}
          where="the outbox folder"
        />,
      ),
    );
  }
  return app;
}
