// Volume and weight-range units for the haul planner. Volumes are cubic metres inside the engine; the
// US units the sources and users speak (cubic feet and yards, cords) convert here, one tested function
// per pair, exactly by definition (international foot of 1959: 0.3048 m).
import { KG_PER_LB, type Kg, type Lb } from "../units/measures.js";

export type M3 = number & { readonly __brand: "M3" };
export type Ft3 = number & { readonly __brand: "Ft3" };
export type Yd3 = number & { readonly __brand: "Yd3" };

export const M_PER_FT = 0.3048;
export const M3_PER_FT3 = M_PER_FT ** 3; // 0.028316846592 exactly
export const FT3_PER_YD3 = 27;
export const MM_PER_IN = 25.4;

export const m3 = (n: number) => n as M3;
export const ft3 = (n: number) => n as Ft3;
export const yd3 = (n: number) => n as Yd3;

export function ft3ToM3(v: Ft3): M3 {
  return (v * M3_PER_FT3) as M3;
}
export function m3ToFt3(v: M3): Ft3 {
  return (v / M3_PER_FT3) as Ft3;
}
export function yd3ToFt3(v: Yd3): Ft3 {
  return (v * FT3_PER_YD3) as Ft3;
}
export function ft3ToYd3(v: Ft3): Yd3 {
  return (v / FT3_PER_YD3) as Yd3;
}
export function yd3ToM3(v: Yd3): M3 {
  return ft3ToM3(yd3ToFt3(v));
}
export function m3ToYd3(v: M3): Yd3 {
  return ft3ToYd3(m3ToFt3(v));
}
export function inToMm(inches: number): number {
  return inches * MM_PER_IN;
}
export function mmToM(mm: number): number {
  return mm / 1000;
}

/** A stacked unit of firewood (the cord, a face cord) from its stack dimensions, in cubic feet. */
export function stackVolumeFt3(unit: { heightFt: number; lengthFt: number; depthIn: number }): Ft3 {
  return (unit.heightFt * unit.lengthFt * (unit.depthIn / 12)) as Ft3;
}

/** A weight that is only known as a range: every figure a source gave lies between min and max. */
export interface KgRange {
  min: Kg;
  typical: Kg;
  max: Kg;
}
export type Scenario = keyof KgRange;

export function lbRangeToKg(r: { min: number; typical: number; max: number }, times = 1): KgRange {
  const kg = (lb: number) => (lb * KG_PER_LB * times) as Kg;
  return { min: kg(r.min), typical: kg(r.typical), max: kg(r.max) };
}

export function kgRange(v: number): KgRange {
  return { min: v as Kg, typical: v as Kg, max: v as Kg };
}

export function addRanges(a: KgRange, b: KgRange): KgRange {
  return { min: (a.min + b.min) as Kg, typical: (a.typical + b.typical) as Kg, max: (a.max + b.max) as Kg };
}

export function scaleRange(r: KgRange, f: number): KgRange {
  return { min: (r.min * f) as Kg, typical: (r.typical * f) as Kg, max: (r.max * f) as Kg };
}

export type { Kg, Lb };
