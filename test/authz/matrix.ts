// The authorization matrix: for every state-changing route, what each kind of caller must get. One entry
// per route (a route may have more, for a second case such as a forged link). A route added to the app
// without an entry here fails src/http/authorization.test.ts; adding it is one entry below.
//
// Each entry builds fresh rows for each call (prepare), names the status each role must get and whether
// the call must store something (`allowed`) or leave the database exactly as it was (`refused`, `noEffect`),
// and for allowed calls checks the change itself (applied).
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../src/db/client.js";
import { savedSearches } from "../../src/db/schema/alerts.js";
import { auditLog, comments, reports, reviews } from "../../src/db/schema/community.js";
import { listingEvents, listingPhotos, listings } from "../../src/db/schema/listings.js";
import { lotBatches } from "../../src/db/schema/lots.js";
import { emailConfirmations, mailJobs, passwordResets } from "../../src/db/schema/ops.js";
import { sessions, type User, users } from "../../src/db/schema/users.js";
import { watches } from "../../src/db/schema/watchlist.js";
import { unsubscribeUrl } from "../../src/services/alerts.js";
import { TRUCK } from "../market.js";
import {
  type Actors,
  commentOf,
  confirmationLink,
  listingOf,
  PASSWORD,
  type Role,
  resetLink,
  reviewOf,
  savedSearchOf,
  soldListing,
  unique,
} from "./fixtures.js";

export interface Outcome {
  status: number;
  /** "stored": the call changes the database (checked by `applied`); "none": it leaves it as it was. */
  effect: "stored" | "none";
}
const allowed = (status: number): Outcome => ({ status, effect: "stored" });
const refused = (status: number): Outcome => ({ status, effect: "none" });
/** Answered normally, but nothing to store (an anonymous visitor's state choice lives in a cookie). */
const noEffect = refused;

export interface CallContext {
  db: Db;
  actors: Actors;
  role: Role;
  /** The calling user; undefined when anonymous. */
  me: User | undefined;
  /** The caller's session cookie value. */
  session: string | undefined;
  /** A small JPEG for uploads. */
  photo: Buffer;
}

export interface Call {
  path: string;
  form?: Record<string, string>;
  multipart?: FormData;
  /** Checks the change an allowed call must have made. */
  applied?: () => Promise<void>;
}

export interface MatrixEntry {
  /** "POST /trucks/:id/edit", as the route table names it (without the `{…}` constraints). */
  route: string;
  /** A second case of one route (a forged link…). */
  variant?: string;
  expect: Record<Role, Outcome>;
  prepare(ctx: CallContext): Promise<Call>;
}

// The usual shapes of an answer.
const ANYONE = (o: Outcome): Record<Role, Outcome> => ({
  anonymous: o,
  buyer: o,
  otherSeller: o,
  owner: o,
  admin: o,
});
const SIGNED_IN = (status: number): Record<Role, Outcome> => ({
  ...ANYONE(allowed(status)),
  anonymous: refused(401),
});
const OWNER_OR_ADMIN: Record<Role, Outcome> = {
  anonymous: refused(401),
  buyer: refused(403),
  otherSeller: refused(403),
  owner: allowed(303),
  admin: allowed(303),
};
const ADMIN_ONLY: Record<Role, Outcome> = {
  anonymous: refused(401),
  buyer: refused(403),
  otherSeller: refused(403),
  owner: refused(403),
  admin: allowed(303),
};
/** Things of one user's own (saved searches): anyone else is told there is no such thing. */
const OWNER_ONLY_NOT_FOUND: Record<Role, Outcome> = {
  anonymous: refused(401),
  buyer: refused(404),
  otherSeller: refused(404),
  owner: allowed(303),
  admin: refused(404),
};

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const one = async <T>(rows: Promise<T[]>) => (await rows)[0];

/** GET routes whose purpose is a change (one-click links in emails): covered like the POSTs. */
export const STATE_CHANGING_GETS = ["GET /alerts/unsubscribe"];

export const MATRIX: MatrixEntry[] = [
  // Accounts.
  {
    route: "POST /signup",
    expect: ANYONE(allowed(303)),
    async prepare({ db }) {
      const email = `new-${unique()}@authz.example`;
      return {
        path: "/signup",
        form: { email, password: PASSWORD, displayName: "New", role: "buyer" },
        applied: async () => {
          expect(await one(db.select().from(users).where(eq(users.email, email)))).toBeDefined();
          // With the link that confirms the address, stored with the account.
          expect(await db.select().from(mailJobs).where(eq(mailJobs.to, email))).toMatchObject([
            { kind: "confirm_email" },
          ]);
        },
      };
    },
  },
  {
    route: "POST /login",
    expect: ANYONE(allowed(303)),
    async prepare({ db, actors }) {
      const count = async () =>
        (await db.select().from(sessions).where(eq(sessions.userId, actors.loginTarget.id))).length;
      const before = await count();
      return {
        path: "/login",
        form: { email: actors.loginTarget.email, password: PASSWORD },
        applied: async () => expect(await count()).toBe(before + 1),
      };
    },
  },
  {
    route: "POST /logout",
    expect: { ...ANYONE(allowed(303)), anonymous: noEffect(303) },
    async prepare({ db, session }) {
      return {
        path: "/logout",
        applied: async () =>
          expect(
            await db
              .select()
              .from(sessions)
              .where(eq(sessions.id, sha256(session ?? ""))),
          ).toEqual([]),
      };
    },
  },
  {
    route: "POST /state",
    expect: { ...ANYONE(allowed(303)), anonymous: noEffect(303) },
    async prepare({ db, me }) {
      if (me) await db.update(users).set({ homeState: null }).where(eq(users.id, me.id));
      return {
        path: "/state",
        form: { code: "VT" },
        applied: async () =>
          expect((await one(db.select().from(users).where(eq(users.id, me!.id))))?.homeState).toBe("VT"),
      };
    },
  },
  {
    route: "POST /reset",
    expect: ANYONE(allowed(200)),
    async prepare({ db, actors }) {
      const mine = () =>
        db.select().from(passwordResets).where(eq(passwordResets.userId, actors.loginTarget.id));
      const before = (await mine()).length;
      return {
        path: "/reset",
        form: { email: actors.loginTarget.email },
        applied: async () => expect((await mine()).length).toBe(before + 1),
      };
    },
  },
  {
    route: "POST /reset/:token",
    expect: ANYONE(allowed(303)),
    async prepare({ db }) {
      const { user, token } = await resetLink(db);
      return {
        path: `/reset/${token}`,
        form: { password: "a brand new password" },
        applied: async () =>
          expect((await one(db.select().from(users).where(eq(users.id, user.id))))?.passwordHash).not.toBe(
            user.passwordHash,
          ),
      };
    },
  },
  {
    route: "POST /reset/:token",
    variant: "a token nobody was sent",
    expect: ANYONE(refused(400)),
    async prepare() {
      return { path: `/reset/${"x".repeat(43)}`, form: { password: "a brand new password" } };
    },
  },

  {
    // One's own password, with the current one; the owner is mailed a notice.
    route: "POST /account/password",
    expect: SIGNED_IN(303),
    async prepare({ db, me }) {
      const before = me
        ? (await one(db.select().from(users).where(eq(users.id, me.id))))?.passwordHash
        : null;
      return {
        path: "/account/password",
        form: { current: PASSWORD, password: "a brand new password" },
        applied: async () => {
          const after = await one(db.select().from(users).where(eq(users.id, me!.id)));
          expect(after?.passwordHash).not.toBe(before);
          const mail = await db.select().from(mailJobs).where(eq(mailJobs.kind, "password_changed"));
          expect(mail.at(-1)?.to).toBe(me!.email);
        },
      };
    },
  },
  {
    // Another confirmation link for the caller's own address (mailed only to it).
    route: "POST /confirm-email",
    expect: SIGNED_IN(303),
    async prepare({ db, me }) {
      const mine = () =>
        me ? db.select().from(emailConfirmations).where(eq(emailConfirmations.userId, me.id)) : [];
      const before = (await mine()).length;
      return {
        path: "/confirm-email",
        applied: async () => {
          expect((await mine()).length).toBe(before + 1);
          const mail = await db.select().from(mailJobs).where(eq(mailJobs.kind, "confirm_email"));
          expect(mail.at(-1)?.to).toBe(me!.email);
        },
      };
    },
  },
  {
    // The link mailed to the address is the authority, whoever presses its button.
    route: "POST /confirm/:token",
    expect: ANYONE(allowed(200)),
    async prepare({ db }) {
      const { user, token } = await confirmationLink(db);
      return {
        path: `/confirm/${token}`,
        applied: async () =>
          expect(
            (await one(db.select().from(users).where(eq(users.id, user.id))))?.emailConfirmedAt,
          ).toBeInstanceOf(Date),
      };
    },
  },
  {
    route: "POST /confirm/:token",
    variant: "a token nobody was sent",
    expect: ANYONE(refused(400)),
    async prepare() {
      return { path: `/confirm/${"x".repeat(43)}` };
    },
  },

  // Listings: sellers list; only the owner (or an admin) changes a listing.
  {
    route: "POST /sell",
    expect: { ...OWNER_OR_ADMIN, otherSeller: allowed(303) },
    async prepare({ db, me }) {
      const title = `Matrix sell ${unique()}`;
      return {
        path: "/sell",
        form: { ...TRUCK, title },
        applied: async () => {
          const row = await one(db.select().from(listings).where(eq(listings.title, title)));
          expect(row?.sellerId).toBe(me!.id);
          const events = await db.select().from(listingEvents).where(eq(listingEvents.listingId, row!.id));
          expect(events.map((e) => e.kind)).toEqual(["created"]);
        },
      };
    },
  },
  {
    route: "POST /trucks/:id/edit",
    expect: OWNER_OR_ADMIN,
    async prepare({ db, actors }) {
      const l = await listingOf(db, actors.users.owner.id);
      const title = `Edited ${unique()}`;
      return {
        path: `/trucks/${l.id}/edit`,
        form: { ...TRUCK, title },
        applied: async () =>
          expect((await one(db.select().from(listings).where(eq(listings.id, l.id))))?.title).toBe(title),
      };
    },
  },
  {
    route: "POST /trucks/:id/status",
    expect: OWNER_OR_ADMIN,
    async prepare({ db, actors }) {
      const l = await listingOf(db, actors.users.owner.id);
      return {
        path: `/trucks/${l.id}/status`,
        form: { status: "withdrawn" },
        applied: async () =>
          expect((await one(db.select().from(listings).where(eq(listings.id, l.id))))?.status).toBe(
            "withdrawn",
          ),
      };
    },
  },
  {
    route: "POST /trucks/:id/delete",
    expect: OWNER_OR_ADMIN,
    async prepare({ db, actors }) {
      const l = await listingOf(db, actors.users.owner.id);
      return {
        path: `/trucks/${l.id}/delete`,
        applied: async () =>
          expect(await db.select().from(listings).where(eq(listings.id, l.id))).toEqual([]),
      };
    },
  },
  {
    route: "POST /trucks/:id/photos",
    expect: OWNER_OR_ADMIN,
    async prepare({ db, actors, photo }) {
      const l = await listingOf(db, actors.users.owner.id);
      const multipart = new FormData();
      multipart.append("photos", new File([new Uint8Array(photo)], "truck.jpg", { type: "image/jpeg" }));
      return {
        path: `/trucks/${l.id}/photos`,
        multipart,
        applied: async () =>
          expect(await db.select().from(listingPhotos).where(eq(listingPhotos.listingId, l.id))).toHaveLength(
            1,
          ),
      };
    },
  },

  {
    // One route for both photo actions; "remove" is the one that destroys something.
    route: "POST /trucks/:id/photos/:photo/:action",
    expect: OWNER_OR_ADMIN,
    async prepare({ db, actors }) {
      const l = await listingOf(db, actors.users.owner.id);
      const [p] = await db
        .insert(listingPhotos)
        .values({ listingId: l.id, position: 0, storageKey: `listings/${l.id}/authz-photo` })
        .returning();
      return {
        path: `/trucks/${l.id}/photos/${p!.id}/remove`,
        applied: async () =>
          expect(await db.select().from(listingPhotos).where(eq(listingPhotos.id, p!.id))).toEqual([]),
      };
    },
  },

  // Reputation: the buyer of a sale reviews it, the seller answers, anyone signed in reports, admins moderate.
  {
    route: "POST /trucks/:id/review",
    expect: {
      anonymous: refused(401),
      buyer: allowed(303),
      otherSeller: refused(403),
      owner: refused(403),
      admin: refused(403),
    },
    async prepare({ db, actors }) {
      const l = await soldListing(db, actors.users.owner.id, actors.users.buyer.id);
      return {
        path: `/trucks/${l.id}/review`,
        form: { rating: "5", body: "Exactly as described, quick sale." },
        applied: async () =>
          expect(await db.select().from(reviews).where(eq(reviews.listingId, l.id))).toHaveLength(1),
      };
    },
  },
  {
    route: "POST /reviews/:id/reply",
    expect: { ...ADMIN_ONLY, owner: allowed(303), admin: refused(403) },
    async prepare({ db, actors }) {
      const r = await reviewOf(db, actors.users.owner.id, actors.users.buyer.id);
      return {
        path: `/reviews/${r.id}/reply`,
        form: { reply: "Thank you!" },
        applied: async () =>
          expect((await one(db.select().from(reviews).where(eq(reviews.id, r.id))))?.reply).toBe(
            "Thank you!",
          ),
      };
    },
  },
  {
    route: "POST /reviews/:id/report",
    expect: SIGNED_IN(303),
    async prepare({ db, actors, me }) {
      const r = await reviewOf(db, actors.users.owner.id, actors.users.buyer.id);
      return {
        path: `/reviews/${r.id}/report`,
        form: { reason: "not about the truck" },
        applied: async () =>
          expect(
            await db
              .select()
              .from(reports)
              .where(and(eq(reports.subjectId, r.id), eq(reports.reporterId, me!.id))),
          ).toHaveLength(1),
      };
    },
  },
  ...(["hide", "restore"] as const).map(
    (action): MatrixEntry => ({
      route: `POST /reviews/:id/${action}`,
      expect: ADMIN_ONLY,
      async prepare({ db, actors }) {
        const r = await reviewOf(db, actors.users.owner.id, actors.users.buyer.id, {
          hidden: action === "restore",
        });
        return {
          path: `/reviews/${r.id}/${action}`,
          applied: async () => {
            const row = await one(db.select().from(reviews).where(eq(reviews.id, r.id)));
            expect(row?.hiddenAt === null).toBe(action === "restore");
            expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, r.id))).toHaveLength(1);
          },
        };
      },
    }),
  ),

  // The watchlist and saved searches: each user's own.
  {
    route: "POST /saved/:id",
    expect: SIGNED_IN(303),
    async prepare({ db, actors, me }) {
      const l = await listingOf(db, actors.users.owner.id);
      return {
        path: `/saved/${l.id}`,
        form: { watch: "1" },
        applied: async () =>
          expect(
            await db
              .select()
              .from(watches)
              .where(and(eq(watches.listingId, l.id), eq(watches.userId, me!.id))),
          ).toHaveLength(1),
      };
    },
  },
  {
    route: "POST /alerts",
    // Anonymous visitors are sent to log in first.
    expect: { ...SIGNED_IN(303), anonymous: noEffect(303) },
    async prepare({ db, me }) {
      const q = `alert${unique()}`;
      return {
        path: "/alerts",
        form: { query: `q=${q}`, frequency: "daily" },
        applied: async () => {
          const mine = await db.select().from(savedSearches).where(eq(savedSearches.userId, me!.id));
          expect(mine.some((s) => (s.query as Record<string, string>).q === q)).toBe(true);
        },
      };
    },
  },
  {
    route: "POST /alerts/:id/delete",
    expect: OWNER_ONLY_NOT_FOUND,
    async prepare({ db, actors }) {
      const s = await savedSearchOf(db, actors.users.owner.id);
      return {
        path: `/alerts/${s.id}/delete`,
        applied: async () =>
          expect(await db.select().from(savedSearches).where(eq(savedSearches.id, s.id))).toEqual([]),
      };
    },
  },
  {
    route: "POST /alerts/:id/frequency",
    expect: OWNER_ONLY_NOT_FOUND,
    async prepare({ db, actors }) {
      const s = await savedSearchOf(db, actors.users.owner.id);
      return {
        path: `/alerts/${s.id}/frequency`,
        form: { frequency: "daily" },
        applied: async () =>
          expect(
            (await one(db.select().from(savedSearches).where(eq(savedSearches.id, s.id))))?.frequency,
          ).toBe("daily"),
      };
    },
  },
  {
    // The signed link in the alert email is the authority (RFC 8058 one-click), whoever follows it.
    route: "POST /alerts/unsubscribe",
    expect: ANYONE(allowed(200)),
    async prepare({ db, actors }) {
      const s = await savedSearchOf(db, actors.users.owner.id);
      const url = new URL(await unsubscribeUrl(db, "http://localhost", s.id));
      return {
        path: `${url.pathname}${url.search}`,
        applied: async () =>
          expect(await db.select().from(savedSearches).where(eq(savedSearches.id, s.id))).toEqual([]),
      };
    },
  },
  {
    // The same link opened in a browser (a GET that deletes, on purpose: one click in the email).
    route: "GET /alerts/unsubscribe",
    expect: ANYONE(allowed(200)),
    async prepare({ db, actors }) {
      const s = await savedSearchOf(db, actors.users.owner.id);
      const url = new URL(await unsubscribeUrl(db, "http://localhost", s.id));
      return {
        path: `${url.pathname}${url.search}`,
        applied: async () =>
          expect(await db.select().from(savedSearches).where(eq(savedSearches.id, s.id))).toEqual([]),
      };
    },
  },
  {
    route: "POST /alerts/unsubscribe",
    variant: "a link with a forged signature",
    expect: ANYONE(refused(403)),
    async prepare({ db, actors }) {
      const s = await savedSearchOf(db, actors.users.owner.id);
      const url = new URL(await unsubscribeUrl(db, "http://localhost", s.id + 1));
      return { path: `/alerts/unsubscribe?id=${s.id}&sig=${url.searchParams.get("sig")}` };
    },
  },

  // Comments on guides and questions on listings: signed-in people post; authors edit (within the
  // window) and delete their own; anyone but the author reports; admins hide and restore.
  {
    route: "POST /guides/:slug/comments",
    expect: SIGNED_IN(303),
    async prepare({ db, me }) {
      const body = `A comment ${unique()}`;
      return {
        path: "/guides/what-is-a-kei-truck/comments",
        form: { body },
        applied: async () =>
          expect(
            await db
              .select()
              .from(comments)
              .where(and(eq(comments.authorId, me!.id), eq(comments.body, body))),
          ).toHaveLength(1),
      };
    },
  },
  {
    route: "POST /trucks/:id/questions",
    expect: SIGNED_IN(303),
    async prepare({ db, actors, me }) {
      const l = await listingOf(db, actors.users.owner.id);
      return {
        path: `/trucks/${l.id}/questions`,
        form: { body: "Is the timing belt done?" },
        applied: async () =>
          expect(
            await db
              .select()
              .from(comments)
              .where(and(eq(comments.subjectKey, String(l.id)), eq(comments.authorId, me!.id))),
          ).toHaveLength(1),
      };
    },
  },
  {
    route: "POST /comments/:id/edit",
    expect: { ...OWNER_OR_ADMIN, admin: refused(403) },
    async prepare({ db, actors }) {
      const c = await commentOf(db, actors.users.owner.id);
      return {
        path: `/comments/${c.id}/edit`,
        form: { body: "Edited within the window" },
        applied: async () =>
          expect((await one(db.select().from(comments).where(eq(comments.id, c.id))))?.body).toBe(
            "Edited within the window",
          ),
      };
    },
  },
  {
    route: "POST /comments/:id/delete",
    expect: { ...OWNER_OR_ADMIN, admin: refused(403) },
    async prepare({ db, actors }) {
      const c = await commentOf(db, actors.users.owner.id);
      return {
        path: `/comments/${c.id}/delete`,
        applied: async () =>
          expect(
            (await one(db.select().from(comments).where(eq(comments.id, c.id))))?.deletedAt,
          ).not.toBeNull(),
      };
    },
  },
  {
    route: "POST /comments/:id/report",
    expect: { ...SIGNED_IN(303), owner: refused(403) },
    async prepare({ db, actors, me }) {
      const c = await commentOf(db, actors.users.owner.id);
      return {
        path: `/comments/${c.id}/report`,
        form: { reason: "off topic" },
        applied: async () =>
          expect(
            await db
              .select()
              .from(reports)
              .where(and(eq(reports.subjectId, c.id), eq(reports.reporterId, me!.id))),
          ).toHaveLength(1),
      };
    },
  },
  ...(["hide", "restore"] as const).map(
    (action): MatrixEntry => ({
      route: `POST /comments/:id/${action}`,
      expect: ADMIN_ONLY,
      async prepare({ db, actors }) {
        const c = await commentOf(db, actors.users.owner.id, { hidden: action === "restore" });
        return {
          path: `/comments/${c.id}/${action}`,
          applied: async () => {
            const after = await one(db.select().from(comments).where(eq(comments.id, c.id)));
            expect(after?.hiddenAt === null).toBe(action === "restore");
            expect(
              await db
                .select()
                .from(auditLog)
                .where(and(eq(auditLog.subjectId, c.id), eq(auditLog.action, action))),
            ).toHaveLength(1);
          },
        };
      },
    }),
  ),

  // The admin page's actions.
  {
    route: "POST /admin/reports/:id/resolve",
    expect: ADMIN_ONLY,
    async prepare({ db, actors }) {
      const c = await commentOf(db, actors.users.owner.id);
      const [report] = await db
        .insert(reports)
        .values({
          subjectKind: "comment",
          subjectId: c.id,
          reporterId: actors.users.buyer.id,
          reason: "spam",
        })
        .returning();
      return {
        path: `/admin/reports/${report!.id}/resolve`,
        applied: async () =>
          expect(
            (await one(db.select().from(reports).where(eq(reports.id, report!.id))))?.resolvedAt,
          ).not.toBeNull(),
      };
    },
  },
  ...([true, false] as const).map(
    (ban): MatrixEntry => ({
      route: `POST /admin/${ban ? "ban" : "unban"}`,
      expect: ADMIN_ONLY,
      async prepare({ db }) {
        const n = unique();
        const [target] = await db
          .insert(users)
          .values({
            email: `ban-${n}@authz.example`,
            passwordHash: "not-a-hash",
            displayName: `ban ${n}`,
            bannedAt: ban ? null : new Date(),
          })
          .returning();
        return {
          path: `/admin/${ban ? "ban" : "unban"}`,
          form: { user: target!.email },
          applied: async () =>
            expect(
              (await one(db.select().from(users).where(eq(users.id, target!.id))))?.bannedAt === null,
            ).toBe(!ban),
        };
      },
    }),
  ),

  {
    // Only a buyer account becomes a seller one; the others list trucks already (a clear 400).
    route: "POST /account/seller",
    expect: {
      anonymous: refused(401),
      buyer: allowed(303),
      otherSeller: refused(400),
      owner: refused(400),
      admin: refused(400),
    },
    async prepare({ db, me }) {
      return {
        path: "/account/seller",
        form: { sellerKind: "private" },
        applied: async () => {
          const [u] = await db.select().from(users).where(eq(users.id, me!.id));
          expect(u!.role).toBe("seller");
          // Back to a buyer: the other entries count on one.
          await db.update(users).set({ role: "buyer", sellerKind: null }).where(eq(users.id, me!.id));
        },
      };
    },
  },

  // The importer: seller accounts (and admins) evaluate lot files; buyers may not.
  {
    route: "POST /importer",
    expect: { ...SIGNED_IN(303), buyer: refused(403) },
    async prepare({ db, me }) {
      const form = new FormData();
      const csv = `lot_no,chassis_code,year,start_price_jpy\n${unique()},DD51T,1996,200000\n`;
      form.set("file", new File([csv], "lots.csv", { type: "text/csv" }));
      form.set("to", "TX");
      form.set("arrival", "2027-01-15");
      return {
        path: "/importer",
        multipart: form,
        applied: async () =>
          expect(await db.select().from(lotBatches).where(eq(lotBatches.userId, me!.id))).toHaveLength(1),
      };
    },
  },
  {
    // Another seller's batch is not found (404), as when opening it: its existence is not told.
    route: "POST /importer/batches/:id/delete",
    expect: { ...OWNER_OR_ADMIN, otherSeller: refused(404) },
    async prepare({ db, actors }) {
      const [b] = await db
        .insert(lotBatches)
        .values({
          userId: actors.users.owner.id,
          fileName: "lots.csv",
          fileSha256: `${unique()}`.padEnd(64, "0"),
          optionsKey: String(unique()),
          options: { to: "TX", arrival: "2027-01-15" },
          rowCount: 0,
          errorCount: 0,
          summary: {},
        })
        .returning();
      return {
        path: `/importer/batches/${b!.id}/delete`,
        form: { confirm: "yes" },
        applied: async () =>
          expect(await db.select().from(lotBatches).where(eq(lotBatches.id, b!.id))).toEqual([]),
      };
    },
  },
];
