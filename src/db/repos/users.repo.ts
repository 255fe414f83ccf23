// Users and their sessions. Queries only: the rules (who may log in, how long a session lives) are in
// src/services/accounts.ts.
import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "../client.js";
import { type NewUser, sessions, type User, users } from "../schema/users.js";

export async function insertUser(db: Db, user: NewUser): Promise<User> {
  const [row] = await db.insert(users).values(user).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return row;
}

export async function findUserById(db: Db, id: number): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function updateUserHomeState(db: Db, id: number, homeState: string | null): Promise<void> {
  await db.update(users).set({ homeState }).where(eq(users.id, id));
}

export async function insertSession(
  db: Db,
  s: { id: string; userId: number; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(s);
}

/** The live session and its user, or undefined when unknown or expired. */
export async function findLiveSession(db: Db, id: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function setUserBanned(db: Db, id: number, banned: boolean): Promise<void> {
  await db
    .update(users)
    .set({ bannedAt: banned ? new Date() : null })
    .where(eq(users.id, id));
}

export async function setUserRole(db: Db, id: number, role: User["role"]): Promise<void> {
  await db.update(users).set({ role }).where(eq(users.id, id));
}
