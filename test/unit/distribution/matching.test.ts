import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareAttributes } from '../../../src/core/distribution/compare/compareAttributes';
import type { ImageAttributes } from '../../../src/core/distribution/distTypes';
import { importanceWeights } from '../../../src/core/distribution/matching/importanceWeights';
import { fitLogistic } from '../../../src/core/distribution/matching/logisticRegression';
import { inclusionProbabilities, matchedSubset } from '../../../src/core/distribution/matching/matchedSubset';
import { matchDistributions, matchingResult } from '../../../src/core/distribution/matching/matchingResult';
import { PLANTED_DEFS, plantedSet, SHAPE_A, SHAPE_B, SHIFTED } from '../../helpers/distributionFixtures';

// Weighting can only move mass to where the weighted set has images, so the weighted set here is the planted B
// (wide yaw, 40% glasses) and the target is A (narrow yaw, 8% glasses): "weights for B so that B matches A".
const NARROW = plantedSet(21, 1000, SHAPE_A, 'n');
const WIDE = plantedSet(22, 1000, SHAPE_B, 'w');
const NAMES = PLANTED_DEFS.map((d) => d.name);

function distances(a: readonly ImageAttributes[], b: readonly ImageAttributes[], weights?: readonly number[]): Map<string, number> {
  return new Map(compareAttributes(a, b, PLANTED_DEFS, weights).map((c) => [c.name, c.distance]));
}

describe('fitLogistic', () => {
  it('recovers the group log-odds for one binary feature when barely penalised', () => {
    // Group x=0: 30 of 100 are y=1; group x=1: 80 of 100.
    const x = Float64Array.from({ length: 200 }, (_, i) => (i < 100 ? 0 : 1));
    const y = Float64Array.from({ length: 200 }, (_, i) => (i < 100 ? (i < 30 ? 1 : 0) : i < 180 ? 1 : 0));
    const fit = fitLogistic([x], y, 1e-9);
    assert.ok(fit.converged);
    assert.ok(Math.abs(fit.intercept - Math.log(0.3 / 0.7)) < 1e-6);
    assert.ok(Math.abs(fit.intercept + fit.coef[0] - Math.log(0.8 / 0.2)) < 1e-6);
  });
});

describe('importanceWeights', () => {
  const fit = importanceWeights(WIDE, NARROW, NAMES);

  it('gives one non-negative weight per image, mean 1, deterministically', () => {
    assert.equal(fit.weights.length, WIDE.length);
    assert.ok(fit.weights.every((w) => w >= 0 && Number.isFinite(w)));
    assert.ok(Math.abs(fit.weights.reduce((s, w) => s + w, 0) / fit.weights.length - 1) < 1e-12);
    assert.deepEqual(importanceWeights(WIDE, NARROW, NAMES).weights, fit.weights);
    assert.deepEqual(fit.attributes, NAMES);
    assert.match(fit.method, /logistic regression .* 10 standardised attributes \(8 with a squared term\)/);
  });

  it('shrinks the planted distances far below their unweighted values', () => {
    const before = distances(WIDE, NARROW);
    const after = distances(WIDE, NARROW, fit.weights);
    // Measured: glasses 0.10, yaw 0.19, brightness 0.27, faceArea 0.43 of the unweighted distance (effective size 127 of 1000).
    for (const name of SHIFTED) {
      const ratio = (after.get(name) ?? NaN) / (before.get(name) ?? NaN);
      assert.ok(ratio < 0.5, `${name}: weighted/unweighted = ${ratio.toFixed(3)}`);
    }
  });

  it('cannot create what the weighted set lacks: the narrow-yaw set weighted towards the wide one keeps most of the yaw gap', () => {
    const reverse = importanceWeights(NARROW, WIDE, NAMES);
    const ratio = (distances(NARROW, WIDE, reverse.weights).get('yaw') ?? NaN) / (distances(NARROW, WIDE).get('yaw') ?? NaN);
    assert.ok(ratio > 0.7, `yaw weighted/unweighted = ${ratio.toFixed(3)}`);
  });

  it('returns uniform weights when nothing varies or B is empty', () => {
    const flat = Array.from({ length: 5 }, (_, i): ImageAttributes => ({ v: 1, id: `f${i}`, key: '', values: { x: 1 } }));
    assert.deepEqual(importanceWeights(flat, flat, ['x']).weights, [1, 1, 1, 1, 1]);
    assert.deepEqual(importanceWeights(flat, [], ['x']).weights, [1, 1, 1, 1, 1]);
  });
});

describe('matchedSubset', () => {
  const fit = importanceWeights(WIDE, NARROW, NAMES);

  it('returns `size` distinct ids of A, deterministically, whose distances shrink too', () => {
    const subset = matchedSubset(WIDE, fit.weights, 250);
    assert.equal(subset.length, 250);
    assert.equal(new Set(subset).size, 250);
    const ids = new Set(WIDE.map((x) => x.id));
    assert.ok(subset.every((id) => ids.has(id)));
    assert.deepEqual(matchedSubset(WIDE, fit.weights, 250), subset);
    const chosen = new Set(subset);
    const before = distances(WIDE, NARROW);
    const after = distances(WIDE.filter((x) => chosen.has(x.id)), NARROW);
    // Measured: glasses 0.26, yaw 0.26, brightness 0.57, faceArea 0.71 of the unweighted distance.
    for (const name of SHIFTED) {
      const ratio = (after.get(name) ?? NaN) / (before.get(name) ?? NaN);
      assert.ok(ratio < 0.85, `${name}: subset/unweighted = ${ratio.toFixed(3)}`);
    }
  });

  it('handles the edges: all, none, and weight on one image', () => {
    const few = WIDE.slice(0, 4);
    assert.deepEqual(matchedSubset(few, [1, 1, 1, 1], 9), few.map((x) => x.id));
    assert.deepEqual(matchedSubset(few, [1, 1, 1, 1], 0), []);
    assert.deepEqual(matchedSubset(few, [0, 0, 5, 0], 1), [few[2].id]);
    assert.deepEqual(matchedSubset(few, [0, 0, 5, 0], 2).length, 2);
  });

  it('caps inclusion probabilities at 1 and keeps their sum at the size', () => {
    const pi = inclusionProbabilities([100, 1, 1, 1, 1, 0], 3);
    assert.equal(pi[0], 1);
    assert.ok(pi.every((p) => p >= 0 && p <= 1));
    assert.ok(Math.abs(pi.reduce((s, p) => s + p, 0) - 3) < 1e-12);
  });
});

describe('matchingResult', () => {
  it('reports every attribute before, weighted and in the subset, with the effective sample size', () => {
    const { result, fit, subset } = matchDistributions(WIDE, NARROW, PLANTED_DEFS, 250);
    assert.equal(result.subsetSize, 250);
    assert.equal(subset.length, 250);
    const sum = fit.weights.reduce((s, w) => s + w, 0);
    const squares = fit.weights.reduce((s, w) => s + w * w, 0);
    assert.ok(Math.abs(result.effectiveSize - (sum * sum) / squares) < 1e-9);
    assert.ok(result.effectiveSize > 50 && result.effectiveSize < 1000, `ESS ${result.effectiveSize}`);
    assert.equal(result.distances.length, PLANTED_DEFS.length);
    assert.deepEqual(result, matchingResult(WIDE, NARROW, PLANTED_DEFS, fit, subset));
    for (const row of result.distances.filter((d) => SHIFTED.includes(d.name))) {
      assert.ok(row.weighted < row.before && row.subset < row.before && row.effectSubset < row.effectBefore, row.name);
    }
  });
});
