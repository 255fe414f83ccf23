// Weights and distances carry their unit in the type, with one tested conversion per pair, because the
// kg/lb and km/mile slips are the bugs this project must not ship.
export type Kg = number & { readonly __brand: "Kg" };
export type Lb = number & { readonly __brand: "Lb" };
export type Km = number & { readonly __brand: "Km" };
export type Mi = number & { readonly __brand: "Mi" };
export type Mm = number & { readonly __brand: "Mm" };
export type Inch = number & { readonly __brand: "Inch" };
export type Cc = number & { readonly __brand: "Cc" };
export type CuIn = number & { readonly __brand: "CuIn" };
/** Metric horsepower (Pferdestärke), as Japanese spec sheets give engine power. */
export type Ps = number & { readonly __brand: "Ps" };
/** Mechanical horsepower, as US readers know it. */
export type Hp = number & { readonly __brand: "Hp" };

// Exact by definition (international yard and pound agreement, 1959).
export const KG_PER_LB = 0.45359237;
export const KM_PER_MI = 1.609344;
export const MM_PER_IN = 25.4;
export const CC_PER_CU_IN = 16.387064;
// Standard gravity (m/s²), by definition; 1 PS = 75 kgf·m/s and 1 hp = 550 ft·lbf/s (0.3048 m to the foot).
const G = 9.80665;
export const WATTS_PER_PS = 75 * G;
export const WATTS_PER_HP = 550 * 0.3048 * KG_PER_LB * G;

export const kg = (n: number) => n as Kg;
export const lb = (n: number) => n as Lb;
export const km = (n: number) => n as Km;
export const mi = (n: number) => n as Mi;
export const mm = (n: number) => n as Mm;
export const cc = (n: number) => n as Cc;
export const ps = (n: number) => n as Ps;

export function kgToLb(v: Kg): Lb {
  return (v / KG_PER_LB) as Lb;
}
export function lbToKg(v: Lb): Kg {
  return (v * KG_PER_LB) as Kg;
}
export function kmToMi(v: Km): Mi {
  return (v / KM_PER_MI) as Mi;
}
export function miToKm(v: Mi): Km {
  return (v * KM_PER_MI) as Km;
}
export function mmToIn(v: Mm): Inch {
  return (v / MM_PER_IN) as Inch;
}

export function ccToCuIn(v: Cc): CuIn {
  return (v / CC_PER_CU_IN) as CuIn;
}
export function psToHp(v: Ps): Hp {
  return ((v * WATTS_PER_PS) / WATTS_PER_HP) as Hp;
}

/** Round for display to a number of decimals (never used before further arithmetic). */
export function roundTo(v: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}
