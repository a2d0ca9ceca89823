import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NEAREST_PIXEL_CENTRE_RULE, resizeLabelsNearest } from '../../../src/core/raster/resizeLabels';
import type { LabelMap } from '../../../src/core/raster/labelMap';

function map(width: number, height: number, values: number[]): LabelMap {
  return { width, height, data: Uint8Array.from(values) };
}

describe('resizeLabelsNearest', () => {
  it('downsamples 4×4 → 2×2 by pixel centres', () => {
    // source x = floor((x + 0.5) · 4 / 2): x 0 → 1, x 1 → 3 (same for y), so it picks (1,1) (3,1) (1,3) (3,3)
    const source = map(4, 4, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    assert.deepEqual(Array.from(resizeLabelsNearest(source, 2, 2).data), [5, 7, 13, 15]);
  });

  it('upsamples 2×2 → 4×4 by replicating each pixel into a 2×2 block', () => {
    // source x = floor((x + 0.5) · 2 / 4): x 0 → 0, 1 → 0, 2 → 1, 3 → 1
    const out = resizeLabelsNearest(map(2, 2, [1, 2, 3, 4]), 4, 4);
    assert.deepEqual([out.width, out.height], [4, 4]);
    assert.deepEqual(Array.from(out.data), [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4]);
  });

  it('handles non-integer scales and separate axes', () => {
    // width 3 → 2: x 0 → floor(0.5 · 1.5) = 0, x 1 → floor(1.5 · 1.5) = 2; height 1 → 3: every row reads row 0
    // width 2 → 3 would be: floor(0.5·2/3) = 0, floor(1.5·2/3) = 1, floor(2.5·2/3) = 1
    assert.deepEqual(Array.from(resizeLabelsNearest(map(3, 1, [7, 8, 9]), 2, 3).data), [7, 9, 7, 9, 7, 9]);
    assert.deepEqual(Array.from(resizeLabelsNearest(map(2, 1, [7, 8]), 3, 1).data), [7, 8, 8]);
  });

  it('returns a copy when the size already matches', () => {
    const source = map(2, 1, [3, 255]);
    const out = resizeLabelsNearest(source, 2, 1);
    assert.deepEqual(Array.from(out.data), [3, 255]);
    assert.notEqual(out.data, source.data);
  });

  it('rejects bad sizes and names its rule', () => {
    assert.throws(() => resizeLabelsNearest(map(2, 1, [0, 0]), 0, 1), RangeError);
    assert.throws(() => resizeLabelsNearest(map(2, 2, [0, 0]), 1, 1), /needs 4/);
    assert.match(NEAREST_PIXEL_CENTRE_RULE, /pixel centres/);
  });
});
