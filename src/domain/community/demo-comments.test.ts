import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planDemoComments } from "./demo-comments.js";

const base = {
  seed: 20261124,
  guideSlugs: ["what-is-a-kei-truck", "buying-checklist", "no-such-guide"],
  listings: [
    { key: "11", seller: 0 },
    { key: "12", seller: 3 },
  ],
  buyers: 8,
};

describe("demo comments", () => {
  it("are the same for the same seed, and say they are demos", () => {
    const plan = planDemoComments(base);
    expect(planDemoComments(base)).toEqual(plan);
    expect(plan.length).toBeGreaterThan(4);
    for (const c of plan) expect(c.body).toMatch(/^\[Demo (comment|question|answer)\] /);
  });

  it("cover the guides that exist and the listings given; the seller answers questions", () => {
    const plan = planDemoComments(base);
    const keys = new Set(plan.map((c) => `${c.subject.kind}:${c.subject.key}`));
    expect(keys).toEqual(
      new Set(["guide:what-is-a-kei-truck", "guide:buying-checklist", "listing:11", "listing:12"]),
    );
    const first = plan.filter((c) => c.subject.key === "11");
    expect(first.map((c) => c.author)).toEqual([
      expect.objectContaining({ buyer: expect.any(Number) }),
      { seller: 0 },
    ]);
    expect(first[1]!.body).toMatch(/^\[Demo answer\]/);
  });

  it("nothing without two buyers to write it", () => {
    expect(planDemoComments({ ...base, buyers: 1 })).toEqual([]);
  });

  it("property: replies answer an earlier top-level comment of the same subject, posted after it, by someone else", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2, max: 50 }), (seed, buyers) => {
        const plan = planDemoComments({ ...base, seed, buyers });
        plan.forEach((c, i) => {
          expect(c.minutesAgo).toBeGreaterThan(0);
          if (c.replyTo === null) return;
          const parent = plan[c.replyTo]!;
          expect(c.replyTo).toBeLessThan(i);
          expect(parent.replyTo).toBeNull();
          expect(parent.subject).toEqual(c.subject);
          expect(c.minutesAgo).toBeLessThan(parent.minutesAgo);
          expect(c.author).not.toEqual(parent.author);
          if ("buyer" in c.author) expect(c.author.buyer).toBeLessThan(buyers);
        });
      }),
    );
  });
});
