// `keiyard admin grant|revoke|confirm <email>` through the real binary, against a PostgreSQL database that
// already has accounts (as an operator would run it next to a live server).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keiyard } from "../../../test/cli.js";
import { createTestDatabase, type TestDatabase } from "../../../test/db-harness.js";
import { users } from "../../db/schema/users.js";

describe("keiyard admin", () => {
  let test: TestDatabase;
  let env: Record<string, string>;
  const roleOf = async (email: string) =>
    (await test.db.select().from(users).where(eq(users.email, email)))[0]?.role;

  beforeAll(async () => {
    test = await createTestDatabase("postgres");
    env = { DATABASE_URL: test.url! };
    await test.db.insert(users).values([
      { email: "ops@example.com", passwordHash: "x", displayName: "Ops", role: "buyer" },
      {
        email: "dealer@example.com",
        passwordHash: "x",
        displayName: "Dealer",
        role: "seller",
        sellerKind: "dealer",
      },
    ]);
  }, 120_000);
  afterAll(async () => test?.dispose());

  it("grants the role by email (any case), says so, and a second grant changes nothing", () => {
    const r = keiyard(["admin", "grant", "OPS@example.com"], env);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.trim()).toBe("ops@example.com (Ops) is now an admin");
    const again = keiyard(["admin", "grant", "ops@example.com", "--json"], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      email: "ops@example.com",
      role: "admin",
      changed: false,
    });
  });

  it("revokes it: a seller goes back to selling, a buyer to buying", async () => {
    expect(await roleOf("ops@example.com")).toBe("admin");
    expect(keiyard(["admin", "grant", "dealer@example.com"], env).code).toBe(0);
    expect(await roleOf("dealer@example.com")).toBe("admin");
    const r = keiyard(["admin", "revoke", "dealer@example.com", "--json"], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ role: "seller", changed: true });
    expect(keiyard(["admin", "revoke", "ops@example.com"], env).stdout).toMatch(/is now a buyer/);
    expect(await roleOf("ops@example.com")).toBe("buyer");
  });

  it("confirms an account's email address (alerts may then be mailed to it), once", async () => {
    const confirmedAt = async () =>
      (await test.db.select().from(users).where(eq(users.email, "dealer@example.com")))[0]?.emailConfirmedAt;
    expect(await confirmedAt()).toBeNull();
    const r = keiyard(["admin", "confirm", "Dealer@example.com"], env);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.trim()).toBe("dealer@example.com (Dealer) is confirmed: alert mail goes to it");
    const first = await confirmedAt();
    expect(first).toBeInstanceOf(Date);
    const again = keiyard(["admin", "confirm", "dealer@example.com", "--json"], env);
    expect(JSON.parse(again.stdout)).toMatchObject({ email: "dealer@example.com", changed: false });
    expect(await confirmedAt()).toEqual(first);
  });

  it.each([
    [["admin", "grant", "nobody@example.com"], /no account uses nobody@example\.com/],
    [["admin", "confirm", "nobody@example.com"], /no account uses nobody@example\.com/],
    [["admin", "grant", "not-an-email"], /expected an account's email address/],
    [["admin", "grant"], /needs an account's email/],
    [["admin", "promote", "ops@example.com"], /unknown admin command "promote"/],
  ])("keiyard %j fails with one line, exit 1", (args, message) => {
    const r = keiyard(args, env);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
