// Saved-search alerts, email confirmation, password-reset and password-change mail end to end, on both engines, through
// a real SMTP server on loopback (smtp-server): what arrives, that alerts wait for a confirmed address,
// the one-click unsubscribe, no duplicates after a restart.
import { eq, ne } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, createMarket, type Market, TRUCK } from "../../test/market.js";
import { savedSearches } from "../db/schema/alerts.js";
import { listings } from "../db/schema/listings.js";
import { mailJobs } from "../db/schema/ops.js";
import { users } from "../db/schema/users.js";
import type { IsoDate } from "../domain/units/dates.js";
import { createSmtpMailer } from "../mail/mailer.js";
import { checkSavedSearches } from "../services/alerts.js";
import { sendPendingMail } from "./mail-sender.js";
import { runJobsOnce } from "./runner.js";

interface Received {
  to: string;
  raw: string;
}

/** Decodes quoted-printable soft breaks and escapes, enough to read nodemailer's text parts. */
/** Quoted-printable escapes (=C2=B7) as UTF-8 text. */
const unQ = (s: string) => decodeURIComponent(s.replace(/%/g, "%25").replace(/=([0-9A-F]{2})/g, "%$1"));

/** A received message as readable text: headers unfolded and decoded, the body's soft breaks joined. */
const readable = (raw: string) => {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw
    .slice(0, split)
    .replace(/\r?\n[ \t]+/g, " ")
    // RFC 2047 encoded words (=?UTF-8?Q?...?=), as nodemailer writes subjects that need them.
    .replace(/=\?UTF-8\?Q\?([^?]*)\?=\s?/gi, (_, q: string) => unQ(q.replace(/_/g, " ")));
  return head + unQ(raw.slice(split).replace(/=\r?\n/g, ""));
};

async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (d: Buffer) => (raw += d.toString("utf8")));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw: readable(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

for (const engine of ["pglite", "postgres"] as const) {
  describe(`alerts and reset mail through SMTP on ${engine}`, () => {
    let market: Market;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let buyer: Browser;
    let seller: Browser;
    const today = "2026-11-24" as IsoDate;
    const jobs = () => {
      const mailer = createSmtpMailer(smtp.url, "keiyard <alerts@keiyard.test>");
      return runJobsOnce({
        database: market.database,
        facts: market.facts,
        mailer,
        today: () => today,
        jpyPerUsd: 150,
        baseUrl: "http://keiyard.test",
      }).finally(() => mailer.close());
    };

    beforeAll(async () => {
      market = await createMarket(engine);
      smtp = await startSmtp();
      buyer = new Browser(market.app);
      seller = new Browser(market.app);
      await buyer.signUp("alice@example.com", "buyer");
      await seller.signUp("sam@example.com", "seller");
    }, 120_000);
    afterAll(async () => {
      await smtp?.close();
      await market?.dispose();
    });

    let aliceLink = "";

    it("sign-up mails a link that confirms the address; until it is used, /alerts says so", async () => {
      expect(await jobs()).toMatchObject({ queued: 0, sent: 2, failed: 0 });
      expect(smtp.received.map((m) => m.to).sort()).toEqual(["alice@example.com", "sam@example.com"]);
      const mail = smtp.received.find((m) => m.to === "alice@example.com")!;
      expect(mail.raw).toMatch(/Subject: Confirm your email for keiyard/);
      // Here the app has no site address, so links use the request's (the server always gives one).
      aliceLink = /http:\/\/localhost(\/confirm\/[\w-]+)/.exec(mail.raw)![1]!;
      // Opening the link confirms nothing (mail scanners open links); it shows which address and a button.
      const anon = new Browser(market.app);
      const opened = await anon.get(aliceLink);
      expect(opened.status).toBe(200);
      expect(await opened.text()).toMatch(/Confirm that alice@example\.com is your address/);
      expect(await (await buyer.get("/alerts")).text()).toMatch(/Confirm your email to get alerts/);
      // Every other page says so too, once, with the address (the alerts page has its own box).
      const trucks = await (await buyer.get("/trucks")).text();
      expect(trucks.match(/we sent a link to alice@example\.com/g)).toHaveLength(1);
      expect(await (await buyer.get("/alerts")).text()).not.toMatch(/we sent a link to/);
      smtp.received.length = 0;
    });

    it("saving a search validates it like a search", async () => {
      const bad = await buyer.post("/alerts", { query: "drive=8WD", frequency: "instant" });
      expect(bad.status).toBe(400);
      // A ZIP of the right shape that no search could place is refused too, not left for the job.
      const nowhere = await buyer.post("/alerts", { query: "near=00000", frequency: "instant" });
      expect(nowhere.status).toBe(400);
      expect(await nowhere.text()).toMatch(/near: ZIP 00000 is not one we can place/);
      expect(await market.database.db.select().from(savedSearches)).toHaveLength(0);
      const ok = await buyer.post("/alerts", {
        query: "q=acty&drive=4WD&page=3",
        name: "",
        frequency: "instant",
      });
      expect(ok.status).toBe(303);
      const [row] = await market.database.db.select().from(savedSearches);
      expect(row?.query).toEqual({ q: "acty", drive: "4WD" });
      expect(row?.name).toBe("acty · drive 4WD");
      const page = await (await buyer.get(ok.headers.get("location")!)).text();
      expect(page).toMatch(/acty · drive 4WD/);
      expect(page).toMatch(/Its emails start once you confirm your email address/);
      // A search near a ZIP is named for its radius (another, unconfirmed account: nothing is mailed).
      const dave = new Browser(market.app);
      await dave.signUp("dave@example.com", "buyer");
      expect((await dave.post("/alerts", { query: "near=37160&drive=4WD", frequency: "daily" })).status).toBe(
        303,
      );
      expect(
        (await dave.post("/alerts", { query: "near=37160&withinMiles=250", frequency: "daily" })).status,
      ).toBe(303);
      const daves = await market.database.db
        .select()
        .from(savedSearches)
        .where(ne(savedSearches.id, row!.id));
      expect(daves.map((d) => d.name).sort()).toEqual([
        "within 100 mi of 37160 · drive 4WD",
        "within 250 mi of 37160",
      ]);
      // Then gone, with his confirmation mail sent, so that what follows is Alice's alone.
      await market.database.db.delete(savedSearches).where(ne(savedSearches.id, row!.id));
      expect(await jobs()).toMatchObject({ checked: 0, sent: 1 });
      smtp.received.length = 0;
      // The check starts from now: only trucks listed after saving alert.
      await market.database.db.update(savedSearches).set({ checkedAt: new Date(Date.now() - 1000) });
    });

    it("a matching new truck waits for the confirmed address, then sends one email with a link and a one-click unsubscribe", async () => {
      const listed = await seller.post("/sell", { ...TRUCK, title: "Acty 4WD for Alice" });
      expect(listed.status).toBe(303);
      await seller.post("/sell", {
        ...TRUCK,
        title: "Carry that does not match",
        frameNumber: "DA63T-111111",
      });
      // Alice has not confirmed: her search is not even checked, and nothing is sent.
      expect(await jobs()).toMatchObject({ checked: 0, queued: 0, sent: 0 });
      expect(smtp.received).toHaveLength(0);
      const anon = new Browser(market.app);
      const confirmed = await anon.post(aliceLink, {});
      expect(confirmed.status).toBe(200);
      expect(await confirmed.text()).toMatch(/alice@example\.com is confirmed/);
      // The link works once.
      expect((await anon.post(aliceLink, {})).status).toBe(400);
      expect((await anon.get(aliceLink)).status).toBe(404);
      // Alice herself, opening it again, is told she is confirmed (not that the link failed).
      expect(await (await buyer.get(aliceLink)).text()).toMatch(/Your email is confirmed already/);
      expect(await (await buyer.get("/alerts")).text()).toMatch(/Alerts go to alice@example\.com/);
      expect(await (await buyer.get("/trucks")).text()).not.toMatch(/we sent a link to/);
      // What matched while she had not confirmed is sent now.
      const first = await jobs();
      expect(first).toMatchObject({ queued: 1, sent: 1, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.to).toBe("alice@example.com");
      expect(mail.raw).toMatch(/Subject: 1 new match for "acty · drive 4WD" on keiyard/);
      expect(mail.raw).toMatch(/Acty 4WD for Alice/);
      expect(mail.raw).not.toMatch(/Carry that does not match/);
      expect(mail.raw).toMatch(
        /List-Unsubscribe: <http:\/\/keiyard\.test\/alerts\/unsubscribe\?id=\d+&sig=[\w-]+>/,
      );
      expect(mail.raw).toMatch(/http:\/\/keiyard\.test\/trucks\/\d+/);
    });

    it("no duplicate after running again, or after a restart with a new mailer", async () => {
      expect(await jobs()).toMatchObject({ queued: 0, sent: 0 });
      expect(await jobs()).toMatchObject({ queued: 0, sent: 0 });
      expect(smtp.received).toHaveLength(1);
    });

    it("a price change of a matching truck alerts once more", async () => {
      const html = await (await buyer.get("/trucks?q=Alice")).text();
      const id = Number(/href="\/trucks\/(\d+)"/.exec(html)?.[1]);
      await seller.post(`/trucks/${id}/edit`, { ...TRUCK, title: "Acty 4WD for Alice", priceUsd: "7999" });
      expect(await jobs()).toMatchObject({ queued: 1, sent: 1 });
      expect(smtp.received).toHaveLength(2);
      expect(smtp.received[1]!.raw).toMatch(/\$7,999 \(price changed\)/);
    });

    it("daily digests wait a day and then carry everything pending", async () => {
      const [s] = await market.database.db.select().from(savedSearches);
      await market.database.db
        .update(savedSearches)
        .set({ frequency: "daily", lastDigestAt: new Date() })
        .where(eq(savedSearches.id, s!.id));
      await seller.post("/sell", { ...TRUCK, title: "Acty 4WD digest one" });
      await seller.post("/sell", { ...TRUCK, title: "Acty 4WD digest two" });
      const ctx = { facts: market.facts, today, jpyPerUsd: 150, baseUrl: "http://keiyard.test" };
      expect(await checkSavedSearches(market.database, ctx)).toMatchObject({ queued: 0 });
      const tomorrow = new Date(Date.now() + 25 * 3600_000);
      expect(await checkSavedSearches(market.database, { ...ctx, now: tomorrow })).toMatchObject({
        queued: 1,
      });
      const mailer = createSmtpMailer(smtp.url, "keiyard <alerts@keiyard.test>");
      expect(await sendPendingMail(market.database, mailer)).toEqual({ sent: 1, failed: 0 });
      mailer.close();
      const digest = smtp.received[2]!.raw;
      expect(digest).toMatch(/daily keiyard digest: 2 trucks/);
      expect(digest).toMatch(/digest one/);
      expect(digest).toMatch(/digest two/);
    });

    it("the unsubscribe link works once, without logging in; an altered one is refused", async () => {
      const url = /List-Unsubscribe: <([^>]+)>/.exec(smtp.received[0]!.raw)![1]!;
      const path = url.replace("http://keiyard.test", "");
      const anon = new Browser(market.app);
      const tampered = await anon.get(path.replace(/sig=[\w-]+/, "sig=AAAA"));
      expect(tampered.status).toBe(403);
      const res = await anon.get(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/no more emails/);
      expect(await market.database.db.select().from(savedSearches)).toHaveLength(0);
      expect((await anon.get(path)).status).toBe(200);
    });

    it("a truck listed before the search was saved never alerts as new, even in a later check's look-back", async () => {
      await seller.post("/sell", { ...TRUCK, title: "Overlapping Acty" });
      const [early] = await market.database.db
        .select()
        .from(listings)
        .where(eq(listings.title, "Overlapping Acty"));
      // Listed a minute before the search is saved: inside the five minutes each check looks back.
      const listedAt = new Date(Date.now() - 60_000);
      await market.database.db
        .update(listings)
        .set({ createdAt: listedAt, updatedAt: listedAt })
        .where(eq(listings.id, early!.id));
      expect((await buyer.post("/alerts", { query: "q=Overlapping", frequency: "instant" })).status).toBe(
        303,
      );
      const ctx = { facts: market.facts, today, jpyPerUsd: 150, baseUrl: "http://keiyard.test" };
      const soon = (ms: number) => ({ ...ctx, now: new Date(Date.now() + ms) });
      expect(await checkSavedSearches(market.database, soon(1000))).toMatchObject({ queued: 0 });
      expect(await checkSavedSearches(market.database, soon(2000))).toMatchObject({ queued: 0 });
      const [mine] = await market.database.db
        .select()
        .from(savedSearches)
        .where(eq(savedSearches.name, "Overlapping"));
      await market.database.db.delete(savedSearches).where(eq(savedSearches.id, mine!.id));
    });

    it("a saved search that cannot run is skipped and reported; everyone else's alerts still go", async () => {
      const [alice] = await market.database.db
        .select()
        .from(users)
        .where(eq(users.email, "alice@example.com"));
      // As an older version could have saved it: first in the queue, with a ZIP no search can place.
      const [broken] = await market.database.db
        .insert(savedSearches)
        .values({
          userId: alice!.id,
          name: "nowhere",
          query: { near: "00000" },
          frequency: "instant",
          checkedAt: new Date(Date.now() - 3600_000),
        })
        .returning();
      expect((await buyer.post("/alerts", { query: "q=Resilient", frequency: "instant" })).status).toBe(303);
      await seller.post("/sell", { ...TRUCK, title: "Resilient Acty" });
      const before = smtp.received.length;
      const run = await jobs();
      expect(run).toMatchObject({ queued: 1, sent: 1, failed: 0 });
      expect(run.skipped).toEqual([
        { id: broken!.id, reason: expect.stringMatching(/ZIP 00000 is not one we can place/) },
      ]);
      expect(smtp.received.slice(before).map((m) => m.raw)).toEqual([
        expect.stringMatching(/Resilient Acty/),
      ]);
      // Its last check did not move (nothing of it was written); it is skipped again next time.
      const [still] = await market.database.db
        .select()
        .from(savedSearches)
        .where(eq(savedSearches.id, broken!.id));
      expect(still!.checkedAt.getTime()).toBe(broken!.checkedAt.getTime());
      expect((await jobs()).skipped).toHaveLength(1);
      await market.database.db.delete(savedSearches).where(eq(savedSearches.userId, alice!.id));
    });

    it("another confirmation link on request, and none for a confirmed address", async () => {
      const bob = new Browser(market.app);
      await bob.signUp("bob@example.com", "buyer");
      const mailTo = async (to: string) =>
        (await market.database.db.select().from(mailJobs)).filter(
          (m) => m.to === to && m.kind === "confirm_email",
        );
      expect(await mailTo("bob@example.com")).toHaveLength(1);
      const again = await bob.post("/confirm-email", {});
      expect(again.headers.get("location")).toBe("/alerts?sent=1");
      expect(await (await bob.get("/alerts?sent=1")).text()).toMatch(
        /sent a confirmation link to bob@example\.com/,
      );
      expect(await mailTo("bob@example.com")).toHaveLength(2);
      // Either link confirms; the other then stops working.
      await jobs();
      const links = smtp.received
        .filter((m) => m.to === "bob@example.com")
        .map((m) => /http:\/\/localhost(\/confirm\/[\w-]+)/.exec(m.raw)![1]!);
      expect(links).toHaveLength(2);
      // A dead link tells a signed-in user where to ask for another, not to log in.
      const dead = await (await bob.get(`/confirm/${"x".repeat(43)}`)).text();
      expect(dead).toMatch(/>Ask for a new one</);
      expect(await (await new Browser(market.app).get(`/confirm/${"x".repeat(43)}`)).text()).toMatch(
        />Log in and ask for a new one</,
      );
      expect((await bob.post(links[1]!, {})).status).toBe(200);
      expect((await bob.get(links[0]!)).status).toBe(404);
      const confirmedAgain = await bob.post("/confirm-email", {});
      expect(confirmedAgain.headers.get("location")).toBe("/alerts");
      expect(await mailTo("bob@example.com")).toHaveLength(2);
      expect((await new Browser(market.app).post("/confirm-email", {})).status).toBe(401);
    });

    it("an account made before confirmation existed, with saved searches, is mailed one link", async () => {
      const [old] = await market.database.db
        .insert(users)
        .values({ email: "old-timer@example.com", passwordHash: "x", displayName: "Old timer" })
        .returning();
      // Unconfirmed, never sent a link, but without saved searches: nothing to mail about.
      expect(await jobs()).toMatchObject({ confirmations: 0 });
      await market.database.db
        .insert(savedSearches)
        .values({ userId: old!.id, name: "old", query: { q: "acty" }, frequency: "daily" });
      const before = smtp.received.length;
      expect(await jobs()).toMatchObject({ confirmations: 1, sent: 1 });
      expect(smtp.received.slice(before).map((m) => m.to)).toEqual(["old-timer@example.com"]);
      expect(smtp.received.at(-1)!.raw).toMatch(/http:\/\/keiyard\.test\/confirm\/[\w-]+/);
      // Once: the link sent is on record (a lost one is replaced from /alerts).
      expect(await jobs()).toMatchObject({ confirmations: 0, sent: 0 });
    });

    it("password reset: same answer for unknown emails; the emailed link works once and signs out everywhere", async () => {
      const anon = new Browser(market.app);
      const before = (await market.database.db.select().from(mailJobs)).length;
      const unknown = await (await anon.post("/reset", { email: "nobody@example.com" })).text();
      const known = await (await anon.post("/reset", { email: "alice@example.com" })).text();
      const message = (h: string) => /<p role="status">([^<]*)<\/p>/.exec(h)?.[1];
      expect(message(unknown)).toBe(message(known));
      expect((await market.database.db.select().from(mailJobs)).length).toBe(before + 1);
      await jobs();
      const mail = smtp.received.at(-1)!;
      expect(mail.to).toBe("alice@example.com");
      // As for confirmation links: the request's address here, PUBLIC_URL or its own in a real server.
      const link = /http:\/\/localhost(\/reset\/[\w-]+)/.exec(mail.raw)![1]!;
      expect((await anon.get(link)).status).toBe(200);
      expect((await anon.post(link, { password: "short" })).status).toBe(400);
      const reset = await anon.post(link, { password: "a brand new password" });
      expect(reset.status).toBe(303);
      expect(await (await anon.get(reset.headers.get("location")!)).text()).toMatch(
        /Your password is changed/,
      );
      // The owner is told, with a way back in if it was not them.
      await jobs();
      const notice = smtp.received.at(-1)!;
      expect(notice.to).toBe("alice@example.com");
      expect(notice.raw).toMatch(/Subject: Your keiyard password was changed/);
      expect(notice.raw).toMatch(/was changed on \d{4}-\d\d-\d\d at \d\d:\d\d UTC, with a reset link/);
      expect(notice.raw).toMatch(/ask for a reset link here[^\n]*\n?[^\n]*http:\/\/localhost\/reset/);
      // The buyer's old session is gone; the old password no longer works; the new one does.
      expect(await (await buyer.get("/saved")).text()).not.toMatch(/Saved trucks/);
      expect(
        (await anon.post("/login", { email: "alice@example.com", password: "correct horse battery" })).status,
      ).toBe(401);
      expect(
        (await anon.post("/login", { email: "alice@example.com", password: "a brand new password" })).status,
      ).toBe(303);
      expect((await anon.post(link, { password: "another new password" })).status).toBe(400);
      expect((await anon.get(link)).status).toBe(404);
    });

    it("password change from the account page: needs the current password, keeps this session, signs out the others, mails a notice", async () => {
      const here = new Browser(market.app);
      const elsewhere = new Browser(market.app);
      await here.signUp("carol@example.com", "buyer");
      expect(
        (await elsewhere.post("/login", { email: "carol@example.com", password: "correct horse battery" }))
          .status,
      ).toBe(303);
      await jobs();
      const mailsBefore = smtp.received.length;
      const form = await here.get("/account/password");
      expect(form.status).toBe(200);
      expect(await form.text()).toMatch(/autocomplete="current-password"/);
      // Nothing changes on a wrong current password, a short new one or the same one again.
      for (const [fields, message] of [
        [{ current: "not my password", password: "a brand new password" }, /not your current password/],
        [{ current: "correct horse battery", password: "short" }, /at least 12 characters/],
        [{ current: "correct horse battery", password: "correct horse battery" }, /the one you have now/],
      ] as const) {
        const res = await here.post("/account/password", fields);
        expect(res.status).toBe(400);
        expect(await res.text()).toMatch(message);
      }
      const [before] = await market.database.db
        .select()
        .from(users)
        .where(eq(users.email, "carol@example.com"));
      const changed = await here.post("/account/password", {
        current: "correct horse battery",
        password: "a brand new password",
      });
      expect(changed.status).toBe(303);
      expect(changed.headers.get("location")).toBe("/account/password?changed=1");
      expect(await (await here.get("/account/password?changed=1")).text()).toMatch(
        /Your password is changed/,
      );
      // This session stays; the other one is signed out.
      expect(await (await here.get("/alerts")).text()).toMatch(/Saved searches and alerts/);
      expect((await elsewhere.get("/alerts")).status).toBe(303);
      const [after] = await market.database.db
        .select()
        .from(users)
        .where(eq(users.email, "carol@example.com"));
      expect(after!.passwordHash).not.toBe(before!.passwordHash);
      await jobs();
      expect(smtp.received.slice(mailsBefore).map((m) => m.to)).toEqual(["carol@example.com"]);
      expect(smtp.received.at(-1)!.raw).toMatch(/from the account page, with the old password/);
      const anon = new Browser(market.app);
      expect(
        (await anon.post("/login", { email: "carol@example.com", password: "correct horse battery" })).status,
      ).toBe(401);
      expect(
        (await anon.post("/login", { email: "carol@example.com", password: "a brand new password" })).status,
      ).toBe(303);
      // Signed out, the form sends to log-in; a post is refused.
      expect((await anon.post("/logout", {})).status).toBe(303);
      expect((await anon.get("/account/password")).headers.get("location")).toBe(
        "/login?next=/account/password",
      );
      expect((await anon.post("/account/password", { current: "x", password: "yyyyyyyyyyyy" })).status).toBe(
        401,
      );
    });
  });
}
