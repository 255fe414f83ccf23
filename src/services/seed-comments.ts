// Demo threads for a fresh site (see domain/community/demo-comments.ts): comments on the guides and
// questions, with the sellers' answers, on a few demo listings. Part of the demo seed's transaction.
import type { Db } from "../db/client.js";
import { comments } from "../db/schema/community.js";
import { planDemoComments } from "../domain/community/demo-comments.js";

export async function seedDemoComments(
  tx: Db,
  o: {
    seed: number;
    now: number;
    guideSlugs: readonly string[];
    /** Active demo listings to ask about, with their sellers' user ids. */
    listings: readonly { id: number; sellerId: number }[];
    buyerIds: readonly number[];
  },
): Promise<number> {
  const plan = planDemoComments({
    seed: o.seed,
    guideSlugs: o.guideSlugs,
    listings: o.listings.map((l) => ({ key: String(l.id), seller: l.sellerId })),
    buyers: o.buyerIds.length,
  });
  if (plan.length === 0) return 0;
  const row = (p: (typeof plan)[number], parentId: number | null) => ({
    subjectKind: p.subject.kind,
    subjectKey: p.subject.key,
    parentId,
    authorId: "seller" in p.author ? p.author.seller : o.buyerIds[p.author.buyer]!,
    body: p.body,
    createdAt: new Date(o.now - p.minutesAgo * 60_000),
  });
  const tops = plan.flatMap((p, i) => (p.replyTo === null ? [{ p, i }] : []));
  const inserted = await tx
    .insert(comments)
    .values(tops.map(({ p }) => row(p, null)))
    .returning({ id: comments.id });
  const idOf = new Map(tops.map(({ i }, k) => [i, inserted[k]!.id]));
  const replies = plan.filter((p) => p.replyTo !== null).map((p) => row(p, idOf.get(p.replyTo!)!));
  if (replies.length) await tx.insert(comments).values(replies);
  return plan.length;
}
