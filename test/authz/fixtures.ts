// The people and things the authorization matrix calls routes about. Rows are written straight to the
// database (no argon2 per user, no HTTP) so each of the matrix's calls gets fresh ones of its own.
import { createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import { insertListing } from "../../src/db/repos/listings.repo.js";
import { insertReview, setReviewHidden } from "../../src/db/repos/reviews.repo.js";
import { insertSession, insertUser } from "../../src/db/repos/users.repo.js";
import { savedSearches } from "../../src/db/schema/alerts.js";
import { comments } from "../../src/db/schema/community.js";
import { listings } from "../../src/db/schema/listings.js";
import { emailConfirmations, type MailedLinkTable, passwordResets } from "../../src/db/schema/ops.js";
import type { User } from "../../src/db/schema/users.js";
import { hashPassword } from "../../src/services/accounts.js";
import { createLink } from "../../src/services/mailed-links.js";

/** Who calls: nobody signed in, a buyer, a seller who does not own the thing, its owner, an admin. */
export const ROLES = ["anonymous", "buyer", "otherSeller", "owner", "admin"] as const;
export type Role = (typeof ROLES)[number];
export type Person = Exclude<Role, "anonymous">;

export const PASSWORD = "correct horse battery";

export interface Actors {
  users: Record<Person, User>;
  /** An account whose password the log-in calls use. */
  loginTarget: User;
}

let counter = 0;
/** A number no other fixture in this process has used (emails, titles). */
export const unique = () => ++counter;

export async function createActors(db: Db): Promise<Actors> {
  const passwordHash = await hashPassword(PASSWORD);
  const user = (name: string, role: User["role"]) =>
    insertUser(db, {
      email: `${name}@authz.example`,
      passwordHash,
      displayName: name,
      role,
      sellerKind: role === "seller" ? "private" : null,
    });
  return {
    users: {
      buyer: await user("buyer", "buyer"),
      otherSeller: await user("other-seller", "seller"),
      owner: await user("owner", "seller"),
      admin: await user("admin", "admin"),
    },
    loginTarget: await user("login-target", "buyer"),
  };
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** A new session for the user: the cookie value a browser would hold. */
export async function sessionFor(db: Db, userId: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertSession(db, { id: sha256(token), userId, expiresAt: new Date(Date.now() + 86_400_000) });
  return token;
}

/** An active US listing of the seller's (with its 'created' event and first price, as the app writes it). */
export async function listingOf(db: Db, sellerId: number) {
  return insertListing(db, {
    sellerId,
    location: "us",
    title: `Authz truck ${unique()}`,
    make: "Honda",
    model: "Acty",
    priceUsdCents: 850_000,
    usState: "TX",
  });
}

/** A listing the owner sold to the buyer: what a review needs. */
export async function soldListing(db: Db, sellerId: number, buyerId: number) {
  const l = await listingOf(db, sellerId);
  await db
    .update(listings)
    .set({ status: "sold", soldToId: buyerId, soldAt: new Date() })
    .where(eq(listings.id, l.id));
  return l;
}

export async function reviewOf(db: Db, sellerId: number, buyerId: number, { hidden = false } = {}) {
  const l = await soldListing(db, sellerId, buyerId);
  const review = await insertReview(db, {
    listingId: l.id,
    listingTitle: l.title,
    sellerId,
    buyerId,
    rating: 4,
    body: "A fair sale, as described.",
  });
  if (hidden) await setReviewHidden(db, review.id, true);
  return review;
}

/** A fresh guide comment by the user (inside the edit window), hidden by an admin when asked. */
export async function commentOf(db: Db, authorId: number, { hidden = false } = {}) {
  const [row] = await db
    .insert(comments)
    .values({
      subjectKind: "guide",
      subjectKey: "what-is-a-kei-truck",
      authorId,
      body: `Comment ${unique()}`,
      hiddenAt: hidden ? new Date() : null,
    })
    .returning();
  return row!;
}

export async function savedSearchOf(db: Db, userId: number) {
  const [row] = await db
    .insert(savedSearches)
    .values({ userId, name: `acty ${unique()}`, query: { q: "acty" }, frequency: "instant" })
    .returning();
  return row!;
}

/** A fresh account (unconfirmed) with a live link of a kind; the token is what the emailed link carries. */
async function mailedLink(db: Db, table: MailedLinkTable, kind: string) {
  const n = unique();
  const user = await insertUser(db, {
    email: `${kind}-${n}@authz.example`,
    passwordHash: "not-a-hash",
    displayName: `${kind} ${n}`,
  });
  const token = await createLink(db, table, user.id, new Date(Date.now() + 3_600_000));
  return { user, token };
}

/** A fresh account with a live reset link. */
export const resetLink = (db: Db) => mailedLink(db, passwordResets, "reset");

/** An unconfirmed account and a live link that confirms its address. */
export const confirmationLink = (db: Db) => mailedLink(db, emailConfirmations, "confirm");
