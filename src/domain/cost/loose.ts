// Reading the descriptive fields the fact schemas leave loose (zod looseObject: typed as unknown), such
// as tariffOverlays[].japanRule or fees.isf. A missing or odd-shaped field reads as undefined / [].
export function field(o: unknown, key: string): unknown {
  return o !== null && typeof o === "object" ? (o as Record<string, unknown>)[key] : undefined;
}

export function stringField(o: unknown, key: string): string | undefined {
  const v = field(o, key);
  return typeof v === "string" ? v : undefined;
}

export function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
