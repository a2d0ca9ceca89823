// Fréchet distance and KID against double-precision references written here straight from the formulas: the
// covariance by its definition, the matrix square root of ΣA·ΣB by Denman–Beavers iteration (a route unlike the
// library's symmetric eigendecompositions) or, for d = 2, in closed form; KID by double loops over every pair.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { frechetDistance, frechetDistanceFromSamples } from '../../../src/core/distribution/features/frechet';
import { kernelInceptionDistance, kidSubsetIndices } from '../../../src/core/distribution/features/kid';
import { meanAndCovariance } from '../../../src/core/distribution/features/moments';

type Matrix = number[][];
const vecs = (rows: number[][]): Float64Array[] => rows.map((r) => Float64Array.from(r));

// Hand-fixed sets: d = 3 (7 vs 6 vectors), d = 5 (9 vs 8), d = 2 (6 vs 6).
const A3 = [[0.5, 1.2, -0.3], [1.1, 0.4, 0.9], [-0.7, 2.0, 0.1], [0.3, -0.5, 1.4], [2.2, 0.8, -1.0], [0.0, 1.5, 0.6], [1.4, -0.2, 0.3]];
const B3 = [[1.5, 0.2, 0.7], [2.1, 1.9, -0.4], [0.9, 0.6, 1.8], [3.0, -0.1, 0.2], [1.7, 1.1, 1.1], [2.6, 0.3, -0.9]];
const A5 = [
  [0.2, -1.1, 0.5, 2.0, 0.3], [1.4, 0.6, -0.2, 1.1, -0.8], [-0.5, 0.9, 1.7, 0.4, 0.0], [0.8, 1.3, 0.1, -0.6, 1.2],
  [2.1, -0.4, 0.9, 0.7, 0.5], [-1.2, 0.2, -0.8, 1.5, 0.9], [0.6, 2.2, 0.4, 0.0, -1.3], [1.0, -0.7, 1.2, 1.8, 0.4],
  [0.3, 0.5, -1.4, 0.9, 1.6],
];
const B5 = [
  [1.2, 0.1, 0.8, 1.0, 1.5], [0.4, 1.9, -0.5, 0.2, 0.7], [2.5, 0.7, 1.1, -0.3, 0.2], [1.8, -0.6, 0.3, 1.4, 2.0],
  [0.9, 1.1, 2.0, 0.6, -0.4], [-0.2, 0.4, 0.6, 2.3, 1.1], [1.5, 1.6, -0.9, 0.8, 0.9], [0.7, -1.0, 1.3, 0.1, 1.8],
];
const A2 = [[0, 0], [1, 2], [2, 1], [3, 3], [-1, 1], [0.5, -0.5]];
const B2 = [[4, 1], [5, 2.5], [3.5, 0], [6, 1.5], [4.5, -1], [5.5, 3]];

function meanRef(x: Matrix): number[] {
  return x[0].map((_, k) => x.reduce((s, r) => s + r[k], 0) / x.length);
}

function covRef(x: Matrix): Matrix {
  const mu = meanRef(x);
  return mu.map((_, i) => mu.map((_, j) => x.reduce((s, r) => s + (r[i] - mu[i]) * (r[j] - mu[j]), 0) / (x.length - 1)));
}

function matmul(p: Matrix, q: Matrix): Matrix {
  return p.map((row) => q[0].map((_, j) => row.reduce((s, v, k) => s + v * q[k][j], 0)));
}

function inverse(m: Matrix): Matrix {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    const pivot = a[c][c];
    a[c] = a[c].map((v) => v / pivot);
    for (let r = 0; r < n; r++) if (r !== c) a[r] = a[r].map((v, j) => v - a[r][c] * a[c][j]);
  }
  return a.map((row) => row.slice(n));
}

/** √M by Denman–Beavers: Y ← (Y + Z⁻¹)/2, Z ← (Z + Y⁻¹)/2 from Y = M, Z = I. */
function sqrtDenmanBeavers(m: Matrix): Matrix {
  let y = m;
  let z: Matrix = m.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
  for (let it = 0; it < 60; it++) {
    const [yi, zi] = [inverse(y), inverse(z)];
    [y, z] = [y.map((row, i) => row.map((v, j) => (v + zi[i][j]) / 2)), z.map((row, i) => row.map((v, j) => (v + yi[i][j]) / 2))];
  }
  return y;
}

/** FD from the formula with Tr √(ΣA ΣB) by Denman–Beavers. */
function frechetRef(a: Matrix, b: Matrix): number {
  const [ma, mb, ca, cb] = [meanRef(a), meanRef(b), covRef(a), covRef(b)];
  const root = sqrtDenmanBeavers(matmul(ca, cb));
  const tr = (m: Matrix): number => m.reduce((s, row, i) => s + row[i], 0);
  return ma.reduce((s, v, k) => s + (v - mb[k]) ** 2, 0) + tr(ca) + tr(cb) - 2 * tr(root);
}

function relClose(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= rel * Math.abs(expected), `${what}: ${actual} vs ${expected}`);
}

describe('frechetDistance', () => {
  it('matches the Denman–Beavers reference to 1e-9 relative at d = 3 and d = 5', () => {
    for (const [name, a, b] of [['d=3', A3, B3], ['d=5', A5, B5]] as const) {
      const expected = frechetRef(a, b);
      const [sa, sb] = [meanAndCovariance(vecs(a)), meanAndCovariance(vecs(b))];
      relClose(frechetDistance(sa.mean, sa.cov, sb.mean, sb.cov), expected, 1e-9, `${name} from covariances`);
      relClose(frechetDistanceFromSamples(vecs(a), vecs(b)), expected, 1e-9, `${name} from samples`);
      relClose(frechetDistance(sb.mean, sb.cov, sa.mean, sa.cov), expected, 1e-9, `${name} symmetric`);
    }
  });

  it('matches the closed form at d = 2: Tr √(ΣAΣB) = √(tr ΣAΣB + 2√(det ΣA det ΣB))', () => {
    const [ca, cb, ma, mb] = [covRef(A2), covRef(B2), meanRef(A2), meanRef(B2)];
    const det = (m: Matrix): number => m[0][0] * m[1][1] - m[0][1] * m[1][0];
    const p = matmul(ca, cb);
    const trRoot = Math.sqrt(p[0][0] + p[1][1] + 2 * Math.sqrt(det(ca) * det(cb)));
    const expected = (ma[0] - mb[0]) ** 2 + (ma[1] - mb[1]) ** 2 + ca[0][0] + ca[1][1] + cb[0][0] + cb[1][1] - 2 * trRoot;
    relClose(frechetDistanceFromSamples(vecs(A2), vecs(B2)), expected, 1e-12, 'd=2');
    relClose(frechetRef(A2, B2), expected, 1e-12, 'Denman–Beavers itself');
  });

  it('is ≈ 0 for identical sets', () => {
    const fd = frechetDistanceFromSamples(vecs(A5), vecs(A5));
    assert.ok(Math.abs(fd) < 1e-12, `${fd}`);
  });

  it('takes the low-rank route when a set has fewer vectors than dimensions: rank-1 ΣA = vvᵀ gives Tr = √(vᵀΣBv)', () => {
    // Two vectors: ΣA = (a₁−a₂)(a₁−a₂)ᵀ/2, so v = (a₁−a₂)/√2 and Tr((ΣA^½ΣBΣA^½)^½) = √(vᵀΣBv).
    const a = [A5[0], A5[3]];
    const [ma, mb, ca, cb] = [meanRef(a), meanRef(B5), covRef(a), covRef(B5)];
    const v = a[0].map((x, k) => (x - a[1][k]) / Math.SQRT2);
    const quad = v.reduce((s, vi, i) => s + vi * v.reduce((t, vj, j) => t + cb[i][j] * vj, 0), 0);
    const trace = (m: Matrix): number => m.reduce((s, row, i) => s + row[i], 0);
    const expected = ma.reduce((s, x, k) => s + (x - mb[k]) ** 2, 0) + trace(ca) + trace(cb) - 2 * Math.sqrt(quad);
    relClose(frechetDistanceFromSamples(vecs(a), vecs(B5)), expected, 1e-12, 'A small');
    relClose(frechetDistanceFromSamples(vecs(B5), vecs(a)), expected, 1e-12, 'B small');
    const [sa, sb] = [meanAndCovariance(vecs(a)), meanAndCovariance(vecs(B5))];
    relClose(frechetDistance(sa.mean, sa.cov, sb.mean, sb.cov), expected, 1e-9, 'covariance route on a singular ΣA');
  });

  it('agrees between routes with 4 vs 3 vectors in 5-d (both covariances singular)', () => {
    const [a, b] = [vecs(A5.slice(0, 4)), vecs(B5.slice(0, 3))];
    const [sa, sb] = [meanAndCovariance(a), meanAndCovariance(b)];
    relClose(frechetDistanceFromSamples(a, b), frechetDistance(sa.mean, sa.cov, sb.mean, sb.cov), 1e-9, 'routes');
  });

  it('rejects mismatched shapes', () => {
    assert.throws(() => frechetDistanceFromSamples(vecs(A3), vecs(A5)), /3-d vectors, set B 5-d/);
    assert.throws(() => frechetDistance(new Float64Array(2), new Float64Array(4), new Float64Array(3), new Float64Array(9)), /means of 2 and 3/);
  });
});

/** k(x,y) = (xᵀy/d + 1)³ and the unbiased MMD² of two equal-size sets by double loops over all pairs. */
function mmdRef(x: Matrix, y: Matrix): number {
  const d = x[0].length;
  const k = (p: number[], q: number[]): number => (p.reduce((s, v, i) => s + v * q[i], 0) / d + 1) ** 3;
  const m = x.length;
  let [xx, yy, xy] = [0, 0, 0];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i !== j) xx += k(x[i], x[j]);
      if (i !== j) yy += k(y[i], y[j]);
      xy += k(x[i], y[j]);
    }
  }
  return xx / (m * (m - 1)) + yy / (m * (m - 1)) - (2 * xy) / (m * m);
}

describe('kernelInceptionDistance', () => {
  it('equals the all-pairs reference when one subset is the whole of two equal-size sets', () => {
    const b = B3.concat([[0.4, 2.2, 1.0]]);
    const a = A3;
    const kid = kernelInceptionDistance(vecs(a), vecs(b), { subsets: 1, subsetSize: 7, seed: 3 });
    relClose(kid.mean, mmdRef(a, b), 1e-12, 'KID d=3');
    assert.equal(kid.sd, 0);
    assert.deepEqual([kid.subsets, kid.subsetSize], [1, 7]);
    const five = kernelInceptionDistance(vecs(A5.slice(0, 8)), vecs(B5), { subsets: 1, subsetSize: 100 });
    relClose(five.mean, mmdRef(A5.slice(0, 8), B5), 1e-12, 'KID d=5 (size capped at 8)');
    assert.equal(five.subsetSize, 8);
  });

  it('averages the per-subset reference over its seeded subsets, with the population sd', () => {
    const options = { subsets: 6, subsetSize: 4, seed: 11 };
    const subsets = kidSubsetIndices(A5.length, B5.length, options);
    const scores = subsets.map(({ a, b }) => mmdRef(a.map((i) => A5[i]), b.map((j) => B5[j])));
    const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
    const sd = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length);
    const kid = kernelInceptionDistance(vecs(A5), vecs(B5), options);
    relClose(kid.mean, mean, 1e-12, 'mean');
    relClose(kid.sd, sd, 1e-10, 'sd');
    assert.ok(kid.sd > 0);
  });

  it('draws distinct in-range indices, the same for a seed and different for another', () => {
    const first = kidSubsetIndices(9, 8, { subsets: 5, subsetSize: 6, seed: 1 });
    assert.deepEqual(kidSubsetIndices(9, 8, { subsets: 5, subsetSize: 6, seed: 1 }), first);
    assert.notDeepEqual(kidSubsetIndices(9, 8, { subsets: 5, subsetSize: 6, seed: 2 }), first);
    for (const { a, b } of first) {
      assert.equal(new Set(a).size, 6);
      assert.equal(new Set(b).size, 6);
      assert.ok(a.every((i) => i >= 0 && i < 9) && b.every((j) => j >= 0 && j < 8));
    }
  });

  it('rejects subsets of fewer than 2 and mismatched dimensions', () => {
    assert.throws(() => kernelInceptionDistance(vecs(A3), vecs(B3), { subsetSize: 1 }), /at least 2/);
    assert.throws(() => kernelInceptionDistance(vecs(A3), vecs(A5)), /3-d vectors, set B 5-d/);
    assert.throws(() => kernelInceptionDistance(vecs(A3), vecs(B3), { subsets: 0 }), /subsets ≥ 1/);
  });
});
