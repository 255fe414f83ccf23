// Small helpers shared by the server-rendered SVG charts: compact coordinates and round axis ticks.

/** A coordinate with at most one decimal, as short as possible ("12", "12.5"): SVGs stay small. */
export function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** The smallest 1, 2, 2.5 or 5 x 10^k that is at least `v` (v > 0); 1 for anything else. */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= v * (1 - 1e-12)) ?? 10;
  return step * power;
}

/** Ticks 0, step, 2 step… up to a round top at or above `max`, about `count` of them besides 0. */
export function axisTicks(max: number, count = 4): number[] {
  const step = niceCeil(max / count);
  const top = Math.ceil(max / step - 1e-9) * step;
  const out: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out.length > 1 ? out : [0, step];
}

/** Every k-th label, so at most `max` of `n` labels are drawn and never overlap. */
export function labelEvery(n: number, max: number): number {
  return Math.max(1, Math.ceil(n / Math.max(1, max)));
}
