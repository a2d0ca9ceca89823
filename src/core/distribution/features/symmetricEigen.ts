// Symmetric eigendecomposition in double precision: Householder tridiagonalisation and the implicit QL method with
// Wilkinson-style shifts, after EISPACK tred2/tql2 (as ported in JAMA). The working matrix is stored transposed
// (row r holds what JAMA keeps in column r) so every inner loop runs over contiguous memory, which matters at d = 2048.

/** Eigenvalues in ascending order and, when asked for, the matching unit eigenvectors. */
export interface SymmetricEigen {
  readonly values: Float64Array;
  /** n×n row-major; row i is the eigenvector of values[i] (so A = Σ values[i]·vᵢvᵢᵀ). Absent when only values were asked for. */
  readonly vectors?: Float64Array;
}

/** Eigenvalues (ascending) and optionally eigenvectors of a symmetric n×n row-major matrix; only its lower triangle is read. */
export function symmetricEigen(matrix: Float64Array, n: number, options: { readonly vectors?: boolean } = {}): SymmetricEigen {
  if (!Number.isInteger(n) || n < 1 || matrix.length !== n * n) throw new Error(`symmetricEigen: need an ${n}×${n} matrix, got ${matrix.length} values`);
  const w = new Float64Array(n * n);
  // w = A with the lower triangle mirrored (w's row r is A's column r).
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) w[i * n + j] = w[j * n + i] = matrix[i * n + j];
  }
  for (let i = 0; i < w.length; i++) if (!Number.isFinite(w[i])) throw new Error('symmetricEigen: the matrix has a non-finite value');
  const wantVectors = options.vectors === true;
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalise(w, n, d, e);
  if (wantVectors) accumulate(w, n, d);
  else for (let j = 0; j < n; j++) d[j] = w[j * n + j];
  e[0] = 0;
  ql(n, d, e, wantVectors ? w : undefined);
  sortAscending(n, d, wantVectors ? w : undefined);
  return wantVectors ? { values: d, vectors: w } : { values: d };
}

/** tred2's Householder reduction: leaves the tridiagonal's off-diagonal in e, h values in d, Householder vectors in w. */
function tridiagonalise(w: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  for (let j = 0; j < n; j++) d[j] = w[j * n + n - 1];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    let h = 0;
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = w[j * n + i - 1];
        w[j * n + i] = 0;
        w[i * n + j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      h = householderStep(w, n, i, scale, h, d, e);
    }
    d[i] = h;
  }
}

/** One Householder similarity transformation on the leading i×i block; returns h. */
function householderStep(w: Float64Array, n: number, i: number, scale: number, h0: number, d: Float64Array, e: Float64Array): number {
  let f = d[i - 1];
  let g = f > 0 ? -Math.sqrt(h0) : Math.sqrt(h0);
  e[i] = scale * g;
  const h = h0 - f * g;
  d[i - 1] = f - g;
  e.fill(0, 0, i);
  for (let j = 0; j < i; j++) {
    f = d[j];
    const row = j * n;
    w[i * n + j] = f;
    g = e[j] + w[row + j] * f;
    for (let k = j + 1; k <= i - 1; k++) {
      g += w[row + k] * d[k];
      e[k] += w[row + k] * f;
    }
    e[j] = g;
  }
  f = 0;
  for (let j = 0; j < i; j++) {
    e[j] /= h;
    f += e[j] * d[j];
  }
  const hh = f / (h + h);
  for (let j = 0; j < i; j++) e[j] -= hh * d[j];
  for (let j = 0; j < i; j++) {
    const fj = d[j];
    const gj = e[j];
    const row = j * n;
    for (let k = j; k <= i - 1; k++) w[row + k] -= fj * e[k] + gj * d[k];
    d[j] = w[row + i - 1];
    w[row + i] = 0;
  }
  return h;
}

/** tred2's accumulation of the Householder transformations into the orthogonal matrix; leaves the diagonal in d. */
function accumulate(w: Float64Array, n: number, d: Float64Array): void {
  for (let i = 0; i < n - 1; i++) {
    const next = (i + 1) * n;
    w[i * n + n - 1] = w[i * n + i];
    w[i * n + i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = w[next + k] / h;
      for (let j = 0; j <= i; j++) {
        const row = j * n;
        let g = 0;
        for (let k = 0; k <= i; k++) g += w[next + k] * w[row + k];
        for (let k = 0; k <= i; k++) w[row + k] -= g * d[k];
      }
    }
    w.fill(0, next, next + i + 1);
  }
  for (let j = 0; j < n; j++) {
    d[j] = w[j * n + n - 1];
    w[j * n + n - 1] = 0;
  }
  w[n * n - 1] = 1;
}

/** tql2: implicit QL on the tridiagonal (d, e); rotates the rows of w when given. */
function ql(n: number, d: Float64Array, e: Float64Array, w: Float64Array | undefined): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > eps * tst1) m++;
    let iterations = 0;
    while (m > l && Math.abs(e[l]) > eps * tst1) {
      if (++iterations > 60) throw new Error('symmetricEigen: the QL iteration did not converge');
      f += qlSweep(n, l, m, d, e, w);
    }
    d[l] += f;
    e[l] = 0;
  }
}

/** One implicitly shifted QL sweep over rows l..m; returns the shift applied to d[l+2..]. */
function qlSweep(n: number, l: number, m: number, d: Float64Array, e: Float64Array, w: Float64Array | undefined): number {
  let g = d[l];
  let p = (d[l + 1] - g) / (2 * e[l]);
  let r = Math.hypot(p, 1);
  if (p < 0) r = -r;
  d[l] = e[l] / (p + r);
  d[l + 1] = e[l] * (p + r);
  const dl1 = d[l + 1];
  let h = g - d[l];
  for (let i = l + 2; i < n; i++) d[i] -= h;
  const shift = h;
  p = d[m];
  let [c, c2, c3, s, s2] = [1, 1, 1, 0, 0];
  const el1 = e[l + 1];
  for (let i = m - 1; i >= l; i--) {
    c3 = c2;
    c2 = c;
    s2 = s;
    g = c * e[i];
    h = c * p;
    r = Math.hypot(p, e[i]);
    e[i + 1] = s * r;
    s = e[i] / r;
    c = p / r;
    p = c * d[i] - s * g;
    d[i + 1] = h + s * (c * g + s * d[i]);
    if (w) rotateRows(w, n, i, c, s);
  }
  p = (-s * s2 * c3 * el1 * e[l]) / dl1;
  e[l] = s * p;
  d[l] = c * p;
  return shift;
}

function rotateRows(w: Float64Array, n: number, i: number, c: number, s: number): void {
  const a = i * n;
  const b = a + n;
  for (let k = 0; k < n; k++) {
    const h = w[b + k];
    w[b + k] = s * w[a + k] + c * h;
    w[a + k] = c * w[a + k] - s * h;
  }
}

/** Selection sort of the eigenvalues, ascending, swapping the eigenvector rows along. */
function sortAscending(n: number, d: Float64Array, w: Float64Array | undefined): void {
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    for (let j = i + 1; j < n; j++) if (d[j] < d[k]) k = j;
    if (k === i) continue;
    [d[i], d[k]] = [d[k], d[i]];
    if (!w) continue;
    const rowI = w.slice(i * n, i * n + n);
    w.copyWithin(i * n, k * n, k * n + n);
    w.set(rowI, k * n);
  }
}
