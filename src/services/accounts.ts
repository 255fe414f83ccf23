// Accounts: sign-up, log-in, log-out and sessions. Passwords are hashed with argon2id; a session is a
// random token in an httpOnly cookie whose SHA-256 is the database key, new at every log-in (rotation).
// Log-in failures say the same thing whether or not the email exists, and take the same time.
import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { type Db, withTransaction } from "../db/client.js";
import {
  deleteSession,
  findLiveSession,
  findUserByEmail,
  insertSession,
  insertUser,
  updateUserHomeState,
} from "../db/repos/users.repo.js";
import { type User, users } from "../db/schema/users.js";
import { AppError } from "./app-error.js";
import { parseInput, stateCodeString } from "./inputs.schema.js";
import {
  type FailureLimit,
  LOGIN_FAILURES_PER_ACCOUNT,
  recordFailure,
  refuseWhenLocked,
} from "./login-failures.js";
import { newPassword } from "./password.schema.js";

export const SESSION_DAYS = 30;

export const signUpSchema = z
  .object({
    email: z.string().trim().toLowerCase().email("expected an email address").max(254),
    password: newPassword,
    displayName: z.string().trim().min(1, "give a name to show").max(80),
    role: z.enum(["buyer", "seller"]).default("buyer"),
    sellerKind: z.enum(["private", "dealer"]).optional(),
    dealerName: z.string().trim().max(120).optional(),
    homeState: stateCodeString.optional(),
  })
  .refine((v) => v.role !== "seller" || v.sellerKind, {
    message: "sellers say whether they are a private seller or a dealer",
    path: ["sellerKind"],
  })
  .refine((v) => v.sellerKind !== "dealer" || (v.dealerName && v.dealerName.length > 0), {
    message: "dealers give the dealership's name",
    path: ["dealerName"],
  });
export type SignUpInput = z.input<typeof signUpSchema>;

/** A buyer who starts selling: the same choice sign-up asks of sellers. */
export const becomeSellerSchema = z
  .object({
    sellerKind: z.enum(["private", "dealer"], { error: "say whether you sell privately or as a dealer" }),
    dealerName: z.string().trim().max(120).optional(),
  })
  .refine((v) => v.sellerKind !== "dealer" || (v.dealerName && v.dealerName.length > 0), {
    message: "dealers give the dealership's name",
    path: ["dealerName"],
  });

/** Turns a buyer account into a seller account (it keeps its saved searches, watchlist and reviews). */
export async function becomeSeller(db: Db, user: PublicUser | null, raw: unknown): Promise<void> {
  if (!user) throw new AppError("unauthenticated", "log in to sell trucks");
  if (user.role !== "buyer") throw new AppError("invalid_input", "this account can list trucks already");
  if (user.banned) throw new AppError("forbidden", "this account has been banned from posting");
  const v = parseInput(becomeSellerSchema, raw);
  await db
    .update(users)
    .set({
      role: "seller",
      sellerKind: v.sellerKind,
      dealerName: v.sellerKind === "dealer" ? v.dealerName! : null,
    })
    .where(eq(users.id, user.id));
}

export const logInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(200),
});

export interface PublicUser {
  id: number;
  email: string;
  displayName: string;
  role: User["role"];
  sellerKind: User["sellerKind"];
  dealerName: string | null;
  homeState: string | null;
  /** Banned by an admin: may read but not post, review or list. */
  banned: boolean;
  /** The owner proved the address is theirs: alert mail may go to it. */
  emailConfirmed: boolean;
}

export function presentUser(u: User): PublicUser {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    sellerKind: u.sellerKind,
    dealerName: u.dealerName,
    homeState: u.homeState,
    banned: u.bannedAt !== null,
    emailConfirmed: u.emailConfirmedAt !== null,
  };
}

/** The database key of a session: the SHA-256 hex of its cookie token. */
export const tokenId = (token: string) => createHash("sha256").update(token).digest("hex");

// Verified against when the email is unknown, so a miss costs as much as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function hashPassword(password: string): Promise<string> {
  return hash(password); // @node-rs/argon2 defaults to argon2id
}

async function newSession(db: Db, userId: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(db, { id: tokenId(token), userId, expiresAt });
  return { token, expiresAt };
}

/**
 * Makes the account and its first session. `then` runs in the same transaction (the confirmation mail
 * is queued there): the account, its session and that mail are stored together or not at all. The
 * password is hashed before the transaction opens, so it holds no lock while hashing.
 */
export async function signUp(
  db: Db,
  raw: unknown,
  now = new Date(),
  then?: (tx: Db, user: PublicUser) => Promise<unknown>,
) {
  const input = parseInput(signUpSchema, raw);
  if (await findUserByEmail(db, input.email))
    // Sign-up must say something here; it says it without confirming more than the form already shows.
    throw new AppError("invalid_input", "that email cannot be used: log in instead, or use another", "email");
  const passwordHash = await hashPassword(input.password);
  return withTransaction(db, async (tx) => {
    const user = presentUser(
      await insertUser(tx, {
        email: input.email,
        passwordHash,
        displayName: input.displayName,
        role: input.role,
        sellerKind: input.role === "seller" ? (input.sellerKind ?? null) : null,
        dealerName: input.sellerKind === "dealer" ? (input.dealerName ?? null) : null,
        homeState: input.homeState ?? null,
      }),
    );
    const session = await newSession(tx, user.id, now);
    await then?.(tx, user);
    return { user, ...session };
  });
}

/**
 * Checks the password and opens a new session. `failures`: the per-account limit on wrong passwords
 * (null: none, when the operator turns limits off); a locked account is refused before its password is
 * checked, so guessing on stays useless, and unknown emails are counted alike.
 */
export async function logIn(
  db: Db,
  raw: unknown,
  previousToken?: string,
  now = new Date(),
  failures: FailureLimit | null = LOGIN_FAILURES_PER_ACCOUNT,
) {
  const input = parseInput(logInSchema, raw);
  if (failures) await refuseWhenLocked(db, input.email, failures, now);
  const user = await findUserByEmail(db, input.email);
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  const ok = await verify(user?.passwordHash ?? (await dummyHash), input.password).catch(() => false);
  if (!user || !ok) {
    if (failures) await recordFailure(db, input.email, failures, now);
    throw new AppError("invalid_credentials", "wrong email or password");
  }
  if (previousToken) await deleteSession(db, tokenId(previousToken));
  return { user: presentUser(user), ...(await newSession(db, user.id, now)) };
}

export async function logOut(db: Db, token: string): Promise<void> {
  await deleteSession(db, tokenId(token));
}

export async function userForSession(db: Db, token: string, now = new Date()): Promise<PublicUser | null> {
  const found = await findLiveSession(db, tokenId(token), now);
  return found ? presentUser(found.user) : null;
}

export async function setHomeState(db: Db, userId: number, code: string | null): Promise<void> {
  await updateUserHomeState(db, userId, code === null ? null : parseInput(stateCodeString, code));
}
