import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { symmetricEigen } from '../../../src/core/distribution/features/symmetricEigen';
import { meanAndCovariance } from '../../../src/core/distribution/features/moments';
import { prng } from '../../helpers/prng';

function close(actual: number, expected: number, tol: number, what = ''): void {
  assert.ok(Math.abs(actual - expected) <= tol, `${what} ${actual} ≠ ${expected} (±${tol})`);
}

function randomSymmetric(n: number, seed: number): Float64Array {
  const rand = prng(seed);
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) m[i * n + j] = m[j * n + i] = rand() * 2 - 1;
  return m;
}

/** max |A − Σ λᵢ vᵢvᵢᵀ| and max |VVᵀ − I|. */
function residuals(a: Float64Array, n: number, values: Float64Array, vectors: Float64Array): { reconstruction: number; orthogonality: number } {
  let [reconstruction, orthogonality] = [0, 0];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let [s, o] = [0, 0];
      for (let k = 0; k < n; k++) {
        s += values[k] * vectors[k * n + i] * vectors[k * n + j];
        o += vectors[i * n + k] * vectors[j * n + k];
      }
      reconstruction = Math.max(reconstruction, Math.abs(a[i * n + j] - s));
      orthogonality = Math.max(orthogonality, Math.abs(o - (i === j ? 1 : 0)));
    }
  }
  return { reconstruction, orthogonality };
}

describe('symmetricEigen', () => {
  it('finds the eigenpairs of [[2,1],[1,2]]: 1 with (1,−1)/√2, 3 with (1,1)/√2', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2, { vectors: true });
    close(values[0], 1, 1e-15);
    close(values[1], 3, 1e-15);
    const r = Math.SQRT1_2;
    close(Math.abs(vectors![0]), r, 1e-15);
    close(vectors![0] * vectors![1], -0.5, 1e-15, 'first vector ∝ (1,−1)');
    close(vectors![2] * vectors![3], 0.5, 1e-15, 'second vector ∝ (1,1)');
  });

  it('finds 2−√2, 2, 2+√2 for the 3×3 second-difference matrix', () => {
    const a = Float64Array.from([2, -1, 0, -1, 2, -1, 0, -1, 2]);
    const { values, vectors } = symmetricEigen(a, 3, { vectors: true });
    [2 - Math.SQRT2, 2, 2 + Math.SQRT2].forEach((v, i) => close(values[i], v, 1e-14));
    // The middle eigenvector is (1, 0, −1)/√2.
    close(Math.abs(vectors![3]), Math.SQRT1_2, 1e-14);
    close(vectors![4], 0, 1e-14);
    close(vectors![3] + vectors![5], 0, 1e-14);
  });

  it('handles a zero sub-row (the scale = 0 branch), a diagonal, repeated and rank-1 spectra and 1×1', () => {
    // [[1,2,0],[2,1,0],[0,0,5]]: −1, 3, 5.
    const block = symmetricEigen(Float64Array.from([1, 2, 0, 2, 1, 0, 0, 0, 5]), 3, { vectors: true });
    [-1, 3, 5].forEach((v, i) => close(block.values[i], v, 1e-14));
    assert.deepEqual([...symmetricEigen(Float64Array.from([3, 0, 0, 0, -1, 0, 0, 0, 2]), 3).values], [-1, 2, 3]);
    const identity = symmetricEigen(Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]), 4, { vectors: true });
    identity.values.forEach((v) => close(v, 1, 1e-15));
    // u uᵀ with u = (1, 2, 2): eigenvalues 0, 0, 9.
    const u = [1, 2, 2];
    const rank1 = Float64Array.from({ length: 9 }, (_, i) => u[Math.floor(i / 3)] * u[i % 3]);
    const r1 = symmetricEigen(rank1, 3, { vectors: true });
    [0, 0, 9].forEach((v, i) => close(r1.values[i], v, 1e-14));
    assert.ok(residuals(rank1, 3, r1.values, r1.vectors!).reconstruction < 1e-14);
    assert.deepEqual([...symmetricEigen(Float64Array.from([-4]), 1, { vectors: true }).values], [-4]);
  });

  it('reconstructs random symmetric matrices to 1e-13 with orthonormal vectors; values alone agree', () => {
    for (const [n, seed] of [[5, 1], [12, 2], [40, 3], [97, 4]]) {
      const a = randomSymmetric(n, seed);
      const { values, vectors } = symmetricEigen(a, n, { vectors: true });
      const { reconstruction, orthogonality } = residuals(a, n, values, vectors!);
      assert.ok(reconstruction < 1e-13, `n=${n}: reconstruction error ${reconstruction}`);
      assert.ok(orthogonality < 1e-13, `n=${n}: orthogonality error ${orthogonality}`);
      for (let i = 1; i < n; i++) assert.ok(values[i] >= values[i - 1], 'ascending');
      let trace = 0;
      for (let i = 0; i < n; i++) trace += a[i * n + i];
      close(values.reduce((s, v) => s + v, 0), trace, 1e-12, 'Σλ = trace');
      const alone = symmetricEigen(a, n).values;
      alone.forEach((v, i) => close(v, values[i], 1e-13, `n=${n} value ${i}`));
    }
  });

  it('reads only the lower triangle and rejects malformed input', () => {
    const lower = Float64Array.from([2, 99, 1, 2]);
    const { values } = symmetricEigen(lower, 2);
    close(values[0], 1, 1e-15);
    close(values[1], 3, 1e-15);
    assert.throws(() => symmetricEigen(new Float64Array(5), 2), /need an 2×2 matrix/);
    assert.throws(() => symmetricEigen(Float64Array.from([1, NaN, NaN, 1]), 2), /non-finite/);
  });
});

describe('meanAndCovariance', () => {
  it('gives the mean and the unbiased (n − 1) covariance', () => {
    // (1,2), (3,4), (5,0): mean (3,2); centred (−2,0), (0,2), (2,−2); Σxx = 8, Σxy = −4, Σyy = 8; ÷ 2.
    const { mean, cov } = meanAndCovariance([Float64Array.from([1, 2]), Float64Array.from([3, 4]), Float64Array.from([5, 0])]);
    assert.deepEqual([...mean], [3, 2]);
    assert.deepEqual([...cov], [4, -2, -2, 4]);
  });

  it('rejects fewer than two vectors, ragged and non-finite vectors', () => {
    assert.throws(() => meanAndCovariance([Float64Array.from([1])]), /at least 2/);
    assert.throws(() => meanAndCovariance([Float64Array.from([1]), Float64Array.from([1, 2])]), /vector 1 has 2 values/);
    assert.throws(() => meanAndCovariance([Float64Array.from([1]), Float64Array.from([Infinity])]), /non-finite/);
  });
});
