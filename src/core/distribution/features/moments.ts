// Sample moments of feature vectors and the dense linear algebra the feature distances share.

/** Throws unless there are at least `min` vectors, all of one positive, finite dimension; returns it. */
export function checkVectors(vectors: readonly Float64Array[], min: number, what: string): number {
  if (vectors.length < min) throw new Error(`${what} needs at least ${min} feature vectors, got ${vectors.length}`);
  const d = vectors[0].length;
  if (d === 0) throw new Error(`${what}: feature vectors are empty`);
  vectors.forEach((v, i) => {
    if (v.length !== d) throw new Error(`${what}: vector ${i} has ${v.length} values, the first has ${d}`);
    for (let k = 0; k < d; k++) if (!Number.isFinite(v[k])) throw new Error(`${what}: vector ${i} has a non-finite value`);
  });
  return d;
}

/** The mean vector. */
export function meanOf(vectors: readonly Float64Array[]): Float64Array {
  const d = vectors[0].length;
  const mean = new Float64Array(d);
  for (const v of vectors) for (let k = 0; k < d; k++) mean[k] += v[k];
  for (let k = 0; k < d; k++) mean[k] /= vectors.length;
  return mean;
}

/** The vectors minus their mean, as new arrays. */
export function centred(vectors: readonly Float64Array[], mean: Float64Array): Float64Array[] {
  return vectors.map((v) => v.map((x, k) => x - mean[k]));
}

/** Mean and unbiased (n − 1) covariance of n ≥ 2 vectors; cov is d×d row-major. */
export function meanAndCovariance(vectors: readonly Float64Array[]): { mean: Float64Array; cov: Float64Array } {
  const d = checkVectors(vectors, 2, 'meanAndCovariance');
  const mean = meanOf(vectors);
  const rows = centred(vectors, mean);
  const cov = new Float64Array(d * d);
  for (const x of rows) {
    for (let i = 0; i < d; i++) {
      const xi = x[i];
      if (xi === 0) continue;
      const row = i * d;
      for (let j = i; j < d; j++) cov[row + j] += xi * x[j];
    }
  }
  const scale = 1 / (vectors.length - 1);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) cov[i * d + j] = cov[j * d + i] = cov[i * d + j] * scale;
  }
  return { mean, cov };
}

/** Dot product of two equal-length vectors. */
export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k] * b[k];
  return s;
}

/** Squared Euclidean distance. */
export function squaredDistance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) {
    const t = a[k] - b[k];
    s += t * t;
  }
  return s;
}

/** Trace of a d×d row-major matrix. */
export function trace(m: Float64Array, d: number): number {
  let t = 0;
  for (let i = 0; i < d; i++) t += m[i * d + i];
  return t;
}

/** The r×r matrix C = R·M·Rᵀ for r rows R (each of length d) and a symmetric d×d row-major M. */
export function congruence(rows: readonly Float64Array[], m: Float64Array, d: number): Float64Array {
  const r = rows.length;
  const rm = rows.map((row) => {
    const out = new Float64Array(d);
    for (let k = 0; k < d; k++) {
      const x = row[k];
      if (x === 0) continue;
      const base = k * d;
      for (let j = 0; j < d; j++) out[j] += x * m[base + j];
    }
    return out;
  });
  const c = new Float64Array(r * r);
  for (let p = 0; p < r; p++) for (let q = 0; q <= p; q++) c[p * r + q] = c[q * r + p] = dot(rm[p], rows[q]);
  return c;
}
