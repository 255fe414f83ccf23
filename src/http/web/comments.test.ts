// Comments on guides and questions on listings through the real app on both engines: posting, one level
// of replies, the edit window, deleting one's own, reports, the admins' hide / restore / ban with the
// audit log, pagination, the counts on /guides, and a script payload that renders escaped.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, createMarket, type Market, TRUCK } from "../../../test/market.js";
import { gzippedBytes, PAGE_BUDGET_BYTES } from "../../../test/page-budget.js";
import { auditLog, comments, reports } from "../../db/schema/community.js";
import { users } from "../../db/schema/users.js";

const GUIDE = "/guides/buying-checklist";
const idFrom = (location: string | null) => Number(/#comment-(\d+)$/.exec(location ?? "")?.[1]);

for (const engine of ["pglite", "postgres"] as const) {
  describe(`comments, questions and moderation on ${engine}`, () => {
    let market: Market;
    let seller: Browser;
    let alice: Browser;
    let bob: Browser;
    let admin: Browser;
    let anon: Browser;
    let listingId: number;
    let first: number;

    const log = async () =>
      (await market.database.db.select().from(auditLog).orderBy(auditLog.id)).map((e) => [
        e.action,
        e.subjectKind,
        e.subjectId,
      ]);

    beforeAll(async () => {
      market = await createMarket(engine);
      [seller, alice, bob, admin, anon] = Array.from({ length: 5 }, () => new Browser(market.app)) as [
        Browser,
        Browser,
        Browser,
        Browser,
        Browser,
      ];
      await seller.signUp("sam@example.com", "seller");
      await alice.signUp("alice@example.com", "buyer");
      await bob.signUp("bob@example.com", "buyer");
      await admin.signUp("ada@example.com", "buyer");
      await market.database.db.update(users).set({ role: "admin" }).where(eq(users.email, "ada@example.com"));
      const res = await seller.post("/sell", TRUCK);
      listingId = Number(/\/trucks\/(\d+)$/.exec(res.headers.get("location") ?? "")?.[1]);
    }, 120_000);
    afterAll(async () => market?.dispose());

    it("signed-out readers see the thread and a log-in link, and cannot post", async () => {
      const page = await (await anon.get(GUIDE)).text();
      expect(page).toMatch(/<h2 id="comments-h">\s*Comments/);
      expect(page).toMatch(/No comments yet\./);
      expect(page).toMatch(/href="\/login\?next=%2Fguides%2Fbuying-checklist">Log in<\/a> to post a comment/);
      const res = await anon.post(`${GUIDE}/comments`, { body: "hello" });
      expect(res.status).toBe(401);
    });

    it("a comment in the safe Markdown subset: emphasis, and links marked nofollow ugc", async () => {
      const res = await alice.post(`${GUIDE}/comments`, {
        body: "Check the *frame rails* first. See https://example.com/rust for photos.",
      });
      expect(res.status).toBe(303);
      first = idFrom(res.headers.get("location"));
      expect(res.headers.get("location")).toBe(`${GUIDE}#comment-${first}`);
      const page = await (await anon.get(GUIDE)).text();
      expect(page).toMatch(/<strong>alice<\/strong>/);
      expect(page).toContain("<em>frame rails</em>");
      expect(page).toContain('<a href="https://example.com/rust" rel="nofollow ugc">');
    });

    it("a script payload renders escaped: no tag, no handler, no javascript: link", async () => {
      const res = await bob.post(`${GUIDE}/comments`, {
        body: `<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))`,
      });
      expect(res.status).toBe(303);
      const id = idFrom(res.headers.get("location"));
      const page = await (await anon.get(GUIDE)).text();
      const body = /id="comment-\d+"[\s\S]*?<div class="comment-body">([\s\S]*?)<\/div>/g;
      const mine = [...page.matchAll(body)].find((m) => m[0].includes(`id="comment-${id}"`))?.[1] ?? "";
      expect(mine).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(mine).toContain("&lt;img src=x onerror=alert(2)&gt;");
      expect(mine).not.toMatch(/<script|<img|href="javascript:/i);
      await bob.post(`/comments/${id}/delete`, {});
    });

    it("bad input is a clear 4xx: empty, too long, unknown guide, unknown listing", async () => {
      const empty = await alice.post(`${GUIDE}/comments`, { body: "   " });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toMatch(/write something first/);
      const long = await alice.post(`${GUIDE}/comments`, { body: "x".repeat(5001), next: GUIDE });
      expect(long.status).toBe(400);
      // The form comes back with the reason (named once) and every character typed, to post again.
      const retry = await long.text();
      expect(retry).toMatch(/<p class="error" role="alert">body: at most 5000 characters<\/p>/);
      expect(retry).toMatch(new RegExp(`<form method="post" action="${GUIDE}/comments"`));
      expect(retry).toContain(`>${"x".repeat(5001)}</textarea>`);
      expect(retry).toContain(`<input type="hidden" name="next" value="${GUIDE}"/>`);
      expect((await alice.post(`${GUIDE}/comments`, { body: "x".repeat(5000) })).status).toBe(303);
      // A browser sends each line break as CR LF where maxlength counted one character: 5,000 counted
      // characters with 50 line breaks arrive as 5,050 and are taken, stored with LF.
      const lines = Array.from({ length: 50 }, () => "y".repeat(99)).join("\r\n");
      expect(lines.replaceAll("\r\n", "\n").length).toBeLessThanOrEqual(5000);
      const crlf = await alice.post(`${GUIDE}/comments`, { body: lines });
      expect(crlf.status).toBe(303);
      const [stored] = await market.database.db
        .select()
        .from(comments)
        .where(eq(comments.id, idFrom(crlf.headers.get("location"))));
      expect(stored!.body).toBe(lines.replaceAll("\r\n", "\n"));
      expect((await alice.post("/guides/no-such-guide/comments", { body: "hi" })).status).toBe(404);
      expect((await alice.post("/trucks/999999/questions", { body: "hi" })).status).toBe(404);
    });

    it("one level of replies, on the same page only", async () => {
      const ok = await bob.post(`${GUIDE}/comments`, { body: "Good tip, thanks", parentId: String(first) });
      expect(ok.status).toBe(303);
      const reply = idFrom(ok.headers.get("location"));
      expect(ok.headers.get("location")).toBe(`${GUIDE}#comment-${reply}`);
      const deeper = await alice.post(`${GUIDE}/comments`, { body: "And more", parentId: String(reply) });
      expect(deeper.status).toBe(403);
      expect(await deeper.text()).toMatch(/one level of replies/);
      const elsewhere = await alice.post("/guides/choosing-a-model/comments", {
        body: "Wrong page",
        parentId: String(first),
      });
      expect(elsewhere.status).toBe(403);
      expect((await alice.post(`${GUIDE}/comments`, { body: "?", parentId: "999999" })).status).toBe(404);
      const page = await (await anon.get(GUIDE)).text();
      expect(page).toMatch(
        new RegExp(
          `id="comment-${first}"[\\s\\S]*<ol class="thread replies"[^>]*>[\\s\\S]*id="comment-${reply}"`,
        ),
      );
    });

    it("the author edits within the window; nobody else; not after it", async () => {
      expect((await bob.post(`/comments/${first}/edit`, { body: "Hijacked" })).status).toBe(403);
      const ok = await alice.post(`/comments/${first}/edit`, {
        body: "Check the *frame rails* and the bed-floor seams.",
      });
      expect(ok.status).toBe(303);
      const page = await (await anon.get(GUIDE)).text();
      expect(page).toMatch(/frame rails<\/em> and the bed-floor seams/);
      expect(page).toMatch(/ · edited/);
      await market.database.db
        .update(comments)
        .set({ createdAt: new Date(Date.now() - 16 * 60_000) })
        .where(eq(comments.id, first));
      const late = await alice.post(`/comments/${first}/edit`, { body: "Too late" });
      expect(late.status).toBe(403);
      expect(await late.text()).toMatch(/edited for 15 minutes after posting/);
      expect(await (await alice.get(GUIDE)).text()).not.toContain(`action="/comments/${first}/edit"`);
    });

    it("the author deletes their own comment: a placeholder keeps the replies readable", async () => {
      expect((await bob.post(`/comments/${first}/delete`, {})).status).toBe(403);
      expect((await alice.post(`/comments/${first}/delete`, {})).status).toBe(303);
      const page = await (await anon.get(GUIDE)).text();
      expect(page).toMatch(new RegExp(`id="comment-${first}"[\\s\\S]*?Comment deleted\\.`));
      expect(page).not.toMatch(/bed-floor seams/);
      expect(page).toMatch(/Good tip, thanks/);
      expect((await alice.post(`/comments/${first}/delete`, {})).status).toBe(403);
      const reply = await alice.post(`${GUIDE}/comments`, { body: "Late reply", parentId: String(first) });
      expect(reply.status).toBe(403);
    });

    it("reports are kept once, never for one's own comment; admins hide: gone for others, logged", async () => {
      const res = await alice.post(`${GUIDE}/comments`, { body: "Buy my truck at spam.example" });
      const spam = idFrom(res.headers.get("location"));
      expect((await alice.post(`/comments/${spam}/report`, { reason: "mine" })).status).toBe(403);
      expect((await anon.post(`/comments/${spam}/report`, { reason: "spam" })).status).toBe(401);
      const short = await bob.post(`/comments/${spam}/report`, { reason: "x", next: GUIDE });
      expect(short.status).toBe(400);
      const again = await short.text();
      expect(again).toMatch(/<h1>Your report was not sent<\/h1>/);
      expect(again).toMatch(/reason: say what is wrong/);
      expect(again).toMatch(/<input id="retry-text" name="reason" value="x"/);
      expect((await bob.post(`/comments/${spam}/report`, { reason: "spam" })).status).toBe(303);
      expect((await bob.post(`/comments/${spam}/report`, { reason: "spam again" })).status).toBe(303);
      const filed = await market.database.db.select().from(reports).where(eq(reports.subjectId, spam));
      expect(filed.map((r) => [r.subjectKind, r.reason])).toEqual([["comment", "spam"]]);

      expect((await bob.post(`/comments/${spam}/hide`, {})).status).toBe(403);
      expect((await bob.get("/admin")).status).toBe(403);
      expect((await anon.get("/admin")).headers.get("location")).toBe("/login?next=/admin");
      const queue = await (await admin.get("/admin")).text();
      expect(queue).toMatch(/Buy my truck at spam\.example[\s\S]*bob: “spam”/);

      const hide = await admin.post(`/comments/${spam}/hide`, { next: "/admin" });
      expect(hide.headers.get("location")).toBe(`/admin#comment-${spam}`);
      for (const who of [anon, bob, alice])
        expect(await (await who.get(GUIDE)).text()).not.toMatch(/spam\.example/);
      expect(await (await admin.get(GUIDE)).text()).toMatch(/Hidden by a moderator[\s\S]*?spam\.example/);
      expect((await bob.post(`/comments/${spam}/report`, { reason: "still spam" })).status).toBe(404);
      expect((await alice.post(`/comments/${spam}/edit`, { body: "now clean" })).status).toBe(404);
      const [report] = await market.database.db.select().from(reports).where(eq(reports.subjectId, spam));
      expect(report?.resolvedAt).not.toBeNull();
      expect(await log()).toEqual([["hide", "comment", spam]]);
      expect(await (await admin.get("/admin")).text()).toMatch(/Nothing reported right now/);

      expect((await admin.post(`/comments/${spam}/restore`, {})).status).toBe(303);
      expect(await (await anon.get(GUIDE)).text()).toMatch(/spam\.example/);
      expect((await admin.post(`/comments/${spam}/hide`, {})).status).toBe(303);
      expect((await log()).map((e) => e[0])).toEqual(["hide", "restore", "hide"]);
    });

    it("/guides counts the visible comments of each guide", async () => {
      // On the buying checklist: alice's 5000 x's, her 50 lines and bob's reply (deleted and hidden ones
      // do not count).
      const list = await (await anon.get("/guides")).text();
      expect(list).toMatch(/href="\/guides\/buying-checklist#comments">3 comments<\/a>/);
      expect(list).toMatch(/href="\/guides\/choosing-a-model#comments">0 comments<\/a>/);
    });

    it("questions on a listing: the seller's answers are marked Seller; a report is filed as a question", async () => {
      const path = `/trucks/${listingId}`;
      const ask = await bob.post(`${path}/questions`, { body: "Does the 4WD **low range** work?" });
      expect(ask.status).toBe(303);
      const question = idFrom(ask.headers.get("location"));
      expect(ask.headers.get("location")).toBe(`${path}#comment-${question}`);
      const answer = await seller.post(`${path}/questions`, {
        body: "Yes, both ranges engage.",
        parentId: String(question),
        next: path,
      });
      expect(answer.status).toBe(303);
      const page = await (await anon.get(path)).text();
      expect(page).toMatch(/<h2 id="comments-h">\s*Questions/);
      expect(page).toMatch(/<strong>bob<\/strong>\s*<span class="muted">/);
      expect(page).toMatch(
        /<strong>sam<\/strong> <span class="badge ok">Seller<\/span>[\s\S]*?both ranges engage/,
      );
      expect(page).toContain("<strong>low range</strong>");
      expect((await alice.post(`/comments/${question}/report`, { reason: "off topic" })).status).toBe(303);
      const [filed] = await market.database.db.select().from(reports).where(eq(reports.subjectId, question));
      expect(filed?.subjectKind).toBe("question");
      expect((await admin.post(`/admin/reports/${filed!.id}/resolve`, {})).status).toBe(303);
      const [after] = await market.database.db.select().from(reports).where(eq(reports.id, filed!.id));
      expect(after?.resolvedAt).not.toBeNull();
      expect((await log()).at(-1)).toEqual(["resolve_report", "question", question]);
      expect(await (await anon.get(path)).text()).toMatch(/both ranges engage/);
    });

    it("admins ban and unban by email or id: a banned user cannot post; the seller page shows it", async () => {
      expect((await bob.post("/admin/ban", { user: "alice@example.com" })).status).toBe(403);
      expect((await admin.post("/admin/ban", { user: "nobody@example.com" })).status).toBe(404);
      expect((await admin.post("/admin/ban", { user: "ada@example.com" })).status).toBe(403);
      const ban = await admin.post("/admin/ban", { user: "Bob@Example.com", reason: "spam run" });
      expect(ban.status).toBe(303);
      const [bobRow] = await market.database.db
        .select()
        .from(users)
        .where(eq(users.email, "bob@example.com"));
      expect(bobRow?.bannedAt).not.toBeNull();
      const refused = await bob.post(`${GUIDE}/comments`, { body: "Am I still here?" });
      expect(refused.status).toBe(403);
      expect(await refused.text()).toMatch(/banned from posting/);
      expect((await bob.post(`/trucks/${listingId}/questions`, { body: "Hello?" })).status).toBe(403);
      const target = idFrom(
        (await alice.post(`${GUIDE}/comments`, { body: "Report me" })).headers.get("location"),
      );
      const report = await bob.post(`/comments/${target}/report`, { reason: "revenge report" });
      expect(report.status).toBe(403);
      expect(await report.text()).toMatch(/banned from posting/);
      expect(await (await bob.get(GUIDE)).text()).toMatch(
        /You cannot post here: this account has been banned/,
      );
      expect((await admin.post("/admin/ban", { user: "bob@example.com" })).status).toBe(403);

      const [sam] = await market.database.db.select().from(users).where(eq(users.email, "sam@example.com"));
      expect((await admin.post("/admin/ban", { user: String(sam!.id) })).status).toBe(303);
      expect(await (await anon.get(`/sellers/${sam!.id}`)).text()).toMatch(/badge bad">Banned/);
      expect((await admin.post("/admin/unban", { user: String(sam!.id) })).status).toBe(303);
      expect(await (await anon.get(`/sellers/${sam!.id}`)).text()).not.toMatch(/Banned/);

      expect((await admin.post("/admin/unban", { user: "bob@example.com" })).status).toBe(303);
      expect((await bob.post(`${GUIDE}/comments`, { body: "Back again" })).status).toBe(303);
      const bans = await market.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectKind, "user")))
        .orderBy(auditLog.id);
      expect(bans.map((e) => [e.action, e.subjectId])).toEqual([
        ["ban", bobRow!.id],
        ["ban", sam!.id],
        ["unban", sam!.id],
        ["unban", bobRow!.id],
      ]);
      expect(bans[0]?.data).toMatchObject({ reason: "spam run" });
      const page = await (await admin.get("/admin")).text();
      expect(page).toMatch(/<td>ada<\/td>\s*<td>ban<\/td>\s*<td>\s*user\s*\d+\s*<\/td>/);
    });

    it("pages of 20 top-level comments, oldest first; a new comment lands on the last page", async () => {
      const path = "/guides/choosing-a-model";
      let location = "";
      for (let i = 1; i <= 21; i++) {
        const res = await (i % 2 ? alice : bob).post(`${path}/comments`, { body: `Comment number ${i}.` });
        location = res.headers.get("location") ?? "";
      }
      expect(location).toMatch(new RegExp(`^${path}\\?page=2#comment-\\d+$`));
      const one = await (await anon.get(path)).text();
      expect(one).toMatch(/Comment number 1\.[\s\S]*Comment number 20\./);
      expect(one).not.toMatch(/Comment number 21\./);
      expect(one).toMatch(/Page 1 of 2/);
      expect(one).toContain(`href="${path}?page=2#comments"`);
      // A full page of comments (each with its forms) and the admin page stay within the page budget.
      expect(gzippedBytes(await (await admin.get(path)).text())).toBeLessThan(PAGE_BUDGET_BYTES);
      expect(gzippedBytes(await (await admin.get("/admin")).text())).toBeLessThan(PAGE_BUDGET_BYTES);
      const two = await (await anon.get(`${path}?page=2`)).text();
      expect(two).toMatch(/Comment number 21\./);
      expect(two).not.toMatch(/Comment number 2\./);
      expect(two).toContain(`href="${path}#comments"`);
      expect(await (await anon.get(`${path}?page=9`)).text()).toMatch(/Page 2 of 2/);
      expect((await anon.get(`${path}?page=0`)).status).toBe(400);
      expect((await anon.get(`/trucks/${listingId}?page=abc`)).status).toBe(400);
    });
  });

  describe(`rate limits on comment posts on ${engine}`, () => {
    let market: Market;
    beforeAll(async () => {
      market = await createMarket(engine, "2026-11-24", { rateLimitScale: 1 });
    }, 120_000);
    afterAll(async () => market?.dispose());

    const postFrom = (b: Browser, address: string, body: string) =>
      b.request(`${GUIDE}/comments`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
        body: new URLSearchParams({ body }).toString(),
      });

    it("20 posts per user per 10 minutes, then 429 with Retry-After", async () => {
      const user = new Browser(market.app);
      await user.signUp("fast@example.com", "buyer");
      for (let i = 0; i < 20; i++) expect((await postFrom(user, "10.0.0.1", `n${i}`)).status).toBe(303);
      const res = await postFrom(user, "10.0.0.1", "one too many");
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await res.text()).toMatch(/too many requests \(posts\)/);
    });

    it("60 posts per address per 10 minutes, whichever accounts send them", async () => {
      const crowd = Array.from({ length: 4 }, () => new Browser(market.app));
      for (const [i, b] of crowd.entries()) await b.signUp(`crowd${i}@example.com`, "buyer");
      for (const b of crowd.slice(0, 3))
        for (let i = 0; i < 20; i++) expect((await postFrom(b, "10.0.0.2", `c${i}`)).status).toBe(303);
      const res = await postFrom(crowd[3]!, "10.0.0.2", "fresh account, same address");
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await res.text()).toMatch(/too many requests \(posts-ip\)/);
      expect((await postFrom(crowd[3]!, "10.0.0.3", "another address")).status).toBe(303);
    });
  });
}
