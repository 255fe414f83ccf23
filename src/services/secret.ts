// The site's signing secret (unsubscribe links), kept in the database so every instance shares it and
// a restart keeps old links valid. Created on first use; KEIYARD_SECRET is not needed.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { appSettings } from "../db/schema/ops.js";

const KEY = "signing_secret";

export async function siteSecret(db: Db): Promise<string> {
  await db
    .insert(appSettings)
    .values({ key: KEY, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, KEY));
  if (!row) throw new Error("signing secret missing after insert");
  return row.value;
}

export function sign(secret: string, message: string): string {
  return createHmac("sha256", secret).update(message).digest("base64url");
}

export function verify(secret: string, message: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, message));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
