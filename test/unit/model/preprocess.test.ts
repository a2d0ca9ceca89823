import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelInputSpec } from '../../../src/core/model/modelSpec';
import { toInputTensor } from '../../../src/core/model/preprocess';
import type { RgbImage } from '../../../src/core/raster/rgbImage';

// A 2×1 image: P0 = (0,128,255), P1 = (255,0,51).
const IMAGE: RgbImage = { width: 2, height: 1, data: Uint8Array.from([0, 128, 255, 255, 0, 51]) };
const BASE: ModelInputSpec = {
  layout: 'NCHW', width: 2, height: 1, colorOrder: 'RGB', scale: 1 / 255,
  mean: [0.5, 0.25, 0], std: [0.5, 0.25, 2], resizeKernel: 'linear',
};
const f32 = (values: number[]): number[] => values.map(Math.fround);

// By hand: R (v/255 − 0.5)/0.5 → P0 −1, P1 1; G (v/255 − 0.25)/0.25 → P0 512/255 − 1 = 257/255, P1 −1;
// B (v/255)/2 → P0 0.5, P1 0.1.
describe('toInputTensor', () => {
  it('writes NCHW planes in RGB order', () => {
    const t = toInputTensor([IMAGE], { input: BASE });
    assert.deepEqual(t.dims, [1, 3, 1, 2]);
    assert.deepEqual([...t.data], f32([-1, 1, 257 / 255, -1, 0.5, 0.1]));
  });

  it('writes NHWC interleaved', () => {
    const t = toInputTensor([IMAGE], { input: { ...BASE, layout: 'NHWC' } });
    assert.deepEqual(t.dims, [1, 1, 2, 3]);
    assert.deepEqual([...t.data], f32([-1, 257 / 255, 0.5, 1, -1, 0.1]));
  });

  it('swaps to BGR with mean and std given in BGR order', () => {
    // Channel 0 is now blue with mean 0.5/std 0.5: P0 (1 − 0.5)/0.5 = 1, P1 (0.2 − 0.5)/0.5 = −0.6; channel 2 is red with std 2: 0, 0.5.
    const t = toInputTensor([IMAGE], { input: { ...BASE, colorOrder: 'BGR' } });
    assert.deepEqual([...t.data], f32([1, -0.6, 257 / 255, -1, 0, 0.5]));
  });

  it('stacks a batch', () => {
    const black: RgbImage = { width: 2, height: 1, data: new Uint8Array(6) };
    const t = toInputTensor([IMAGE, black], { input: BASE });
    assert.deepEqual(t.dims, [2, 3, 1, 2]);
    assert.deepEqual([...t.data.subarray(6)], f32([-1, -1, -1, -1, 0, 0]));
  });

  it('refuses an image of another size', () => {
    assert.throws(() => toInputTensor([IMAGE], { input: { ...BASE, width: 4 } }), /image 0 is 2×1, the model needs 4×1/);
    assert.throws(() => toInputTensor([], { input: BASE }), /no images/);
  });
});
