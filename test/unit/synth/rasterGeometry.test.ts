import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decimateRing, ellipseRing, insideRings, thickenPolyline, type Ring } from '../../../src/core/synth/polygon';
import { fillRings } from '../../../src/core/synth/sceneLabels';
import { mulberry32 } from '../../../src/core/synth/random';

function randomRing(rand: () => number, n: number, w: number, h: number): Ring {
  return Array.from({ length: n }, () => [rand() * w, rand() * h] as const);
}

test('fillRings marks exactly the pixels whose centres are inside (even-odd), for random self-intersecting polygons', () => {
  const rand = mulberry32(42);
  for (let trial = 0; trial < 30; trial++) {
    const [w, h] = [37, 29];
    const rings = [randomRing(rand, 3 + (trial % 9), w, h), ...(trial % 3 === 0 ? [randomRing(rand, 5, w, h)] : [])];
    const target = new Uint8Array(w * h);
    fillRings(target, w, h, rings, 1);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        assert.equal(target[y * w + x] === 1, insideRings(rings, x + 0.5, y + 0.5), `trial ${trial} pixel ${x},${y}`);
      }
    }
  }
});

test('fillRings on pixel-aligned squares and holes: edges through pixel centres follow the left-inside rule', () => {
  const target = new Uint8Array(10 * 10);
  const outer: Ring = [[1.5, 1.5], [8.5, 1.5], [8.5, 8.5], [1.5, 8.5]];
  const hole: Ring = [[3, 3], [7, 3], [7, 7], [3, 7]];
  fillRings(target, 10, 10, [outer, hole], 5);
  const filled = target.reduce((n, v) => n + (v === 5 ? 1 : 0), 0);
  assert.equal(filled, 7 * 7 - 4 * 4);
  assert.equal(target[2 * 10 + 2], 5);
  assert.equal(target[4 * 10 + 4], 0, 'inside the hole');
  assert.equal(target[1 * 10 + 1], 5, 'centre on the left/top edge is inside');
  assert.equal(target[8 * 10 + 8], 0, 'centre on the right/bottom edge is outside');
});

test('ellipse area from fillRings is within 2% of πab', () => {
  const target = new Uint8Array(200 * 200);
  fillRings(target, 200, 200, [ellipseRing(100, 100, 60, 35, 256)], 1);
  const area = target.reduce((n, v) => n + v, 0);
  assert.ok(Math.abs(area / (Math.PI * 60 * 35) - 1) < 0.02, `area ${area}`);
});

test('thickenPolyline makes a band of the requested width and decimateRing keeps every n-th vertex', () => {
  const band = thickenPolyline([[10, 20], [50, 20], [90, 20]], () => 3);
  const target = new Uint8Array(100 * 40);
  fillRings(target, 100, 40, [band], 1);
  assert.equal(target.reduce((n, v) => n + v, 0), 80 * 6);
  const ring = ellipseRing(0, 0, 1, 1, 120);
  assert.equal(decimateRing(ring, 12).length, 10);
  assert.deepEqual(decimateRing(ring, 12)[1], ring[12]);
  assert.equal(decimateRing(ring, 1), ring);
});
