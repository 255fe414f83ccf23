import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CommentActor,
  type CommentFacts,
  canDelete,
  canEdit,
  canPost,
  canReply,
  canReport,
  EDIT_WINDOW_MINUTES,
  isSellerAnswer,
  isVisibleTo,
  isWithinEditWindow,
  lastPage,
  reportKindOf,
} from "./comments.js";

const T0 = new Date("2026-11-24T12:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const alice: CommentActor = { id: 1, banned: false, admin: false };
const bob: CommentActor = { id: 2, banned: false, admin: false };
const admin: CommentActor = { id: 9, banned: false, admin: true };
const top: CommentFacts = {
  id: 10,
  subjectKind: "guide",
  subjectKey: "buying-checklist",
  parentId: null,
  authorId: 1,
  createdAt: T0,
  deletedAt: null,
  hiddenAt: null,
};
const guide = { kind: "guide" as const, key: "buying-checklist" };

describe("who may post", () => {
  it("signed-in users who are not banned", () => {
    expect(canPost(alice)).toEqual({ ok: true });
    expect(canPost(null)).toMatchObject({ ok: false, reason: "log in to post a comment" });
    expect(canPost(null, "listing")).toMatchObject({ ok: false, reason: "log in to post a question" });
    expect(canPost({ ...alice, banned: true })).toMatchObject({ ok: false, reason: /banned/ });
    expect(canPost({ ...admin, banned: true }).ok).toBe(false);
  });
});

describe("replies: one level, same subject", () => {
  it("a reply goes to a top-level comment of the same page", () => {
    expect(canReply(top, guide, bob)).toEqual({ ok: true });
    expect(canReply({ ...top, parentId: 3 }, guide, bob)).toMatchObject({ reason: /one level/ });
    expect(canReply(top, { kind: "guide", key: "choosing-a-model" }, bob)).toMatchObject({
      reason: /another page/,
    });
    expect(canReply(top, { kind: "listing", key: "buying-checklist" }, bob).ok).toBe(false);
  });

  it("not to a deleted or hidden comment, and not when signed out or banned", () => {
    expect(canReply({ ...top, deletedAt: T0 }, guide, bob)).toMatchObject({ reason: /deleted/ });
    expect(canReply({ ...top, hiddenAt: T0 }, guide, admin)).toMatchObject({ reason: /hidden/ });
    expect(canReply(top, guide, null).ok).toBe(false);
    expect(canReply(top, guide, { ...bob, banned: true }).ok).toBe(false);
  });

  it("property: a reply is allowed exactly for a live top-level comment of the page, by a poster", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 5 })),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("guide", "listing" as const),
        fc.constantFrom("buying-checklist", "choosing-a-model"),
        fc.option(
          fc.record({ id: fc.integer({ min: 1, max: 3 }), banned: fc.boolean(), admin: fc.boolean() }),
        ),
        (parentId, deleted, hidden, kind, key, actor) => {
          const parent = { ...top, parentId, deletedAt: deleted ? T0 : null, hiddenAt: hidden ? T0 : null };
          const ok = canReply(parent, { kind, key }, actor).ok;
          const expected =
            actor !== null &&
            !actor.banned &&
            parentId === null &&
            !deleted &&
            !hidden &&
            kind === "guide" &&
            key === "buying-checklist";
          expect(ok).toBe(expected);
        },
      ),
    );
  });
});

describe("edit window and ownership", () => {
  it(`the author edits for ${EDIT_WINDOW_MINUTES} minutes, nobody else ever`, () => {
    expect(canEdit(top, alice, minutes(0))).toEqual({ ok: true });
    expect(canEdit(top, alice, minutes(EDIT_WINDOW_MINUTES))).toEqual({ ok: true });
    expect(canEdit(top, alice, minutes(EDIT_WINDOW_MINUTES + 0.01))).toMatchObject({
      reason: /15 minutes after posting/,
    });
    expect(canEdit(top, bob, minutes(1))).toMatchObject({ reason: /only its author/ });
    expect(canEdit(top, admin, minutes(1)).ok).toBe(false);
    expect(canEdit(top, null, minutes(1)).ok).toBe(false);
    expect(canEdit(top, { ...alice, banned: true }, minutes(1)).ok).toBe(false);
    expect(canEdit({ ...top, deletedAt: T0 }, alice, minutes(1)).ok).toBe(false);
    expect(canEdit({ ...top, hiddenAt: T0 }, alice, minutes(1)).ok).toBe(false);
  });

  it("property: the window is [created, created + 15 min], a clock behind the post is outside it", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3_600_000, max: 3_600_000 }), (ms) => {
        const inside = isWithinEditWindow(T0, new Date(T0.getTime() + ms));
        expect(inside).toBe(ms >= 0 && ms <= EDIT_WINDOW_MINUTES * 60_000);
      }),
    );
  });

  it("the author deletes their own comment once, banned or not; others never", () => {
    expect(canDelete(top, alice)).toEqual({ ok: true });
    expect(canDelete(top, { ...alice, banned: true })).toEqual({ ok: true });
    expect(canDelete({ ...top, deletedAt: T0 }, alice)).toMatchObject({ reason: /already/ });
    expect(canDelete(top, bob).ok).toBe(false);
    expect(canDelete(top, admin).ok).toBe(false);
    expect(canDelete(top, null).ok).toBe(false);
  });
});

describe("reports, visibility, seller answers", () => {
  it("anyone signed in but the author reports a comment that is up", () => {
    expect(canReport(top, bob)).toEqual({ ok: true });
    expect(canReport(top, alice).ok).toBe(false);
    expect(canReport(top, null).ok).toBe(false);
    expect(canReport(top, { ...bob, banned: true })).toMatchObject({ reason: /banned/ });
    expect(canReport({ ...top, deletedAt: T0 }, bob).ok).toBe(false);
    expect(reportKindOf("guide")).toBe("comment");
    expect(reportKindOf("listing")).toBe("question");
  });

  it("a hidden comment is visible to admins only", () => {
    expect(isVisibleTo(top, null)).toBe(true);
    expect(isVisibleTo({ hiddenAt: T0 }, null)).toBe(false);
    expect(isVisibleTo({ hiddenAt: T0 }, alice)).toBe(false);
    expect(isVisibleTo({ hiddenAt: T0 }, admin)).toBe(true);
  });

  it("on a listing, the seller's posts are answers; on a guide nobody is the seller", () => {
    expect(isSellerAnswer({ subjectKind: "listing", authorId: 1 }, 1)).toBe(true);
    expect(isSellerAnswer({ subjectKind: "listing", authorId: 2 }, 1)).toBe(false);
    expect(isSellerAnswer({ subjectKind: "guide", authorId: 1 }, 1)).toBe(false);
    expect(isSellerAnswer({ subjectKind: "listing", authorId: 1 }, null)).toBe(false);
  });

  it("the last page of a thread", () => {
    expect(lastPage(0)).toBe(1);
    expect(lastPage(20)).toBe(1);
    expect(lastPage(21)).toBe(2);
    expect(lastPage(5, 2)).toBe(3);
  });
});
