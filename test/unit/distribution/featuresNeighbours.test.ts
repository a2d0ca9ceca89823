import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { featureDistances } from '../../../src/core/distribution/features/featureDistances';
import { frechetDistanceFromSamples } from '../../../src/core/distribution/features/frechet';
import { kernelInceptionDistance } from '../../../src/core/distribution/features/kid';
import { densityCoverage, knnRadii, leastCovered, neighbourSummary, precisionRecall } from '../../../src/core/distribution/features/neighbours';

const vecs = (rows: number[][]): Float64Array[] => rows.map((r) => Float64Array.from(r));
const line = (xs: number[]): Float64Array[] => xs.map((x) => Float64Array.of(x));

function close(actual: number, expected: number, what: string): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `${what}: ${actual} vs ${expected}`);
}

describe('k-NN precision/recall and density/coverage', () => {
  it('1-d, k = 1: A = {0, 1, 3}, B = {0.5, 2.9, 10}', () => {
    // A's radii 1, 1, 2 → balls [−1,1], [0,2], [1,5]. B's radii 2.4, 2.4, 7.1 → [−1.9,2.9], [0.5,5.3], [2.9,17.1].
    // precision: 0.5 ∈ [−1,1], 2.9 ∈ [1,5], 10 in none → 2/3. recall: 0, 1 ∈ [−1.9,2.9], 3 ∈ [0.5,5.3] → 1.
    // density: 0.5 lies in 2 of A's balls, 2.9 in 1, 10 in 0 → 3/(k·M) = 3/3 = 1. coverage: each A ball holds a B → 1.
    const [a, b] = [line([0, 1, 3]), line([0.5, 2.9, 10])];
    assert.deepEqual([...knnRadii(a, 1)], [1, 1, 2]);
    const pr = precisionRecall(a, b, 1);
    close(pr.precision, 2 / 3, 'precision');
    close(pr.recall, 1, 'recall');
    const dc = densityCoverage(a, b, 1);
    close(dc.density, 1, 'density');
    close(dc.coverage, 1, 'coverage');
  });

  it('1-d, k = 1: a tight B = {0.1, 0.25, 0.4} near one end of A = {0, 1, 3}', () => {
    // A's balls [−1,1], [0,2], [1,5]; B's radii 0.15 each. precision: all of B ∈ [−1,1] → 1.
    // recall: 0 is 0.1 from 0.1 ≤ 0.15; 1 and 3 are ≥ 0.6 from B → 1/3.
    // density: every b lies in [−1,1] and [0,2] → 6/(1·3) = 2. coverage: [1,5] holds no b → 2/3.
    const s = neighbourSummary(line([0, 1, 3]), line([0.1, 0.25, 0.4]), 1);
    close(s.precision, 1, 'precision');
    close(s.recall, 1 / 3, 'recall');
    close(s.density, 2, 'density');
    close(s.coverage, 2 / 3, 'coverage');
  });

  it('2-d, k = 2: A = three points near the origin and (5,5); B = (0.2,0.2), (4,4), (9,9)', () => {
    // A's 2nd-NN radii: (0,0) → 1, (1,0) → √2, (0,1) → √2, (5,5) → √41 ≈ 6.40.
    // B's: (0.2,0.2) → |(9,9)−(0.2,0.2)| ≈ 12.45, (4,4) → √50 ≈ 7.07, (9,9) ≈ 12.45.
    // (0.2,0.2) is 0.28 from (0,0) and 0.82 from (1,0) and (0,1): in 3 balls; 6.79 from (5,5) > 6.40: not in its ball.
    // (4,4) is √2 from (5,5): 1 ball; (9,9) is √32 ≈ 5.66 < 6.40 from (5,5): 1 ball. density = 5/(2·3) = 5/6.
    // precision = 1 (every b in some ball); coverage = 1; recall = 1 ((0.2,0.2)'s ball of 12.45 holds all of A).
    const a = vecs([[0, 0], [1, 0], [0, 1], [5, 5]]);
    const b = vecs([[0.2, 0.2], [4, 4], [9, 9]]);
    const s = neighbourSummary(a, b, 2);
    close(s.radiiA[3], Math.sqrt(41), 'radius of (5,5)');
    close(s.density, 5 / 6, 'density');
    close(s.precision, 1, 'precision');
    close(s.recall, 1, 'recall');
    close(s.coverage, 1, 'coverage');
    close(s.nearestInA[2], Math.sqrt(32), 'nearest A of (9,9)');
  });

  it('gives precision = recall = coverage = 1 for identical sets, duplicates included', () => {
    const a = vecs([[0, 0], [1, 2], [3, 1], [3, 1], [-2, 4], [5, 5]]);
    const s = neighbourSummary(a, a, 2);
    assert.deepEqual([s.precision, s.recall, s.coverage], [1, 1, 1]);
  });

  it('rejects k outside 1 … n − 1', () => {
    assert.throws(() => precisionRecall(line([0, 1, 2]), line([0, 1]), 2), /1 ≤ k ≤ 1 \(set of 2\)/);
    assert.throws(() => knnRadii(line([0, 1]), 0), /got 0/);
  });
});

describe('leastCovered', () => {
  it('lists each set by distance to the other set, farthest first, ties by index', () => {
    // A = {0, 1, 3} to B = {0.5, 2.9, 10}: 0.5, 0.5, 0.1. B to A: 0.5, 0.1, 7.
    const { a, b } = leastCovered(line([0, 1, 3]), line([0.5, 2.9, 10]), 2);
    assert.deepEqual(a.map((g) => g.index), [0, 1]);
    close(a[0].distance, 0.5, 'A[0]');
    assert.deepEqual(b.map((g) => g.index), [2, 0]);
    close(b[0].distance, 7, 'B[2]');
  });
});

describe('featureDistances', () => {
  const a = vecs([[0, 0, 1], [1, 2, 0], [2, 1, 1], [3, 3, 0], [-1, 1, 2], [0.5, -0.5, 1]]);
  const b = vecs([[4, 1, 0], [5, 2.5, 1], [3.5, 0, 2], [6, 1.5, 0], [0, 0, 1]]);
  const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('gathers every measure, lowers k to the smaller set and names the least covered images', () => {
    const r = featureDistances({ ids: ids('a', 6), vectors: a }, { ids: ids('b', 5), vectors: b }, { extractor: 'x.onnx', k: 9, leastCovered: 2, kid: { subsets: 3, seed: 4 } });
    assert.equal(r.extractor, 'x.onnx');
    assert.equal(r.dimension, 3);
    assert.equal(r.k, 4);
    close(r.frechetDistance, frechetDistanceFromSamples(a, b), 'FD');
    assert.deepEqual(r.kid, kernelInceptionDistance(a, b, { subsets: 3, seed: 4 }));
    const s = neighbourSummary(a, b, 4);
    assert.deepEqual([r.precision, r.recall, r.density, r.coverage], [s.precision, s.recall, s.density, s.coverage]);
    const least = leastCovered(a, b, 2);
    assert.deepEqual(r.leastCoveredA, least.a.map((g) => ({ id: `a${g.index}`, distance: g.distance })));
    assert.deepEqual(r.leastCoveredB, least.b.map((g) => ({ id: `b${g.index}`, distance: g.distance })));
    // b4 = (0,0,1) equals a0, so it is the best covered B image and never listed.
    assert.ok(!r.leastCoveredB.some((x) => x.id === 'b4'));
  });

  it('gives FD ≈ 0 and precision = recall = coverage = 1 for identical sets', () => {
    const r = featureDistances({ ids: ids('a', 6), vectors: a }, { ids: ids('b', 6), vectors: a }, { extractor: 'x' });
    assert.ok(Math.abs(r.frechetDistance) < 1e-12);
    assert.deepEqual([r.precision, r.recall, r.coverage, r.k], [1, 1, 1, 5]);
    assert.ok(r.leastCoveredA.every((x) => x.distance === 0));
  });

  it('rejects ids that do not match the vectors and sets of different dimension', () => {
    assert.throws(() => featureDistances({ ids: ['x'], vectors: a }, { ids: ids('b', 5), vectors: b }, { extractor: 'x' }), /1 ids for 6 vectors/);
    assert.throws(() => featureDistances({ ids: ids('a', 2), vectors: vecs([[1], [2]]) }, { ids: ids('b', 5), vectors: b }, { extractor: 'x' }), /1-d vectors, set B 3-d/);
  });
});
