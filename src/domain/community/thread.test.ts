import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CommentActor, CommentFacts } from "./comments.js";
import { buildThread, isListed } from "./thread.js";

const T0 = new Date("2026-11-24T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const reader: CommentActor = { id: 5, banned: false, admin: false };
const admin: CommentActor = { id: 9, banned: false, admin: true };

function c(id: number, over: Partial<CommentFacts> = {}): CommentFacts {
  return {
    id,
    subjectKind: "listing",
    subjectKey: "7",
    parentId: null,
    authorId: 1,
    createdAt: at(id),
    deletedAt: null,
    hiddenAt: null,
    ...over,
  };
}

const ids = (t: ReturnType<typeof buildThread>) =>
  t.map((e) => [e.comment.id, e.replies.map((r) => r.comment.id)]);

describe("a page of a thread", () => {
  it("oldest first, replies under their parent, the seller's answers marked", () => {
    const tops = [c(3), c(1)];
    const replies = [
      c(4, { parentId: 1, authorId: 2 }),
      c(2, { parentId: 1 }),
      c(5, { parentId: 3, authorId: 2 }),
    ];
    const t = buildThread(tops, replies, { actor: reader, now: at(10), sellerId: 2 });
    expect(ids(t)).toEqual([
      [1, [2, 4]],
      [3, [5]],
    ]);
    expect(t[0]!.replies.map((r) => r.seller)).toEqual([false, true]);
    expect(t[0]!.seller).toBe(false);
    expect(t[0]!.mayReply).toBe(true);
    expect(t[0]!.replies[0]!.mayReply).toBe(false);
  });

  it("hidden comments are gone for readers and marked for admins; hiding a parent hides its replies", () => {
    const tops = [c(1, { hiddenAt: at(2) }), c(3)];
    const replies = [c(2, { parentId: 1 }), c(4, { parentId: 3, hiddenAt: at(5) })];
    expect(ids(buildThread(tops, replies, { actor: reader, now: at(9), sellerId: null }))).toEqual([[3, []]]);
    expect(ids(buildThread(tops, replies, { actor: null, now: at(9), sellerId: null }))).toEqual([[3, []]]);
    const forAdmin = buildThread(tops, replies, { actor: admin, now: at(9), sellerId: null });
    expect(ids(forAdmin)).toEqual([
      [1, [2]],
      [3, [4]],
    ]);
    expect(forAdmin[0]!.hidden).toBe(true);
    expect(forAdmin[1]!.replies[0]!.hidden).toBe(true);
    expect(forAdmin[1]!.mayReport).toBe(false);
  });

  it("a deleted comment keeps its replies readable under a placeholder, and goes when it has none", () => {
    const tops = [c(1, { deletedAt: at(3) }), c(5, { deletedAt: at(6) })];
    const replies = [c(2, { parentId: 1, authorId: 3 }), c(4, { parentId: 1, deletedAt: at(6) })];
    const t = buildThread(tops, replies, { actor: reader, now: at(9), sellerId: null });
    expect(ids(t)).toEqual([[1, [2]]]);
    expect(t[0]!.state).toBe("deleted");
    expect(t[0]!.mayReply).toBe(false);
    expect(t[0]!.replies[0]!.state).toBe("shown");
  });

  it("the author's own actions: edit inside the window, delete any time; others report", () => {
    const mine = { id: 1, banned: false, admin: false };
    const [early] = buildThread([c(1)], [], { actor: mine, now: at(1 + 14), sellerId: null });
    expect(early).toMatchObject({ mayEdit: true, mayDelete: true, mayReport: false });
    const [late] = buildThread([c(1)], [], { actor: mine, now: at(1 + 16), sellerId: null });
    expect(late).toMatchObject({ mayEdit: false, mayDelete: true });
    const [other] = buildThread([c(1)], [], { actor: reader, now: at(2), sellerId: null });
    expect(other).toMatchObject({ mayEdit: false, mayDelete: false, mayReport: true });
    const [anon] = buildThread([c(1)], [], { actor: null, now: at(2), sellerId: null });
    expect(anon).toMatchObject({ mayEdit: false, mayDelete: false, mayReport: false, mayReply: false });
  });

  it("property: readers never see a hidden or deleted body, and every listed top-level comment is shown", () => {
    const row = fc.record({
      id: fc.integer({ min: 1, max: 40 }),
      parent: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
      deleted: fc.boolean(),
      hidden: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.id, maxLength: 30 }),
        fc.boolean(),
        (rows, asAdmin) => {
          const all = rows.map((r) =>
            c(r.id, {
              parentId: r.parent === r.id ? null : r.parent,
              deletedAt: r.deleted ? at(50) : null,
              hiddenAt: r.hidden ? at(50) : null,
            }),
          );
          const actor = asAdmin ? admin : reader;
          const tops = all.filter((x) => x.parentId === null);
          const replies = all.filter((x) => x.parentId !== null);
          const t = buildThread(tops, replies, { actor, now: at(60), sellerId: null });
          const shown = t.flatMap((e) => [e, ...e.replies]);
          for (const e of shown) {
            if (!asAdmin) expect(e.comment.hiddenAt).toBeNull();
            if (e.state === "shown") expect(e.comment.deletedAt).toBeNull();
          }
          for (const e of t) if (e.state === "deleted") expect(e.replies.length).toBeGreaterThan(0);
          for (const e of t) for (const r of e.replies) expect(r.comment.parentId).toBe(e.comment.id);
          expect(t.map((e) => e.comment.id).sort((a, b) => a - b)).toEqual(
            tops
              .filter((x) => isListed(x, replies, actor))
              .map((x) => x.id)
              .sort((a, b) => a - b),
          );
        },
      ),
    );
  });
});
