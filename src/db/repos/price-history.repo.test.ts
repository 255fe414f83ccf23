import { beforeAll, expect, it } from "vitest";
import { describeEachEngine } from "../../../test/db-harness.js";
import { listings, type NewListing } from "../schema/listings.js";
import { users } from "../schema/users.js";
import { familyPriceHistory } from "./price-history.repo.js";

const CARRY = {
  chassisCodes: ["DA52T", "DA63T"],
  make: "Suzuki",
  models: ["Carry Truck", "Carry Truck / Super Carry"],
};

describeEachEngine("price history repository", (getDb) => {
  beforeAll(async () => {
    const [seller] = await getDb()
      .insert(users)
      .values({ email: "s@example.com", passwordHash: "x", displayName: "S", role: "seller" })
      .returning();
    const base = { sellerId: seller!.id, title: "t", make: "Suzuki", model: "Carry Truck" };
    const us = (over: Partial<NewListing>): NewListing => ({
      ...base,
      location: "us",
      priceUsdCents: 500_000,
      usState: "TX",
      ...over,
    });
    await getDb()
      .insert(listings)
      .values([
        // Decoded codes of the family, one sold; the month is UTC's even just before midnight.
        us({
          chassisCode: "DA63T",
          year: 2005,
          priceUsdCents: 610_000,
          createdAt: new Date("2026-09-30T23:30:00Z"),
        }),
        us({
          chassisCode: "DA52T",
          year: 2000,
          status: "sold",
          mileageKm: 61_000,
          drive: "4WD",
          generationLabel: "g10",
        }),
        // No code: matched by make and model name, in any case.
        us({ chassisCode: null, make: "SUZUKI", model: "carry truck", year: null, priceUsdCents: 420_000 }),
        // Not the family, not priced, or not in the US.
        us({ chassisCode: null, model: "Every" }),
        us({ chassisCode: "HA4", make: "Honda", model: "Acty Truck" }),
        us({ chassisCode: "DA63T", status: "withdrawn" }),
        { ...base, location: "jp", chassisCode: "DA63T", priceJpy: 300_000, jpPort: "Kobe" },
        { ...base, location: "jp", chassisCode: "DA16T", priceJpy: 300_000, jpPort: "Kobe" },
      ]);
  });

  it("returns the family's US asking prices, active and sold, with what the deal model needs", async () => {
    const { us, jpCount } = await familyPriceHistory(getDb(), CARRY);
    expect(us.map((r) => r.priceUsdCents).sort()).toEqual([420_000, 500_000, 610_000]);
    expect(us.find((r) => r.priceUsdCents === 610_000)).toMatchObject({ year: 2005, month: "2026-09" });
    expect(us.find((r) => r.priceUsdCents === 500_000)).toEqual({
      year: 2000,
      month: expect.stringMatching(/^\d{4}-\d{2}$/),
      priceUsdCents: 500_000,
      make: "Suzuki",
      model: "Carry Truck",
      generationLabel: "g10",
      mileageKm: 61_000,
      drive: "4WD",
    });
    expect(jpCount).toBe(1);
  });

  it("matches by name alone when the family has no code listed, and finds nothing for a stranger", async () => {
    const byName = await familyPriceHistory(getDb(), { ...CARRY, chassisCodes: [] });
    expect(byName.us.map((r) => r.priceUsdCents)).toEqual([420_000]);
    const none = await familyPriceHistory(getDb(), { chassisCodes: ["K77"], make: "Subaru", models: [] });
    expect(none).toEqual({ us: [], jpCount: 0 });
  });

  it("keeps only the newest rows past the limit", async () => {
    const { us } = await familyPriceHistory(getDb(), CARRY, 1);
    expect(us).toHaveLength(1);
  });
});
