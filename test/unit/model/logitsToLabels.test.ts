import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logitsToLabelMap } from '../../../src/core/model/logitsToLabels';
import type { FloatTensor } from '../../../src/core/ports/modelRunner';

const tensor = (dims: number[], values: number[]): FloatTensor => ({ dims, data: Float32Array.from(values) });
const NO_MAP = {};

describe('logitsToLabelMap', () => {
  it('takes an exact argmax when the target is the logit size', () => {
    // 3 channels, 1×4 pixels.
    const logits = tensor([1, 3, 1, 4], [
      5, 0, 0, 1,
      0, 5, 0, 1,
      0, 0, 5, 1,
    ]);
    const { map, nanPixels } = logitsToLabelMap(logits, 0, NO_MAP, { width: 4, height: 1 });
    assert.deepEqual([...map.data], [0, 1, 2, 0]);
    assert.equal(nanPixels, 0);
  });

  it('breaks ties towards the lowest channel', () => {
    // Pixels: (2,3,3) → 1; (1,1,1) → 0; (−∞,−∞,−∞) → 0.
    const logits = tensor([1, 3, 1, 3], [
      2, 1, -Infinity,
      3, 1, -Infinity,
      3, 1, -Infinity,
    ]);
    assert.deepEqual([...logitsToLabelMap(logits, 0, NO_MAP, { width: 3, height: 1 }).map.data], [1, 0, 0]);
  });

  it('upsamples 2×2 logits to 4×4 bilinearly before the argmax', () => {
    // ch0 = [[0,4],[8,12]], ch1 = 5 everywhere. With half-pixel centres the 4 output positions map to source
    // 0, 0.25, 0.75, 1 (edges clamped), so ch0(y,x) = 8·t[y] + 4·t[x] with t = [0, .25, .75, 1]:
    // row0 0 1 3 4 · row1 2 3 5 6 · row2 6 7 9 10 · row3 8 9 11 12; label 0 where ch0 ≥ 5 (5 is a tie → 0).
    const logits = tensor([1, 2, 2, 2], [0, 4, 8, 12, 5, 5, 5, 5]);
    const { map } = logitsToLabelMap(logits, 0, NO_MAP, { width: 4, height: 4 });
    assert.deepEqual([...map.data], [
      1, 1, 1, 1,
      1, 1, 0, 0,
      0, 0, 0, 0,
      0, 0, 0, 0,
    ]);
  });

  it('downsamples by averaging the two nearest logits', () => {
    // 1×4 → 1×2: positions 0.5 and 2.5. ch0 = [0, 10, 0, 0] gives 5 and 0; ch1 = 4 everywhere.
    const logits = tensor([1, 2, 1, 4], [0, 10, 0, 0, 4, 4, 4, 4]);
    assert.deepEqual([...logitsToLabelMap(logits, 0, NO_MAP, { width: 2, height: 1 }).map.data], [0, 1]);
  });

  it('maps channels to classes, from the spec or the argument', () => {
    const logits = tensor([1, 2, 1, 2], [1, 0, 0, 1]);
    assert.deepEqual([...logitsToLabelMap(logits, 0, { channelToClass: [7, 3] }, { width: 2, height: 1 }).map.data], [7, 3]);
    assert.deepEqual([...logitsToLabelMap(logits, 0, { channelToClass: [7, 3] }, { width: 2, height: 1 }, [1, 2]).map.data], [1, 2]);
    assert.throws(() => logitsToLabelMap(logits, 0, NO_MAP, { width: 2, height: 1 }, [1]), /channelToClass has 1 entries but the logits have 2 channels/);
  });

  it('reads the requested batch item', () => {
    const logits = tensor([2, 2, 1, 1], [1, 0, 0, 1]);
    assert.deepEqual([...logitsToLabelMap(logits, 1, NO_MAP, { width: 1, height: 1 }).map.data], [1]);
    assert.throws(() => logitsToLabelMap(logits, 2, NO_MAP, { width: 1, height: 1 }), /batch index 2 is outside 0\.\.1/);
  });

  it('marks pixels with a NaN logit as 255 and counts them', () => {
    const exact = tensor([1, 2, 1, 3], [NaN, 1, 0, 0, NaN, 1]);
    const r = logitsToLabelMap(exact, 0, NO_MAP, { width: 3, height: 1 });
    assert.deepEqual([...r.map.data], [255, 255, 1]);
    assert.equal(r.nanPixels, 2);
  });

  it('spreads a NaN only to pixels that blend it in when resampling', () => {
    // NaN at source (0,0) of ch1: outputs in rows 0–2 and columns 0–2 give it a non-zero weight; row 3 and column 3 do not.
    const logits = tensor([1, 2, 2, 2], [0, 4, 8, 12, NaN, 5, 5, 5]);
    const r = logitsToLabelMap(logits, 0, NO_MAP, { width: 4, height: 4 });
    assert.equal(r.nanPixels, 9);
    assert.deepEqual([...r.map.data], [
      255, 255, 255, 1,
      255, 255, 255, 0,
      255, 255, 255, 0,
      0, 0, 0, 0,
    ]);
  });

  it('rejects logits whose data do not match their dims', () => {
    assert.throws(() => logitsToLabelMap(tensor([1, 2, 2], [0, 0, 0, 0]), 0, NO_MAP, { width: 2, height: 2 }), /must be \[N,C,h,w\]/);
    assert.throws(() => logitsToLabelMap(tensor([1, 2, 2, 2], [0]), 0, NO_MAP, { width: 2, height: 2 }), /hold 1 values/);
  });

  it('handles 19×128×128 → 1024×1024 and an exact 19×512×512 quickly', () => {
    const small = { dims: [1, 19, 128, 128], data: Float32Array.from({ length: 19 * 128 * 128 }, (_, i) => Math.sin(i)) };
    const large = { dims: [1, 19, 512, 512], data: Float32Array.from({ length: 19 * 512 * 512 }, (_, i) => Math.sin(i)) };
    const start = performance.now();
    logitsToLabelMap(small, 0, NO_MAP, { width: 1024, height: 1024 });
    logitsToLabelMap(large, 0, NO_MAP, { width: 512, height: 512 });
    const ms = performance.now() - start;
    assert.ok(ms < 3000, `took ${ms.toFixed(0)} ms`);
  });

  it('gives exactly what a channel-by-channel bilinear reference gives, on smooth, quantised and NaN-spotted logits', () => {
    // Reference: interpolate every channel at every output pixel (PyTorch align_corners=false), then argmax (ties → lowest).
    const reference = (data: Float32Array, c: number, h: number, w: number, outW: number, outH: number): number[] => {
      const tap = (d: number, inSize: number, outSize: number): [number, number, number] => {
        const s = Math.max((d + 0.5) * (inSize / outSize) - 0.5, 0);
        const a = Math.min(Math.floor(s), inSize - 1);
        const f = a < inSize - 1 ? s - a : 0;
        return [a, f > 0 ? a + 1 : a, f];
      };
      const out: number[] = [];
      for (let y = 0; y < outH; y++) {
        const [y0, y1, fy] = tap(y, h, outH);
        for (let x = 0; x < outW; x++) {
          const [x0, x1, fx] = tap(x, w, outW);
          let best = 0;
          let bestValue = -Infinity;
          let nan = false;
          for (let k = 0; k < c; k++) {
            const at = (yy: number, xx: number): number => data[k * h * w + yy * w + xx];
            const top = fy === 0 ? at(y0, x0) : (1 - fy) * at(y0, x0) + fy * at(y1, x0);
            const bottom = fy === 0 ? at(y0, x1) : (1 - fy) * at(y0, x1) + fy * at(y1, x1);
            const v = fx === 0 ? top : (1 - fx) * top + fx * bottom;
            if (v !== v) nan = true;
            else if (k === 0 || v > bestValue) [best, bestValue] = [k, v];
          }
          out.push(nan ? 255 : best);
        }
      }
      return out;
    };
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const [c, h, w, outW, outH, kind] of [[5, 9, 7, 23, 31, 'smooth'], [4, 8, 8, 32, 32, 'quantised'], [3, 6, 5, 17, 12, 'nan'], [6, 12, 10, 7, 5, 'smooth']] as const) {
      const data = new Float32Array(c * h * w);
      for (let k = 0; k < c; k++) {
        const cx = random() * w;
        const cy = random() * h;
        for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[k * h * w + y * w + x] = -Math.hypot(x - cx, y - cy) + random() * 0.5;
      }
      if (kind === 'quantised') for (let i = 0; i < data.length; i++) data[i] = Math.round(data[i] * 2) / 2;
      if (kind === 'nan') data[2 * w + 3] = NaN;
      const { map } = logitsToLabelMap({ dims: [1, c, h, w], data }, 0, NO_MAP, { width: outW, height: outH });
      assert.deepEqual([...map.data], reference(data, c, h, w, outW, outH), `${kind} ${c}×${h}×${w} → ${outW}×${outH}`);
    }
  });
});

