// Sign up, log in, log out, the password change and the home-state picker, as plain HTML forms.
import { Hono } from "hono";
import { becomeSeller, logIn, logOut, setHomeState, signUp } from "../../services/accounts.js";
import { AppError } from "../../services/app-error.js";
import { sendEmailConfirmation } from "../../services/email-confirmation.js";
import { parseInput, stateCodeString } from "../../services/inputs.schema.js";
import { LOGIN_FAILURES_PER_ACCOUNT, scaledLimit } from "../../services/login-failures.js";
import { changePassword } from "../../services/password-change.js";
import { ChangePasswordPage } from "../../web/pages/account.js";
import { LogInPage, SignUpPage } from "../../web/pages/auth.js";
import { DashboardPage } from "../../web/pages/dashboard.js";
import type { AppDeps, AppEnv, MarketDeps } from "../context.js";
import { sendRetryAfter } from "../errors.js";
import { clearSessionCookie, setSessionCookie, setStateCookie } from "../middleware/session.js";
import { formFields, html, safeNext, siteUrl, viewerOf } from "./render.js";

/** Back to the page the picker was on (path and query, same site only); home when unknown. */
function backTo(referer: string | undefined): string {
  if (!referer) return "/";
  try {
    const u = new URL(referer);
    return safeNext(`${u.pathname}${u.search}`, "/");
  } catch {
    return "/";
  }
}

export function authRoutes(deps: AppDeps, market: MarketDeps) {
  const { db } = market.database;
  const app = new Hono<AppEnv>();
  const failures = scaledLimit(LOGIN_FAILURES_PER_ACCOUNT, market.rateLimits?.scale ?? 1);

  app.get("/signup", (c) => html(c, <SignUpPage viewer={viewerOf(c, deps.facts)} />));
  app.post("/signup", async (c) => {
    const fields = await formFields(c);
    try {
      const { token } = await signUp(
        db,
        {
          ...fields,
          sellerKind: fields.sellerKind || undefined,
          dealerName: fields.dealerName || undefined,
          homeState: c.get("viewerState") ?? undefined,
        },
        new Date(),
        (tx, user) => sendEmailConfirmation(tx, user, siteUrl(market, c.req.url)),
      );
      market.kickJobs?.();
      setSessionCookie(c, token, market.secureCookies);
      return c.redirect(fields.role === "seller" ? "/sell" : "/trucks", 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const { password: _, ...values } = fields;
      return html(c, <SignUpPage viewer={viewerOf(c, deps.facts)} form={{ values, error: e }} />, 400);
    }
  });

  app.get("/login", (c) =>
    html(
      c,
      <LogInPage
        viewer={viewerOf(c, deps.facts)}
        next={c.req.query("next")}
        // After a reset, which signed every session out.
        notice={
          c.req.query("reset") === "1" ? "Your password is changed. Log in with the new one." : undefined
        }
      />,
    ),
  );
  app.post("/login", async (c) => {
    const fields = await formFields(c);
    try {
      const { token, user } = await logIn(
        db,
        fields,
        c.get("sessionToken") ?? undefined,
        new Date(),
        failures,
      );
      setSessionCookie(c, token, market.secureCookies);
      // Buyers have no listings: their page is the watchlist.
      return c.redirect(safeNext(fields.next, user.role === "buyer" ? "/saved" : "/dashboard"), 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const form = { values: { email: fields.email ?? "" }, error: e };
      return html(
        c,
        <LogInPage viewer={viewerOf(c, deps.facts)} form={form} next={fields.next} />,
        sendRetryAfter(c, e) ? 429 : 401,
      );
    }
  });

  // The account's password, changed with the current one (a forgotten one goes through /reset).
  app.get("/account/password", (c) => {
    const user = c.get("user");
    if (!user) return c.redirect("/login?next=/account/password", 303);
    return html(
      c,
      <ChangePasswordPage
        viewer={viewerOf(c, deps.facts)}
        email={user.email}
        changed={c.req.query("changed") === "1"}
      />,
    );
  });
  app.post("/account/password", async (c) => {
    const user = c.get("user");
    const token = c.get("sessionToken");
    if (!user || !token) throw new AppError("unauthenticated", "log in to change your password");
    try {
      await changePassword(
        market.database,
        user,
        token,
        await formFields(c),
        siteUrl(market, c.req.url),
        failures,
      );
      market.kickJobs?.();
      return c.redirect("/account/password?changed=1", 303);
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== "invalid_input" && e.code !== "rate_limited")) throw e;
      return html(
        c,
        <ChangePasswordPage viewer={viewerOf(c, deps.facts)} email={user.email} error={e} />,
        sendRetryAfter(c, e) ? 429 : 400,
      );
    }
  });

  app.post("/account/seller", async (c) => {
    try {
      await becomeSeller(db, c.get("user"), await formFields(c));
    } catch (e) {
      // A buyer's choice refused (a dealer without a name): the form again, with why.
      if (!(e instanceof AppError) || e.code !== "invalid_input" || c.get("user")?.role !== "buyer") throw e;
      return html(
        c,
        <DashboardPage viewer={viewerOf(c, deps.facts)} listings={[]} isSeller={false} error={e} />,
        400,
      );
    }
    return c.redirect("/sell", 303);
  });

  app.post("/logout", async (c) => {
    const token = c.get("sessionToken");
    if (token) await logOut(db, token);
    clearSessionCookie(c);
    return c.redirect("/", 303);
  });

  // The visitor's home state: on the account when signed in, in a cookie otherwise.
  app.post("/state", async (c) => {
    const fields = await formFields(c);
    const code = parseInput(stateCodeString, fields.code ?? "");
    if (!deps.facts.stateRules.some((s) => s.code === code))
      throw new AppError("unknown_state", `unknown state ${code}`);
    const user = c.get("user");
    if (user) await setHomeState(db, user.id, code);
    setStateCookie(c, code, market.secureCookies);
    return c.redirect(backTo(c.req.header("referer")), 303);
  });
  return app;
}
