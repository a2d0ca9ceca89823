import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareAttributes, compareAttributesWithNotes } from '../../../src/core/distribution/compare/compareAttributes';
import { wasserstein1 } from '../../../src/core/distribution/compare/wasserstein';
import type { AttributeDef, ImageAttributes } from '../../../src/core/distribution/distTypes';
import { prng } from '../../helpers/prng';
import { normal, PLANTED_DEFS, plantedSet, replicate, SHAPE_A, SHAPE_B, SHIFTED, sortedPairW1 } from '../../helpers/distributionFixtures';

const A = plantedSet(11, 500, SHAPE_A, 'a');
const B = plantedSet(12, 500, SHAPE_B, 'b');

function item(id: string, values: Record<string, number>): ImageAttributes {
  return { v: 1, id, key: id, values };
}

describe('compareAttributes on planted shifts', () => {
  const comparisons = compareAttributes(A, B, PLANTED_DEFS);

  it('ranks the four planted shifts at the top, well above the unshifted attributes', () => {
    assert.deepEqual(new Set(comparisons.slice(0, 4).map((c) => c.name)), new Set(SHIFTED));
    const weakestPlanted = Math.min(...comparisons.slice(0, 4).map((c) => c.effect));
    const strongestOther = Math.max(...comparisons.slice(4).map((c) => c.effect));
    assert.ok(weakestPlanted > 0.6, `planted effects ≥ ${weakestPlanted}`);
    assert.ok(weakestPlanted > 4 * strongestOther, `planted ${weakestPlanted} vs unshifted ${strongestOther}`);
    assert.deepEqual(comparisons.map((c) => c.effect), [...comparisons.map((c) => c.effect)].sort((x, y) => y - x));
  });

  it('gives each planted shift the right direction, metric and finding', () => {
    const by = new Map(comparisons.map((c) => [c.name, c]));
    assert.equal(by.get('brightness')?.direction, 'lower');
    assert.equal(by.get('faceArea')?.direction, 'lower');
    assert.equal(by.get('presence:glasses')?.direction, 'higher');
    assert.equal(by.get('yaw')?.direction, 'higher');
    assert.equal(by.get('presence:glasses')?.metric, 'total-variation');
    assert.equal(by.get('yaw')?.metric, 'wasserstein-1');
    assert.match(by.get('brightness')?.finding ?? '', /^B is darker \(brightness 0\.4\d vs 0\.5\d\)$/);
    assert.match(by.get('faceArea')?.finding ?? '', /^B's faces are (19|2\d)% smaller \(face area 0\.1\d vs 0\.2\d\)$/);
    assert.match(by.get('presence:glasses')?.finding ?? '', /^B has \d\.\d× more images with glasses \(\d+% of images vs \d+%\)$/);
    assert.match(by.get('yaw')?.finding ?? '', /^B's yaw spreads wider \(sd (19|2\d)° vs 5°\)$/);
  });

  it('measures W1 over the measured images only, sharing histogram edges between the sides', () => {
    const yaw = comparisons.find((c) => c.name === 'yaw');
    assert.ok(yaw && yaw.a.n < 500 && yaw.a.n > 440, `A's yaw measured on ${yaw?.a.n}`);
    assert.deepEqual(yaw.a.histogram.edges, yaw.b.histogram.edges);
    for (const side of [yaw.a, yaw.b]) assert.ok(Math.abs(side.histogram.shares.reduce((s, x) => s + x, 0) - 1) < 1e-12);
  });
});

describe('Wasserstein-1 against a brute-force reference', () => {
  it('equals the mean gap between sorted order statistics for equal sizes (faceArea through compareAttributes)', () => {
    const faceArea = compareAttributes(A, B, PLANTED_DEFS).find((c) => c.name === 'faceArea');
    const reference = sortedPairW1(A.map((x) => x.values.faceArea), B.map((x) => x.values.faceArea));
    assert.ok(faceArea && Math.abs(faceArea.distance - reference) < 1e-12, `${faceArea?.distance} vs ${reference}`);
  });

  it('handles unequal sizes and ties: 30 vs 45 values against both replicated to 90', () => {
    const rand = prng(5);
    const a = Array.from({ length: 30 }, () => Math.round(normal(rand, 0, 3)));
    const b = Array.from({ length: 45 }, () => Math.round(normal(rand, 1, 5)));
    const exact = wasserstein1({ values: a, weights: a.map(() => 1) }, { values: b, weights: b.map(() => 1) });
    const reference = sortedPairW1(replicate(a, a.map(() => 3)), replicate(b, b.map(() => 2)));
    assert.ok(Math.abs(exact - reference) < 1e-12, `${exact} vs ${reference}`);
  });

  it('treats integer weights as replicated values', () => {
    const rand = prng(6);
    const a = Array.from({ length: 40 }, () => normal(rand));
    const times = a.map((_, i) => 1 + (i % 3));
    const b = Array.from({ length: 80 }, () => normal(rand, 0.5, 2));
    const exact = wasserstein1({ values: a, weights: times }, { values: b, weights: b.map(() => 1) });
    const expanded = replicate(a, times);
    const reference = wasserstein1({ values: expanded, weights: expanded.map(() => 1) }, { values: b, weights: b.map(() => 1) });
    assert.ok(Math.abs(exact - reference) < 1e-12);
  });
});

describe('compareAttributes details', () => {
  const glasses: AttributeDef = { name: 'presence:glasses', kind: 'binary', title: 'glasses', unit: '', source: 'labels' };
  const a = Array.from({ length: 20 }, (_, i) => item(`a${i}`, { 'presence:glasses': i < 2 ? 1 : 0, rare: 1 }));
  const b = Array.from({ length: 20 }, (_, i) => item(`b${i}`, { 'presence:glasses': i < 8 ? 1 : 0 }));

  it('uses total variation and Cohen h for binary attributes', () => {
    const [c] = compareAttributes(a, b, [glasses]);
    assert.ok(Math.abs(c.distance - 0.3) < 1e-12);
    assert.ok(Math.abs(c.effect - (2 * Math.asin(Math.sqrt(0.4)) - 2 * Math.asin(Math.sqrt(0.1)))) < 1e-12);
    assert.equal(c.finding, 'B has 4.0× more images with glasses (40% of images vs 10%)');
    assert.deepEqual(c.b.histogram, { edges: [0, 0.5, 1], shares: [0.6, 0.4] });
  });

  it('skips attributes measured on too few images and says why', () => {
    const rare: AttributeDef = { name: 'rare', kind: 'continuous', title: 'rare', unit: '', source: 'image' };
    const outcome = compareAttributesWithNotes(a, b, [glasses, rare]);
    assert.deepEqual(outcome.comparisons.map((c) => c.name), ['presence:glasses']);
    assert.equal(outcome.skipped.length, 1);
    assert.match(outcome.skipped[0].reason, /measured on 20 images of A and 0 of B; at least 10/);
  });

  it('weights A: zero weights drop images, constant weights change nothing', () => {
    const weights = a.map((_, i) => (i < 10 ? 1 : 0));
    const [weighted] = compareAttributes(a, b, [glasses], weights);
    assert.ok(Math.abs(weighted.a.mean - 0.2) < 1e-12);
    const [doubled] = compareAttributes(a, b, [glasses], a.map(() => 2));
    assert.deepEqual(doubled, compareAttributes(a, b, [glasses])[0]);
  });
});
