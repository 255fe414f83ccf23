// Issue-8 journeys through the real app on both engines: price history and days on market, the
// watchlist, sold-to-a-buyer, one review per sale, the seller's one answer, reports and moderation.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, createMarket, type Market, TRUCK } from "../../../test/market.js";
import { auditLog, reports } from "../../db/schema/community.js";
import { users } from "../../db/schema/users.js";

for (const engine of ["pglite", "postgres"] as const) {
  describe(`seller reputation, watchlist and price history on ${engine}`, () => {
    let market: Market;
    let seller: Browser;
    let buyer: Browser;
    let other: Browser;
    let id: number;
    beforeAll(async () => {
      market = await createMarket(engine);
      seller = new Browser(market.app);
      buyer = new Browser(market.app);
      other = new Browser(market.app);
      await seller.signUp("sally@example.com", "seller");
      await buyer.signUp("bert@example.com", "buyer");
      await other.signUp("olga@example.com", "buyer");
      const res = await seller.post("/sell", TRUCK);
      id = Number(/\/trucks\/(\d+)$/.exec(res.headers.get("location") ?? "")?.[1]);
    }, 120_000);
    afterAll(async () => market?.dispose());

    it("the buyer watches the truck; a price drop shows on /saved once, then counts as seen", async () => {
      const empty = await (await buyer.get("/saved")).text();
      expect(empty).toMatch(/Nothing saved yet/);
      const watch = await buyer.post(`/saved/${id}`, { watch: "1", next: `/trucks/${id}` });
      expect(watch.status).toBe(303);
      expect(watch.headers.get("location")).toBe(`/trucks/${id}`);
      expect(await (await buyer.get(`/trucks/${id}`)).text()).toMatch(/aria-pressed="true"[^>]*>♥ Saved/);
      expect(await (await buyer.get("/saved")).text()).toMatch(/no changes since you last looked/);

      const edit = await seller.post(`/trucks/${id}/edit`, { ...TRUCK, priceUsd: "7650" });
      expect(edit.status).toBe(303);
      const saved = await (await buyer.get("/saved")).text();
      expect(saved).toMatch(/1 changed since you last looked/);
      expect(saved).toMatch(/price dropped from \$8,500 to \$7,650/);
      expect(await (await buyer.get("/saved")).text()).toMatch(/no changes since you last looked/);
    });

    it("the listing shows the drop, its history as a step chart, and the days on market", async () => {
      const page = await (await other.get(`/trucks/${id}`)).text();
      expect(page).toMatch(/Price dropped 10%/);
      expect(page).toMatch(/from \$8,500 to \$7,650/);
      expect(page).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="price-chart-t price-chart-d"/);
      expect(page).toMatch(/\$8,500 from \d{4}-\d\d-\d\d, then \$7,650 from/);
      expect(page).toMatch(/Listed (today|\d+ days on market)|Listed \d+ days ago/);
    });

    it("search filters and sorts by price drop", async () => {
      const dropped: any = await (await other.get("/api/v1/listings?priceDropped=1")).json();
      expect(dropped.items.map((i: { id: number }) => i.id)).toContain(id);
      expect(dropped.items[0].priceDropPercent).toBe(10);
      expect(dropped.items[0].daysOnMarket).toBe(0);
      const sorted: any = await (await other.get("/api/v1/listings?sort=price_drop")).json();
      expect(sorted.items[0].id).toBe(id);
      const old: any = await (await other.get("/api/v1/listings?minDaysOnMarket=30")).json();
      expect(old.items.map((i: { id: number }) => i.id)).not.toContain(id);
      const bad = await other.get("/api/v1/listings?minDaysOnMarket=9&maxDaysOnMarket=3");
      expect(bad.status).toBe(400);
    });

    it("a rise is not a drop: the badge goes and the filter no longer matches", async () => {
      await seller.post(`/trucks/${id}/edit`, { ...TRUCK, priceUsd: "7900" });
      const page = await (await other.get(`/trucks/${id}`)).text();
      expect(page).not.toMatch(/Price dropped/);
      expect(page).toMatch(/Price raised 3.3%/);
      const dropped: any = await (await other.get("/api/v1/listings?priceDropped=1")).json();
      expect(dropped.items.map((i: { id: number }) => i.id)).not.toContain(id);
    });

    it("no review without a sale to that buyer", async () => {
      const early = await buyer.post(`/trucks/${id}/review`, {
        rating: "5",
        body: "Great truck, great seller.",
      });
      expect(early.status).toBe(403);
      const unknown = await seller.post(`/trucks/${id}/status`, {
        status: "sold",
        buyerEmail: "nobody@example.com",
      });
      expect(unknown.status).toBe(400);
      expect(await unknown.text()).toMatch(/no keiyard account uses that email/);
      const [row] = await market.database.db.select().from(users).where(eq(users.email, "bert@example.com"));
      expect(row).toBeDefined();
      const page = await (await other.get(`/trucks/${id}`)).text();
      expect(page).toMatch(/· active/);
    });

    it("sold to the buyer: they review once; others cannot; the review shows on the seller page", async () => {
      const sold = await seller.post(`/trucks/${id}/status`, {
        status: "sold",
        buyerEmail: "Bert@Example.com",
        next: `/trucks/${id}`,
      });
      expect(sold.status).toBe(303);
      expect(sold.headers.get("location")).toBe(`/trucks/${id}`);
      expect(await (await buyer.get(`/trucks/${id}`)).text()).toMatch(/Review the seller/);
      expect(await (await other.get(`/trucks/${id}`)).text()).not.toMatch(/Review the seller/);

      const byOther = await other.post(`/trucks/${id}/review`, {
        rating: "1",
        body: "Never bought it but hate it.",
      });
      expect(byOther.status).toBe(403);
      const tooShort = await buyer.post(`/trucks/${id}/review`, { rating: "5", body: "ok" });
      expect(tooShort.status).toBe(400);
      const badRating = await buyer.post(`/trucks/${id}/review`, {
        rating: "6",
        body: "A perfectly fine sale.",
      });
      expect(badRating.status).toBe(400);

      const ok = await buyer.post(`/trucks/${id}/review`, {
        rating: "4",
        body: "Truck as described; pickup was easy.",
      });
      expect(ok.status).toBe(303);
      const again = await buyer.post(`/trucks/${id}/review`, {
        rating: "5",
        body: "Trying to review twice here.",
      });
      expect(again.status).toBe(403);
      expect(await again.text()).toMatch(/one review per sale/);

      const sellerId = Number(
        /href="\/sellers\/(\d+)"/.exec(await (await other.get(`/trucks/${id}`)).text())?.[1],
      );
      const profile = await (await other.get(`/sellers/${sellerId}`)).text();
      expect(profile).toMatch(/Truck as described; pickup was easy\./);
      expect(profile).toMatch(/4 of 5, from 1 review/);
      expect(profile).toMatch(/Sold on keiyard<\/dt>\s*<dd>1<\/dd>/);
      expect(profile).toMatch(/100% \(1 of 1\)/);
    });

    it("the seller answers once; a second answer and answers by others are refused", async () => {
      const sellerId = Number(
        /href="\/sellers\/(\d+)"/.exec(await (await other.get(`/trucks/${id}`)).text())?.[1],
      );
      const reviewId = Number(
        /id="review-(\d+)"/.exec(await (await other.get(`/sellers/${sellerId}`)).text())?.[1],
      );
      expect(
        (await other.post(`/reviews/${reviewId}/reply`, { reply: "Not my review to answer" })).status,
      ).toBe(403);
      expect((await seller.post(`/reviews/${reviewId}/reply`, { reply: "Thanks, Bert!" })).status).toBe(303);
      expect((await seller.post(`/reviews/${reviewId}/reply`, { reply: "And again" })).status).toBe(403);
      expect(await (await other.get(`/sellers/${sellerId}`)).text()).toMatch(
        /The seller(&#39;|')s answer[\s\S]*Thanks, Bert!/,
      );
    });

    it("a report is kept once; only admins hide; a hidden review is gone for everyone else and logged", async () => {
      const sellerId = Number(
        /href="\/sellers\/(\d+)"/.exec(await (await other.get(`/trucks/${id}`)).text())?.[1],
      );
      const reviewId = Number(
        /id="review-(\d+)"/.exec(await (await other.get(`/sellers/${sellerId}`)).text())?.[1],
      );
      expect((await other.post(`/reviews/${reviewId}/report`, { reason: "spam" })).status).toBe(303);
      expect((await other.post(`/reviews/${reviewId}/report`, { reason: "spam again" })).status).toBe(303);
      expect(await market.database.db.select().from(reports)).toHaveLength(1);
      expect((await other.post(`/reviews/${reviewId}/hide`, {})).status).toBe(403);

      const admin = new Browser(market.app);
      await admin.signUp("ada@example.com", "buyer");
      await market.database.db.update(users).set({ role: "admin" }).where(eq(users.email, "ada@example.com"));
      expect((await admin.post(`/reviews/${reviewId}/hide`, { next: `/sellers/${sellerId}` })).status).toBe(
        303,
      );
      const publicView = await (await other.get(`/sellers/${sellerId}`)).text();
      expect(publicView).not.toMatch(/Truck as described/);
      expect(publicView).toMatch(/No reviews yet/);
      expect(await (await admin.get(`/sellers/${sellerId}`)).text()).toMatch(
        /Hidden by a moderator[\s\S]*Truck as described/,
      );
      const log = await market.database.db.select().from(auditLog);
      expect(log.map((e) => [e.action, e.subjectKind, e.subjectId])).toEqual([["hide", "review", reviewId]]);
      const [report] = await market.database.db.select().from(reports);
      expect(report?.resolvedAt).not.toBeNull();

      expect((await admin.post(`/reviews/${reviewId}/restore`, {})).status).toBe(303);
      expect(await (await other.get(`/sellers/${sellerId}`)).text()).toMatch(/Truck as described/);
    });

    it("a banned buyer cannot review and a banned seller cannot list", async () => {
      await market.database.db
        .update(users)
        .set({ bannedAt: new Date() })
        .where(eq(users.email, "sally@example.com"));
      const res = await seller.post("/sell", TRUCK);
      expect(res.status).toBe(403);
      await market.database.db
        .update(users)
        .set({ bannedAt: null })
        .where(eq(users.email, "sally@example.com"));
      // A banned account files no reports either.
      const sellerId = Number(
        /href="\/sellers\/(\d+)"/.exec(await (await other.get(`/trucks/${id}`)).text())?.[1],
      );
      const reviewId = Number(
        /id="review-(\d+)"/.exec(await (await other.get(`/sellers/${sellerId}`)).text())?.[1],
      );
      await market.database.db
        .update(users)
        .set({ bannedAt: new Date() })
        .where(eq(users.email, "olga@example.com"));
      const report = await other.post(`/reviews/${reviewId}/report`, { reason: "spam" });
      expect(report.status).toBe(403);
      expect(await report.text()).toMatch(/banned from posting/);
      await market.database.db
        .update(users)
        .set({ bannedAt: null })
        .where(eq(users.email, "olga@example.com"));
    });

    it("anonymous visitors get a log-in link instead of the heart; unknown listings and sellers are 404", async () => {
      const anon = new Browser(market.app);
      expect(await (await anon.get(`/trucks/${id}`)).text()).toMatch(
        /href="\/login\?next=%2Ftrucks%2F\d+"[^>]*>♡ Save/,
      );
      expect((await anon.post(`/saved/${id}`, { watch: "1" })).status).toBe(401);
      expect((await anon.get("/saved")).status).toBe(303);
      expect((await buyer.post("/saved/999999", { watch: "1" })).status).toBe(404);
      expect((await anon.get("/sellers/999999")).status).toBe(404);
    });

    it("a redirect target from a form never leaves the site", async () => {
      for (const next of ["//evil.example/x", "/\\evil.example", "https://evil.example"]) {
        const res = await buyer.post(`/saved/${id}`, { watch: "1", next });
        expect(res.headers.get("location")).toBe("/saved");
      }
    });
  });
}
