// The rules of moderation shared by reviews, comments and questions: only admins moderate; an admin
// bans any account but another admin's (so admins cannot lock each other out; the operator changes
// roles with `keiyard admin`).
import type { Verdict } from "../reputation/reviews.js";

export interface Moderator {
  id: number;
  admin: boolean;
}

const no = (reason: string): Verdict => ({ ok: false, reason });

export function canModerate(actor: Moderator | null): Verdict {
  if (!actor) return no("log in as an admin");
  if (!actor.admin) return no("only admins moderate");
  return { ok: true };
}

export function canBan(
  target: { id: number; role: string; banned: boolean },
  actor: Moderator | null,
  ban: boolean,
): Verdict {
  const may = canModerate(actor);
  if (!may.ok) return may;
  if (target.role === "admin")
    return no("admins cannot be banned (revoke the role first: keiyard admin revoke)");
  if (target.banned === ban) return no(ban ? "this account is banned already" : "this account is not banned");
  return { ok: true };
}
