// Fréchet distance between Gaussians fitted to two sets of feature vectors (FID's formula, Heusel 2017).
import { centred, checkVectors, congruence, dot, meanAndCovariance, meanOf, squaredDistance, trace } from './moments';
import { symmetricEigen } from './symmetricEigen';

/**
 * ‖μA−μB‖² + Tr ΣA + Tr ΣB − 2·Tr((ΣA^½ ΣB ΣA^½)^½), covariances d×d row-major. ΣA^½ = V·max(Λ,0)^½·Vᵀ from ΣA's
 * eigendecomposition (eigenvalues within rounding of 0, of either sign, count as 0); the trace term is taken on ΣA's positive eigenspace, where ΣA^½ ΣB ΣA^½ is similar to
 * Λ₊^½ (V₊ᵀ ΣB V₊) Λ₊^½, so only ΣA needs eigenvectors. Not clamped: rounding can leave it a hair below 0.
 */
export function frechetDistance(muA: Float64Array, covA: Float64Array, muB: Float64Array, covB: Float64Array): number {
  const d = muA.length;
  if (muB.length !== d || covA.length !== d * d || covB.length !== d * d) {
    throw new Error(`frechetDistance: means of ${muA.length} and ${muB.length} values, covariances of ${covA.length} and ${covB.length}`);
  }
  return squaredDistance(muA, muB) + trace(covA, d) + trace(covB, d) - 2 * traceSqrtProduct(covA, covB, d);
}

/** Tr((ΣA^½ ΣB ΣA^½)^½) with ΣA's negative eigenvalues clamped to 0. */
export function traceSqrtProduct(covA: Float64Array, covB: Float64Array, d: number): number {
  const { values, vectors } = symmetricEigen(covA, d, { vectors: true });
  const tolerance = rankTolerance(values);
  const kept: number[] = [];
  values.forEach((v, i) => v > tolerance && kept.push(i));
  if (kept.length === 0) return 0;
  const rows = kept.map((i) => vectors!.subarray(i * d, i * d + d));
  const r = kept.length;
  const m = congruence(rows, covB, d);
  const roots = kept.map((i) => Math.sqrt(values[i]));
  for (let p = 0; p < r; p++) for (let q = 0; q < r; q++) m[p * r + q] *= roots[p] * roots[q];
  return sumOfRoots(symmetricEigen(m, r).values);
}

/** Eigenvalues at or below n·ε·max|λ| are rounding noise of either sign (numpy's matrix_rank rule); they count as 0. */
function rankTolerance(values: Float64Array): number {
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  return values.length * Number.EPSILON * largest;
}

function sumOfRoots(values: Float64Array): number {
  const tolerance = rankTolerance(values);
  let s = 0;
  for (const v of values) if (v > tolerance) s += Math.sqrt(v);
  return s;
}

/**
 * The Fréchet distance of two sets of vectors (each ≥ 2, one dimension d). With fewer vectors than dimensions on one
 * side it never forms a d×d matrix: with centred rows Xa, Xb, Tr((ΣA^½ΣBΣA^½)^½) is the sum of the singular values
 * of Xa·Xbᵀ over √((nA−1)(nB−1)), from the eigenvalues of an n×n matrix for the smaller n. Otherwise it is
 * frechetDistance on meanAndCovariance of each side.
 */
export function frechetDistanceFromSamples(a: readonly Float64Array[], b: readonly Float64Array[]): number {
  const d = checkVectors(a, 2, 'frechetDistance (set A)');
  if (checkVectors(b, 2, 'frechetDistance (set B)') !== d) throw new Error(`frechetDistance: set A has ${d}-d vectors, set B ${b[0].length}-d`);
  if (Math.min(a.length, b.length) >= d) {
    const [sa, sb] = [meanAndCovariance(a), meanAndCovariance(b)];
    return frechetDistance(sa.mean, sa.cov, sb.mean, sb.cov);
  }
  const [muA, muB] = [meanOf(a), meanOf(b)];
  const [xa, xb] = [centred(a, muA), centred(b, muB)];
  const traceOf = (x: Float64Array[]): number => x.reduce((s, v) => s + dot(v, v), 0) / (x.length - 1);
  const [small, large] = xa.length <= xb.length ? [xa, xb] : [xb, xa];
  const k = small.map((s) => Float64Array.from(large, (l) => dot(s, l)));
  const s = small.length;
  const p = new Float64Array(s * s);
  for (let i = 0; i < s; i++) for (let j = 0; j <= i; j++) p[i * s + j] = p[j * s + i] = dot(k[i], k[j]);
  const traceSqrt = sumOfRoots(symmetricEigen(p, s).values) / Math.sqrt((a.length - 1) * (b.length - 1));
  return squaredDistance(muA, muB) + traceOf(xa) + traceOf(xb) - 2 * traceSqrt;
}
