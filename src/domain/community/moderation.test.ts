import { describe, expect, it } from "vitest";
import { canBan, canModerate } from "./moderation.js";

const admin = { id: 1, admin: true };
const user = { id: 2, role: "buyer", banned: false };

describe("moderation rules", () => {
  it("only admins moderate", () => {
    expect(canModerate(admin)).toEqual({ ok: true });
    expect(canModerate({ id: 2, admin: false })).toMatchObject({ ok: false, reason: /only admins/ });
    expect(canModerate(null)).toMatchObject({ ok: false, reason: /log in/ });
  });

  it("an admin bans and unbans other accounts, never an admin, never twice", () => {
    expect(canBan(user, admin, true)).toEqual({ ok: true });
    expect(canBan({ ...user, banned: true }, admin, false)).toEqual({ ok: true });
    expect(canBan({ ...user, banned: true }, admin, true)).toMatchObject({ reason: /banned already/ });
    expect(canBan(user, admin, false)).toMatchObject({ reason: /not banned/ });
    expect(canBan({ id: 1, role: "admin", banned: false }, admin, true)).toMatchObject({
      reason: /admins cannot be banned/,
    });
    expect(canBan(user, { id: 3, admin: false }, true).ok).toBe(false);
    expect(canBan(user, null, true).ok).toBe(false);
  });
});
