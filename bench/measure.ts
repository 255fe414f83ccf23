// Small timing helpers for the benchmarks: numbers to read, never pass/fail thresholds.
export interface Timing {
  ops?: number;
  opsPerSec?: number;
  ms?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  [k: string]: number | undefined;
}

export function timeIt(n: number, fn: (i: number) => unknown): Timing {
  for (let i = 0; i < Math.min(200, n); i++) fn(i); // warm up the JIT
  const start = performance.now();
  for (let i = 0; i < n; i++) fn(i);
  const ms = performance.now() - start;
  return { ops: n, ms: round(ms), opsPerSec: Math.round((n / ms) * 1000) };
}

export function percentiles(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN);
  return { ops: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export const round = (v: number) => Math.round(v * 100) / 100;

export const results: { name: string; timing: Timing }[] = [];

export function report(name: string, timing: Timing): void {
  results.push({ name, timing });
  const parts = Object.entries(timing).map(([k, v]) => `${k}=${v}`);
  console.log(`${name.padEnd(48)} ${parts.join("  ")}`);
}
