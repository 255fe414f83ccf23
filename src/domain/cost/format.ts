// Small, exact helpers shared by the cost modules: rates as integer parts per million (so 0.15 - 0.025
// is exactly 0.125, not 0.12499999999999999) and money/percent text for line notes.
import type { UsdCents } from "../units/money.js";

const PPM = 1_000_000;

/** A decimal rate (0.003464) to integer parts per million (3464). The fact data has at most 6 decimals. */
export function toPpm(rate: number): number {
  return Math.round(rate * PPM);
}

export function fromPpm(ppm: number): number {
  return ppm / PPM;
}

/** 3464 ppm -> "0.3464%", 250000 -> "25%", 125000 -> "12.5%". */
export function percentText(rate: number): string {
  const text = (toPpm(rate) / 10_000).toFixed(4).replace(/\.?0+$/, "");
  return `${text}%`;
}

/** The digits of a whole number in groups of three: 1234567 -> "1,234,567" (a loop, not a regex: hot). */
function grouped(n: number): string {
  const digits = String(n);
  if (!Number.isSafeInteger(n) || n < 0) return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const first = digits.length % 3 || 3;
  let out = digits.slice(0, first);
  for (let i = first; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** 123456 -> "$1,234.56" (no locale data involved, so output is the same everywhere). */
export function usdText(cents: UsdCents | number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}$${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, "0")}`;
}

/** 1234567 -> "¥1,234,567". */
export function jpyText(yen: number): string {
  return `¥${grouped(yen)}`;
}
