import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { squaredDistanceTo } from '../../../src/core/raster/distanceTransform';
import { prng } from '../../helpers/prng';

function bruteForce(mask: Uint8Array, width: number, height: number): Float64Array {
  const out = new Float64Array(width * height).fill(Infinity);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let fy = 0; fy < height; fy++) {
        for (let fx = 0; fx < width; fx++) {
          if (mask[fy * width + fx] === 0) continue;
          const d = (x - fx) ** 2 + (y - fy) ** 2;
          if (d < out[y * width + x]) out[y * width + x] = d;
        }
      }
    }
  }
  return out;
}

describe('squaredDistanceTo', () => {
  it('gives squared distances around a single feature pixel', () => {
    const mask = Uint8Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    // corners are (1,1) away: 1² + 1² = 2
    assert.deepEqual(Array.from(squaredDistanceTo(mask, 3, 3)), [2, 1, 2, 1, 0, 1, 2, 1, 2]);
  });

  it('is Infinity everywhere without a feature and 0 on a full mask', () => {
    assert.deepEqual(Array.from(squaredDistanceTo(new Uint8Array(6), 3, 2)), new Array(6).fill(Infinity));
    assert.deepEqual(Array.from(squaredDistanceTo(new Uint8Array(6).fill(1), 2, 3)), new Array(6).fill(0));
  });

  it('matches brute force on random masks of many shapes and densities', () => {
    const random = prng(20240611);
    const shapes: Array<[number, number]> = [[1, 1], [1, 9], [9, 1], [7, 5], [16, 16], [31, 17], [40, 3]];
    let cases = 0;
    for (const [width, height] of shapes) {
      for (const density of [0.005, 0.05, 0.3, 0.9]) {
        for (let repeat = 0; repeat < 4; repeat++) {
          const mask = new Uint8Array(width * height);
          for (let i = 0; i < mask.length; i++) mask[i] = random() < density ? 1 : 0;
          const expected = bruteForce(mask, width, height);
          assert.deepEqual(squaredDistanceTo(mask, width, height), expected, `${width}×${height} density ${density}`);
          cases++;
        }
      }
    }
    assert.equal(cases, 112);
  });

  it('rejects a mask of the wrong length', () => {
    assert.throws(() => squaredDistanceTo(new Uint8Array(5), 2, 3), /needs 6/);
  });
});
