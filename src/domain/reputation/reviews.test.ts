import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canReply, canReview, decodedShare, summarizeRatings } from "./reviews.js";

const buyer = { id: 7, banned: false };
const sold = { status: "sold" as const, sellerId: 3, soldToId: 7 };

describe("review rules", () => {
  it("the buyer of a completed sale may review it once", () => {
    expect(canReview(sold, buyer, false)).toEqual({ ok: true });
    expect(canReview(sold, buyer, true)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/one review per sale/),
    });
  });

  it("no review without a sale", () => {
    expect(canReview({ ...sold, status: "active", soldToId: null }, buyer, false).ok).toBe(false);
    expect(canReview({ ...sold, soldToId: null }, buyer, false)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/completed sale/),
    });
    expect(canReview({ ...sold, status: "withdrawn" }, buyer, false).ok).toBe(false);
  });

  it("nobody but that buyer may review", () => {
    expect(canReview(sold, { id: 8, banned: false }, false)).toMatchObject({ ok: false });
    expect(canReview(sold, null, false)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/log in/),
    });
    expect(canReview(sold, { id: 7, banned: true }, false)).toMatchObject({ ok: false });
    expect(canReview({ ...sold, sellerId: 7 }, buyer, false)).toMatchObject({ ok: false });
  });

  it("property: a review is allowed only for (sold, buyer, not yet reviewed, not banned)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("active", "sold", "withdrawn" as const),
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.integer({ min: 1, max: 4 })),
        fc.option(fc.record({ id: fc.integer({ min: 1, max: 4 }), banned: fc.boolean() })),
        fc.boolean(),
        (status, sellerId, soldToId, actor, reviewed) => {
          const ok = canReview({ status, sellerId, soldToId }, actor, reviewed).ok;
          const expected =
            status === "sold" &&
            actor !== null &&
            !actor.banned &&
            soldToId === actor.id &&
            sellerId !== actor.id &&
            !reviewed;
          expect(ok).toBe(expected);
        },
      ),
    );
  });

  it("the seller answers once", () => {
    const seller = { id: 3, banned: false };
    expect(canReply({ sellerId: 3, reply: null }, seller)).toEqual({ ok: true });
    expect(canReply({ sellerId: 3, reply: "Thanks!" }, seller).ok).toBe(false);
    expect(canReply({ sellerId: 3, reply: null }, buyer).ok).toBe(false);
    expect(canReply({ sellerId: 3, reply: null }, { id: 3, banned: true }).ok).toBe(false);
  });
});

describe("rating summary", () => {
  it("averages to one decimal with the count it rests on", () => {
    expect(summarizeRatings([5, 4, 4])).toEqual({ count: 3, average: 4.3, histogram: [0, 0, 0, 2, 1] });
    expect(summarizeRatings([])).toEqual({ count: 0, average: null, histogram: [0, 0, 0, 0, 0] });
  });

  it("refuses ratings outside 1–5", () => {
    expect(() => summarizeRatings([0])).toThrow(RangeError);
    expect(() => summarizeRatings([4.5])).toThrow(RangeError);
  });

  it("the decoded share is a whole percent, null without listings", () => {
    expect(decodedShare(2, 3)).toBe(67);
    expect(decodedShare(0, 0)).toBeNull();
  });
});
