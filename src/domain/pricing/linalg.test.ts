import { describe, expect, it } from "vitest";
import { cholesky, choleskySolve, inverseDiagonal } from "./linalg.js";
import { mulberry32 } from "./synthetic.fixture.js";

/** A random symmetric positive-definite matrix: B^T B + p I. */
function spd(p: number, seed: number): Float64Array {
  const rand = mulberry32(seed);
  const b = Float64Array.from({ length: p * p }, () => rand() - 0.5);
  const a = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      let s = i === j ? p : 0;
      for (let k = 0; k < p; k++) s += b[k * p + i]! * b[k * p + j]!;
      a[i * p + j] = s;
    }
  return a;
}

describe("Cholesky", () => {
  it("solves A x = b and gives the diagonal of A^-1", () => {
    const p = 12;
    const a = spd(p, 1);
    const b = Float64Array.from({ length: p }, (_, i) => i - 3);
    const l = cholesky(a, p);
    const x = choleskySolve(l, p, b);
    for (let i = 0; i < p; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += a[i * p + j]! * x[j]!;
      expect(s).toBeCloseTo(b[i]!, 10);
    }
    const diag = inverseDiagonal(l, p);
    for (let j = 0; j < p; j++) {
      const e = new Float64Array(p);
      e[j] = 1;
      expect(diag[j]).toBeCloseTo(choleskySolve(l, p, e)[j]!, 12);
    }
  });

  it("refuses a matrix that is not positive definite", () => {
    expect(() => cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/positive definite/);
  });
});
