// The public shape of an auction-sheet reading (the JSON API, `keiyard sheet --json` and the page):
// every meaning with its confidence and the ids of its sources, the sources listed once with their
// titles, links and dates, and the data's review date and caveat.
import type { SheetReading } from "../domain/auction-sheet/read-sheet.js";
import type { AuctionSheetFacts } from "../facts/schemas.js";

interface Sourced {
  meaning: string;
  confidence: "high" | "medium" | "low";
  sources: readonly string[];
}

const facts = (r: Sourced) => ({ meaning: r.meaning, confidence: r.confidence, sources: [...r.sources] });

function known<R extends Sourced>(k: { raw: string; record: R | null } | null) {
  if (k === null) return null;
  return k.record
    ? { raw: k.raw, known: true as const, ...facts(k.record) }
    : { raw: k.raw, known: false as const, meaning: null, confidence: null, sources: [] };
}

export function presentSheetReading(r: SheetReading, sheet: AuctionSheetFacts) {
  const numericScore = r.score?.record && /^\d/.test(r.score.record.grades[0] ?? "");
  const truckScale = numericScore
    ? {
        text: sheet.truckScale.text,
        confidence: sheet.truckScale.confidence,
        sources: [...sheet.truckScale.sources],
      }
    : null;
  const sized = r.marks.some((m) => m.size !== null);
  const sizes = {
    text: sheet.sizes.text,
    confidence: sheet.sizes.confidence,
    sources: [...sheet.sizes.sources],
  };
  const ids = [...r.sources];
  for (const extra of [truckScale, sized ? sizes : null])
    if (extra) for (const id of extra.sources) if (!ids.includes(id)) ids.push(id);
  return {
    score: r.score
      ? { ...known(r.score)!, repairHistory: r.score.record ? r.score.record.repairHistory : null }
      : null,
    interior: known(r.interior),
    exterior: known(r.exterior),
    marks: r.marks.map((m) => ({
      raw: m.raw,
      code: m.code,
      size: m.size,
      where: m.where,
      ...facts(m.record),
    })),
    equipment: r.equipment.map((e) => ({ raw: e.raw, ...facts(e.record) })),
    phrases: r.phrases.map((p) => ({ raw: p.raw, none: p.none, ...facts(p.record) })),
    unread: r.unread,
    flags: [...r.flags],
    truckScale,
    sizes,
    sources: ids.map((id) => {
      const s = sheet.sources[id]!;
      return { id, title: s.title, url: s.url, date: s.date ?? null };
    }),
    reviewedOn: sheet.meta.reviewedOn,
    caveat: sheet.meta.use,
  };
}
export type SheetReadingView = ReturnType<typeof presentSheetReading>;
