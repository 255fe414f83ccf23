// Demo sellers: about a quarter dealers with invented business names ("Lone Star Kei Imports"), the rest
// private sellers by first name and initial, each with a home state drawn like the demo trucks' states.
import { sampler, streamOf } from "../units/random.js";
import { demoDealerName, demoPersonName, STATE_WEIGHTS, ZIP_PREFIXES } from "./demo-text.js";

export interface DemoSeller {
  /** Position in the generated array; listings refer to it by `sellerIndex`. */
  index: number;
  displayName: string;
  /** demo-seller-<index>@example.com */
  email: string;
  kind: "private" | "dealer";
  dealerName: string | null;
  homeState: string;
}

/** A state drawn by STATE_WEIGHTS (others weigh 1), only ever one of `codes`. */
export const stateSampler = (codes: readonly string[]) =>
  sampler(codes.map((c) => [c, STATE_WEIGHTS[c] ?? 1] as const));

export function generateDemoSellers(
  count: number,
  seed: number,
  stateCodes: readonly string[] = Object.keys(ZIP_PREFIXES),
): DemoSeller[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number: ${count}`);
  if (stateCodes.length === 0) throw new RangeError("stateCodes is empty");
  const rng = streamOf(seed, 0x53454c4c);
  const state = stateSampler(stateCodes);
  const taken = new Set<string>();
  const sellers: DemoSeller[] = [];
  for (let index = 0; index < count; index++) {
    const homeState = state(rng);
    const isDealer = rng() < 0.25;
    let dealerName: string | null = null;
    if (isDealer) {
      let name = demoDealerName(rng, homeState);
      for (let k = 0; k < 4 && taken.has(name); k++) name = demoDealerName(rng, homeState);
      if (taken.has(name)) name = `${name} – ${homeState}`;
      if (taken.has(name)) name = `${name} ${index}`;
      taken.add(name);
      dealerName = name;
    }
    const displayName = dealerName ?? demoPersonName(rng);
    const email = `demo-seller-${index}@example.com`;
    sellers.push({ index, displayName, email, kind: isDealer ? "dealer" : "private", dealerName, homeState });
  }
  return sellers;
}
