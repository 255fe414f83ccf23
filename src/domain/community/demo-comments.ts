// Deterministic demo threads, so the comment threads are alive on a fresh site: a few comments (some
// answered) on the guides, and questions on demo listings, most answered by the listing's seller. Every
// text says it is a demo. The texts tell experiences and ask questions; they state no legal or tariff
// fact (facts come from the sourced data, never from a demo comment).
import { pickOne, type Rng, streamOf } from "../units/random.js";

export interface DemoCommentPlan {
  subject: { kind: "guide" | "listing"; key: string };
  /** A demo buyer (by index), or the listing's seller (as the caller named it). */
  author: { buyer: number } | { seller: number };
  body: string;
  /** Index of the top-level comment (in the returned list) this one replies to. */
  replyTo: number | null;
  /** Minutes before "now" it was posted; a reply is always younger than its parent. */
  minutesAgo: number;
}

type Thread = readonly [string, string?];

const GUIDE_THREADS: Record<string, readonly Thread[]> = {
  "what-is-a-kei-truck": [
    [
      "We use ours on a forty-acre orchard. It fits between the rows where the full-size truck never could.",
      "Same here in a vineyard: the narrow track is the whole point.",
    ],
  ],
  "the-25-year-rule": [
    [
      "Worth reading twice before bidding. I nearly bid on a truck a few months too young.",
      "The turning-25 calendar on the import page helped me plan which month to buy.",
    ],
  ],
  "buying-checklist": [
    [
      "Printed the checklist and took it along. The frame number check caught a title that did not match on the first truck I saw.",
    ],
    ["Tip: bring a flashlight and a mat for looking at the frame rails.", "And gloves. Thanks for the tip!"],
  ],
  "choosing-a-model": [
    [
      "Has anyone had trouble finding parts for a Sambar here?",
      "Some parts take a few weeks to arrive for mine, so I keep the common wear items on the shelf.",
    ],
  ],
};

const QUESTIONS: readonly Thread[] = [
  [
    "Does the 4WD engage cleanly? Could you post a photo of the shifter?",
    "Yes, it does. I can send a short video of it engaging.",
  ],
  [
    "Do you have a record of the last timing belt change, if it has a belt?",
    "I have the receipt from the last service and will add a photo of it.",
  ],
  ["Could you hold it until the weekend for an inspection?", "Yes. Send me a message to set a time."],
  ["Any rust on the frame rails or the bed floor?"],
  ["Is the title in your name?", "It is, and it is ready to sign over at pickup."],
];

const demo = (kind: "comment" | "question" | "answer", text: string) => `[Demo ${kind}] ${text}`;

function addThread(
  out: DemoCommentPlan[],
  rng: Rng,
  subject: DemoCommentPlan["subject"],
  thread: Thread,
  o: { buyers: number; seller: number | null; ageMinutes: number },
): void {
  const [first, answer] = thread;
  const asker = Math.floor(rng() * o.buyers);
  out.push({
    subject,
    author: { buyer: asker },
    body: demo(subject.kind === "listing" ? "question" : "comment", first),
    replyTo: null,
    minutesAgo: o.ageMinutes,
  });
  if (!answer) return;
  // On a listing the seller answers; on a guide another reader does.
  const other = (asker + 1 + Math.floor(rng() * Math.max(1, o.buyers - 1))) % o.buyers;
  out.push({
    subject,
    author: o.seller === null ? { buyer: other } : { seller: o.seller },
    body: demo(o.seller === null ? "comment" : "answer", answer),
    replyTo: out.length - 1,
    minutesAgo: Math.max(1, o.ageMinutes - 60 - Math.floor(rng() * 600)),
  });
}

/**
 * Threads on the guides that exist (by slug) and questions on the given listings (at most five, one
 * question each). `buyers` demo buyers write them; listings name their seller's index.
 */
export function planDemoComments(o: {
  seed: number;
  guideSlugs: readonly string[];
  listings: readonly { key: string; seller: number }[];
  buyers: number;
}): DemoCommentPlan[] {
  if (o.buyers < 2) return [];
  const rng = streamOf(o.seed, 0x434f4d4d);
  const out: DemoCommentPlan[] = [];
  const age = () => 60 * 24 * (2 + Math.floor(rng() * 40));
  for (const slug of o.guideSlugs)
    for (const thread of GUIDE_THREADS[slug] ?? [])
      addThread(out, rng, { kind: "guide", key: slug }, thread, {
        buyers: o.buyers,
        seller: null,
        ageMinutes: age(),
      });
  o.listings.slice(0, QUESTIONS.length).forEach((l, i) => {
    const thread = i === 0 ? QUESTIONS[0]! : pickOne(rng, QUESTIONS);
    addThread(out, rng, { kind: "listing", key: l.key }, thread, {
      buyers: o.buyers,
      seller: l.seller,
      ageMinutes: age(),
    });
  });
  return out;
}
