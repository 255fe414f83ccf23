// A small dense Cholesky solver for the normal equations. The system is p x p with p = 12 plus one
// column per make, family and generation (well under a few hundred), so O(p^3) is microseconds and a
// library would be all cost. Matrices are row-major Float64Arrays.

/** Factor the symmetric positive-definite `a` (p x p) into lower-triangular L with L L^T = a. */
export function cholesky(a: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = a[j * p + j]!;
    for (let k = 0; k < j; k++) d -= l[j * p + k]! ** 2;
    // The ridge makes every pivot positive; a non-positive one is a bug in the caller, not bad data.
    if (!(d > 0)) throw new Error(`normal equations are not positive definite at column ${j}`);
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}

/** Solve L L^T x = b. */
export function choleskySolve(l: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

/** diag(A^-1) from A's Cholesky factor: A^-1 = L^-T L^-1, so (A^-1)_jj is the squared norm of column j of L^-1. */
export function inverseDiagonal(l: Float64Array, p: number): Float64Array {
  const diag = new Float64Array(p);
  const col = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    // Column j of L^-1 by forward substitution on the unit vector e_j (zero above row j).
    col.fill(0);
    col[j] = 1 / l[j * p + j]!;
    let sum = col[j]! ** 2;
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * p + k]! * col[k]!;
      col[i] = s / l[i * p + i]!;
      sum += col[i]! ** 2;
    }
    diag[j] = sum;
  }
  return diag;
}
