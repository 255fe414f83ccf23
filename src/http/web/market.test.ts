// Marketplace journeys through the real app and a real database: accounts, listings, ownership.
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, createMarket, type Market, TRUCK } from "../../../test/market.js";
import { listingPhotos, listings } from "../../db/schema/listings.js";
import { users } from "../../db/schema/users.js";

for (const engine of ["pglite", "postgres"] as const) {
  describe(`on ${engine}`, () => {
    let market: Market;
    beforeAll(async () => {
      market = await createMarket(engine, "2026-11-24", { viewCounts: true });
    }, 120_000);
    afterAll(async () => market?.dispose());

    /** The sell form for a truck in Japan: yen at Yokohama, the US fields left empty. */
    const japanTruck = (title: string, frameNumber: string, buildMonth: string) => ({
      ...TRUCK,
      location: "jp",
      title,
      frameNumber,
      buildMonth,
      priceUsd: "",
      usState: "",
      zip: "",
      titleStatus: "",
      priceJpy: "380000",
      jpPort: "Yokohama",
    });

    async function listingIdFrom(res: Response): Promise<number> {
      expect(res.status).toBe(303);
      const m = /^\/trucks\/(\d+)$/.exec(res.headers.get("location") ?? "");
      if (!m) throw new Error(`unexpected redirect ${res.headers.get("location")}`);
      return Number(m[1]);
    }

    describe("accounts", () => {
      it("signs up, logs out and logs in again with a new session cookie", async () => {
        const b = new Browser(market.app);
        await b.signUp("ann@example.com", "buyer");
        const home = await (await b.get("/")).text();
        expect(home).toMatch(/Log out ann/);
        const cookieBefore = (await b.post("/logout", {})).headers.getSetCookie().join(";");
        expect(cookieBefore).toMatch(/keiyard_session=;/);
        expect(await (await b.get("/")).text()).not.toMatch(/Log out/);
        const login = await b.post("/login", { email: "ANN@example.com", password: "correct horse battery" });
        expect(login.status).toBe(303);
        expect(login.headers.getSetCookie().join(";")).toMatch(
          /keiyard_session=[\w-]{20,}.*HttpOnly.*SameSite=Lax/i,
        );
      });

      it("says the same thing for an unknown email and a wrong password", async () => {
        const b = new Browser(market.app);
        const unknown = await b.post("/login", { email: "nobody@example.com", password: "whatever12345" });
        const wrong = await b.post("/login", { email: "ann@example.com", password: "wrong password!" });
        expect(unknown.status).toBe(401);
        expect(wrong.status).toBe(401);
        const msg = (html: string) => /<p class="error" role="alert">([^<]*)<\/p>/.exec(html)?.[1];
        expect(msg(await unknown.text())).toBe(msg(await wrong.text()));
      });

      it("answers text with a NUL character as a refusal, not a server error (PostgreSQL cannot store it)", async () => {
        const b = new Browser(market.app);
        // The log-in form answers every refusal with 401.
        const login = await b.post("/login", { email: "\u0000", password: "whatever12345" });
        expect(login.status).toBe(401);
        expect(await login.text()).toMatch(/email: text may not contain a NUL character/);
        const signup = await b.post("/signup", {
          email: "nul@example.com",
          password: "correct horse battery",
          displayName: "a\u0000b",
          role: "buyer",
        });
        expect(signup.status).toBe(400);
      });

      it("rejects a short password and keeps what was typed, except the password", async () => {
        const b = new Browser(market.app);
        const res = await b.post("/signup", {
          email: "bob@example.com",
          password: "short",
          displayName: "Bob",
          role: "buyer",
        });
        expect(res.status).toBe(400);
        const html = await res.text();
        expect(html).toMatch(/password: at least 12 characters/);
        expect(html).not.toMatch(/password: password:/);
        expect(html).toMatch(/value="bob@example.com"/);
        expect(html).not.toMatch(/value="short"/);
      });

      it("refuses a form posted from another site", async () => {
        const res = await market.app.request("http://localhost/login", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: "https://evil.example" },
          body: "email=a%40b.c&password=x",
        });
        expect(res.status).toBe(403);
      });

      it("goes back to the page the state was picked on, and survives a garbage Referer", async () => {
        const b = new Browser(market.app);
        const back = await b.request("/state", {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            referer: "http://localhost/trucks?make=Honda",
          },
          body: "code=TX",
        });
        expect(back.headers.get("location")).toBe("/trucks?make=Honda");
        const garbage = await b.request("/state", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", referer: "garbage" },
          body: "code=TX",
        });
        expect(garbage.status).toBe(303);
        expect(garbage.headers.get("location")).toBe("/");
      });

      it("a buyer account starts selling from its dashboard, and keeps what it had", async () => {
        const b = new Browser(market.app);
        await b.signUp("buyer-turns-seller@example.com", "buyer");
        expect((await b.get("/sell")).status).toBe(403);
        const dash = await (await b.get("/dashboard")).text();
        expect(dash).toMatch(/<form method="post" action="\/account\/seller"/);
        const noName = await b.request("/account/seller", {
          method: "POST",
          headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
          body: "sellerKind=dealer",
        });
        expect(noName.status).toBe(400);
        // The form again, with why (not the error page).
        const again = await noName.text();
        expect(again).toMatch(/dealerName: dealers give the dealership&#39;s name/);
        expect(again).toMatch(/<form method="post" action="\/account\/seller"/);
        const ok = await b.post("/account/seller", { sellerKind: "dealer", dealerName: "Hill Farm Trucks" });
        expect(ok.headers.get("location")).toBe("/sell");
        expect((await b.get("/sell")).status).toBe(200);
        expect((await b.post("/sell", TRUCK)).status).toBe(303);
        const [u] = await market.database.db
          .select()
          .from(users)
          .where(eq(users.email, "buyer-turns-seller@example.com"));
        expect(u).toMatchObject({ role: "seller", sellerKind: "dealer", dealerName: "Hill Farm Trucks" });
        expect((await b.post("/account/seller", { sellerKind: "private" })).status).toBe(400);
      });

      it("remembers the visitor's home state in a cookie", async () => {
        const b = new Browser(market.app);
        const res = await b.post("/state", { code: "pa" });
        expect(res.status).toBe(303);
        expect(await (await b.get("/")).text()).toMatch(/<option value="PA" selected/);
      });
    });

    describe("listings", () => {
      it("a seller lists a truck by frame number and the catalog fills make and model", async () => {
        const seller = new Browser(market.app);
        await seller.signUp("sue@example.com", "seller");
        const id = await listingIdFrom(await seller.post("/sell", TRUCK));
        const page = await (await seller.get(`/trucks/${id}`)).text();
        expect(page).toMatch(/Honda Acty Truck \(HA4\)/);
        expect(page).toMatch(/48,000 km \(29,826 mi\)/);
        expect(page).toMatch(/In the US already/);
        expect(page).toMatch(/Edit this listing/);
        // Its frame number, typed as a buyer copies it, finds this truck and no other.
        const other = await listingIdFrom(
          await seller.post("/sell", { ...TRUCK, frameNumber: "HA4-2999999" }),
        );
        for (const q of [
          "ha4-2123456",
          "HA4 2123456",
          " HA42123456 ",
          "HA4 - 2123456",
          "ＨＡ４－２１２３４５６",
          "HA4-2123456 acty",
        ]) {
          const found = await (await seller.get(`/trucks?q=${encodeURIComponent(q)}`)).text();
          expect(found, q).toContain(`href="/trucks/${id}"`);
          expect(found, q).not.toContain(`href="/trucks/${other}"`);
        }
        // The words beside a frame number narrow it down as words do.
        const none = await (await seller.get(`/trucks?q=${encodeURIComponent("HA4-2123456 hijet")}`)).text();
        expect(none).not.toContain(`href="/trucks/${id}"`);
      });

      it("the home page shows search and the newest listings", async () => {
        const seller = new Browser(market.app);
        await seller.signUp("home@example.com", "seller");
        await listingIdFrom(await seller.post("/sell", { ...TRUCK, title: "Newest Acty on the home page" }));
        const home = await (await new Browser(market.app).get("/")).text();
        expect(home).toMatch(/Trucks for sale/);
        expect(home).toMatch(/Newest Acty on the home page/);
      });

      it("a page past the end of a search says how many pages there are now", async () => {
        const html = await (await new Browser(market.app).get("/trucks?q=acty&page=400")).text();
        expect(html).toMatch(/This search has 1 page now\./);
        expect(html).toMatch(/href="\/trucks\?q=acty&amp;page=1"/);
        expect(html).not.toMatch(/Page 400 of/);
      });

      it("counts page views in memory and writes them in one batch", async () => {
        const seller = new Browser(market.app);
        await seller.signUp("views@example.com", "seller");
        const id = await listingIdFrom(await seller.post("/sell", { ...TRUCK, title: "Acty with views" }));
        const stored = async () =>
          (await market.database.db.select().from(listings).where(eq(listings.id, id)))[0]!.views;
        const visitor = new Browser(market.app);
        for (let i = 0; i < 3; i++) expect((await visitor.get(`/trucks/${id}`)).status).toBe(200);
        expect(await stored()).toBe(0); // a page view is not a write
        await market.views!.flush();
        expect(await stored()).toBe(3);
        expect(await (await visitor.get(`/trucks/${id}`)).text()).toMatch(/· 3 views/);
      });

      it("opens a shared search link that a social site or a campaign tagged (fbclid, utm_*)", async () => {
        const b = new Browser(market.app);
        const plain = await b.get("/trucks?q=acty");
        const tagged = await b.get("/trucks?q=acty&fbclid=IwAR0abc&utm_source=facebook&utm_medium=social");
        expect(tagged.status).toBe(200);
        expect(await tagged.text()).toBe(await plain.text());
        // a parameter that is not a tag is still refused, not silently dropped
        expect((await b.get("/trucks?q=acty&colour=red")).status).toBe(400);
      });

      it("shows the viewer's state: legality and the delivered cost", async () => {
        const seller = new Browser(market.app);
        await seller.signUp("sam@example.com", "seller");
        const id = await listingIdFrom(await seller.post("/sell", TRUCK));
        const buyer = new Browser(market.app);
        await buyer.post("/state", { code: "TX" });
        const page = await (await buyer.get(`/trucks/${id}`)).text();
        expect(page).toMatch(/Texas: Street legal/);
        expect(page).toMatch(/Delivered and registered in TX: \$9,/);
        expect(page).not.toMatch(/Transport from/);
        expect(page).not.toMatch(/Edit this listing/);
        // From another state the cost says that getting the truck there is not in it.
        await buyer.post("/state", { code: "PA" });
        expect(await (await buyer.get(`/trucks/${id}`)).text()).toMatch(/Transport from TX to PA/);
      });

      it("a Japan listing shows landed cost, eligibility and the port-to-plates checklist", async () => {
        const seller = new Browser(market.app);
        await seller.signUp("jp@example.com", "seller");
        const id = await listingIdFrom(
          await seller.post("/sell", japanTruck("1999 Carry from Japan", "DA52T-123456", "1999-06")),
        );
        const buyer = new Browser(market.app);
        await buyer.post("/state", { code: "TX" });
        const page = await (await buyer.get(`/trucks/${id}`)).text();
        expect(page).toMatch(/May be imported now/);
        expect(page).toMatch(/Landed and registered, before freight and US-side costs in TX: \$/);
        expect(page).toMatch(/For entry today \(2026-11-24\): the duty and fees in force now/);
        expect(page).toMatch(/this site&#39;s rate of 150 JPY per USD|this site's rate of 150 JPY per USD/);
        expect(page).toMatch(/From the port to license plates/);
        expect(page).toMatch(/HS-7/);
        expect(page).toMatch(/3520-1/);
        expect(page).not.toMatch(/Japan-side fees \(auction, agent, inland, port\)/);
      });

      it("a Japan listing not yet importable prices its entry on the first day it may enter, and says so", async () => {
        const seller = new Browser(market.app);
        await seller.signUp("jp-young@example.com", "seller");
        const id = await listingIdFrom(
          await seller.post("/sell", japanTruck("2010 Carry from Japan", "DA63T-123456", "2010-06")),
        );
        const buyer = new Browser(market.app);
        await buyer.post("/state", { code: "TX" });
        const page = await (await buyer.get(`/trucks/${id}`)).text();
        expect(page).toMatch(/For entry on 2035-\d\d-\d\d, the first day it may be imported/);
      });

      it("the decode button fills the form without saving", async () => {
        const seller = new Browser(market.app);
        await seller.signUp("dee@example.com", "seller");
        const res = await seller.post("/sell", { frameNumber: "DA63T-123456", intent: "decode" });
        expect(res.status).toBe(200);
        const html = await res.text();
        expect(html).toMatch(/Suzuki Carry Truck DA63T/);
        expect(html).toMatch(/name="make"[^>]*value="Suzuki"/);
      });

      it("rejects bad input with a clear message and saves nothing", async () => {
        const seller = new Browser(market.app);
        await seller.signUp("val@example.com", "seller");
        const res = await seller.post("/sell", { ...TRUCK, priceUsd: "-5" });
        expect(res.status).toBe(400);
        expect(await res.text()).toMatch(/Price \(USD\): a price above zero/);
        // Values of the right shape that the facts or today refuse, each named with its field.
        const refused: [Record<string, string>, RegExp][] = [
          [{ usState: "ZZ" }, /State: ZZ is not a US state&#39;s code \(or DC\)/],
          [{ zip: "00000" }, /ZIP: ZIP 00000 is not one we can place/],
          [{ buildMonth: "2030-05" }, /Build month: 2030-05 is after this month/],
          [{ auctionGrade: "banana" }, /Auction grade: banana is not an auction score/],
          [{ priceUsd: "lots" }, /Price \(USD\): a price in dollars, e.g. 6500/],
          [{ mileageKm: "12.5" }, /Mileage \(km\): the mileage in whole kilometres/],
          [{ location: "mars" }, /Where is the truck\?: say where the truck is: in the US or in Japan/],
        ];
        for (const [change, message] of refused) {
          const r = await seller.post("/sell", { ...TRUCK, ...change });
          expect(r.status).toBe(400);
          expect(await r.text()).toMatch(message);
        }
        // Several problems are listed together, each with its field, and the form keeps what was typed.
        const many = await seller.request("/sell", {
          method: "POST",
          headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ ...TRUCK, priceUsd: "lots", mileageKm: "-4", title: "x" }).toString(),
        });
        expect(many.status).toBe(400);
        const page = await many.text();
        expect(page).toMatch(/Please fix these 3 things:/);
        for (const f of [
          "Title: give the listing a title",
          "Mileage (km): the mileage",
          "Price (USD): a price in dollars",
        ])
          expect(page).toContain(`<li>${f}`);
        expect(page).toMatch(/name="priceUsd"[^>]*value="lots"/);
        // A known score written in lower case is taken, and stored as sheets write it.
        expect(
          (await seller.post("/sell", { ...TRUCK, location: "jp", priceJpy: "400000", auctionGrade: "ra" }))
            .status,
        ).toBe(303);
        const [graded] = await market.database.db
          .select()
          .from(listings)
          .where(eq(listings.auctionGrade, "RA"));
        expect(graded?.title).toBe(TRUCK.title);
      });

      it("a second seller cannot edit, mark sold or delete the first one's listing", async () => {
        const owner = new Browser(market.app);
        await owner.signUp("own@example.com", "seller");
        const id = await listingIdFrom(await owner.post("/sell", TRUCK));
        const other = new Browser(market.app);
        await other.signUp("oth@example.com", "seller");
        expect((await other.post(`/trucks/${id}/edit`, { ...TRUCK, priceUsd: "1" })).status).toBe(403);
        expect((await other.post(`/trucks/${id}/status`, { status: "sold" })).status).toBe(403);
        expect((await other.post(`/trucks/${id}/delete`, {})).status).toBe(403);
        const anon = new Browser(market.app);
        expect((await anon.post(`/trucks/${id}/status`, { status: "sold" })).status).toBe(401);
        const buyer = new Browser(market.app);
        await buyer.signUp("buy@example.com", "buyer");
        expect((await buyer.post("/sell", TRUCK)).status).toBe(403);
        // Nothing changed.
        expect(await (await owner.get(`/trucks/${id}`)).text()).toMatch(/\$8,500/);
      });

      it("keeps the seller's 2WD/4WD choice for a code built as both when the listing is edited", async () => {
        const owner = new Browser(market.app);
        await owner.signUp("drv@example.com", "seller");
        const truck = { ...TRUCK, frameNumber: "DA63T-184782", title: "Carry 4WD", driveOverride: "4WD" };
        const id = await listingIdFrom(await owner.post("/sell", truck));
        const form = await (await owner.get(`/trucks/${id}/edit`)).text();
        expect(form).toMatch(/<option value="4WD" selected/);
        await owner.post(`/trucks/${id}/edit`, { ...truck, priceUsd: "8000" });
        expect(await (await owner.get(`/trucks/${id}`)).text()).toMatch(/<td>4WD/);
      });

      it("the owner edits the price, marks it sold, and deletes it", async () => {
        const owner = new Browser(market.app);
        await owner.signUp("ed@example.com", "seller");
        const id = await listingIdFrom(await owner.post("/sell", TRUCK));
        expect((await owner.post(`/trucks/${id}/edit`, { ...TRUCK, priceUsd: "7900" })).status).toBe(303);
        expect(await (await owner.get(`/trucks/${id}`)).text()).toMatch(/\$7,900/);
        expect((await owner.post(`/trucks/${id}/status`, { status: "sold" })).status).toBe(303);
        const dashboard = await (await owner.get("/dashboard")).text();
        expect(dashboard).toMatch(/<td>sold<\/td>/);
        expect(dashboard).toMatch(/active → sold/);
        expect(dashboard).toMatch(/price changed/);
        expect((await owner.post(`/trucks/${id}/delete`, {})).status).toBe(303);
        expect((await owner.get(`/trucks/${id}`)).status).toBe(404);
      });

      it("adds a photo, re-encoded, and serves it", async () => {
        const owner = new Browser(market.app);
        await owner.signUp("pic@example.com", "seller");
        const id = await listingIdFrom(await owner.post("/sell", TRUCK));
        const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#3a7" } })
          .jpeg()
          .toBuffer();
        const form = new FormData();
        form.append("photos", new File([new Uint8Array(jpeg)], "truck.jpg", { type: "image/jpeg" }));
        expect((await owner.request(`/trucks/${id}/photos`, { method: "POST", body: form })).status).toBe(
          303,
        );
        const page = await (await owner.get(`/trucks/${id}`)).text();
        const src = /src="(\/photos\/[^"]+\/medium\.jpg)"/.exec(page)?.[1];
        expect(src).toBeDefined();
        const photo = await owner.get(src!);
        expect(photo.status).toBe(200);
        expect(photo.headers.get("content-type")).toBe("image/jpeg");
        const bad = new FormData();
        bad.append("photos", new File([new TextEncoder().encode("<svg/>")], "x.jpg", { type: "image/jpeg" }));
        expect((await owner.request(`/trucks/${id}/photos`, { method: "POST", body: bad })).status).toBe(422);
      });

      it("the owner makes a photo the first one and removes one; nobody else can", async () => {
        const owner = new Browser(market.app);
        await owner.signUp("pics@example.com", "seller");
        const id = await listingIdFrom(await owner.post("/sell", TRUCK));
        for (const colour of ["#a00", "#0a0", "#00a"]) {
          const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: colour } })
            .jpeg()
            .toBuffer();
          const form = new FormData();
          form.append("photos", new File([new Uint8Array(jpeg)], "t.jpg", { type: "image/jpeg" }));
          await owner.request(`/trucks/${id}/photos`, { method: "POST", body: form });
        }
        const order = async () =>
          (await market.database.db.select().from(listingPhotos).where(eq(listingPhotos.listingId, id)))
            .sort((a, b) => a.position - b.position)
            .map((p) => p.id);
        const [a, b, c] = await order();
        const page = await (await owner.get(`/trucks/${id}`)).text();
        expect(page).toContain(`action="/trucks/${id}/photos/${c}/first"`);
        expect(page).toContain(`action="/trucks/${id}/photos/${a}/remove"`);
        const stranger = new Browser(market.app);
        await stranger.signUp("not-pics@example.com", "seller");
        expect((await stranger.post(`/trucks/${id}/photos/${a}/remove`, {})).status).toBe(403);
        expect((await new Browser(market.app).post(`/trucks/${id}/photos/${a}/first`, {})).status).toBe(401);
        expect((await owner.post(`/trucks/${id}/photos/${c}/first`, {})).status).toBe(303);
        expect(await order()).toEqual([c, a, b]);
        const [removed] = await market.database.db
          .select()
          .from(listingPhotos)
          .where(eq(listingPhotos.id, a!));
        expect((await owner.get(`/photos/${removed!.storageKey}/thumb.jpg`)).status).toBe(200);
        expect((await owner.post(`/trucks/${id}/photos/${a}/remove`, {})).status).toBe(303);
        expect(await order()).toEqual([c, b]);
        expect((await owner.get(`/photos/${removed!.storageKey}/thumb.jpg`)).status).toBe(404);
        expect((await owner.post(`/trucks/${id}/photos/${a}/remove`, {})).status).toBe(404);
        const positions = (
          await market.database.db.select().from(listingPhotos).where(eq(listingPhotos.listingId, id))
        ).map((p) => p.position);
        expect(positions.sort()).toEqual([0, 1]);
      });
    });
  });
}
