import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_EMBEDDER_SPEC, parseEmbedderFlags, poolFeatures, resolveEmbedderSpec } from '../../../src/core/distribution/features/embedderSpec';
import type { TensorInfo } from '../../../src/core/ports/modelRunner';

const input = (dims: TensorInfo['dims'], name = 'x'): TensorInfo => ({ name, type: 'float32', dims });
const output = (name: string, dims: TensorInfo['dims'] = ['N', 8]): TensorInfo => ({ name, type: 'float32', dims });

describe('parseEmbedderFlags', () => {
  it('reads every --features-* flag, a square size as one number', () => {
    const spec = parseEmbedderFlags({
      'features-input': 'pixels',
      'features-output': 'pool',
      'features-size': '299',
      'features-mean': '0.5,0.5,0.5',
      'features-std': '0.5, 0.5, 0.5',
      'features-scale': '1/255',
      'features-color-order': 'bgr',
      'features-layout': 'nhwc',
      'features-resize': 'cubic',
      'features-batch-size': '4',
    });
    assert.deepEqual(spec, {
      inputName: 'pixels',
      outputName: 'pool',
      width: 299,
      height: 299,
      mean: [0.5, 0.5, 0.5],
      std: [0.5, 0.5, 0.5],
      scale: 1 / 255,
      colorOrder: 'BGR',
      layout: 'NHWC',
      resizeKernel: 'cubic',
      batchSize: 4,
    });
    assert.deepEqual(parseEmbedderFlags({ 'features-size': '320x240' }), { width: 320, height: 240 });
    assert.deepEqual(parseEmbedderFlags({}), {});
  });

  it('names the --features-* flag in errors', () => {
    assert.throws(() => parseEmbedderFlags({ 'features-mean': '1,2' }), /^Error: --features-mean must be 3 comma-separated numbers/);
    assert.throws(() => parseEmbedderFlags({ 'features-size': 'big' }), /^Error: --features-size must be a size such as 224/);
    assert.throws(() => parseEmbedderFlags({ 'features-batch-size': '0' }), /^Error: --features-batch-size must be an integer ≥ 1/);
  });
});

describe('resolveEmbedderSpec', () => {
  it('defaults to ImageNet at 224 on a dynamic NCHW input and the first output', () => {
    const { spec, fixedBatch } = resolveEmbedderSpec({}, [input(['N', 3, 'H', 'W'])], [output('a'), output('b')], 'm.onnx');
    assert.deepEqual(spec, { ...DEFAULT_EMBEDDER_SPEC, inputName: 'x', outputName: 'a' });
    assert.equal(fixedBatch, undefined);
  });

  it('takes size, layout and batch from a fixed NHWC input; flags win where they fit', () => {
    const r = resolveEmbedderSpec({ outputName: 'b', mean: [0, 0, 0] }, [input([4, 299, 299, 3])], [output('a'), output('b')], 'm.onnx');
    assert.deepEqual([r.spec.layout, r.spec.width, r.spec.height, r.spec.batchSize, r.fixedBatch, r.spec.outputName], ['NHWC', 299, 299, 4, 4, 'b']);
    assert.deepEqual(r.spec.mean, [0, 0, 0]);
    assert.deepEqual(r.spec.std, DEFAULT_EMBEDDER_SPEC.std);
  });

  it('explains an unusable model', () => {
    assert.throws(() => resolveEmbedderSpec({}, [input(['N', 3, 8, 8], 'a'), input(['N', 3, 8, 8], 'b')], [output('y')], 'm.onnx'), /m\.onnx has 2 inputs \(a, b\); name one with --features-input/);
    assert.throws(() => resolveEmbedderSpec({}, [input(['N', 3])], [output('y')], 'm.onnx'), /takes a float32 image \[N,3,H,W\] or \[N,H,W,3\]/);
    assert.throws(() => resolveEmbedderSpec({ inputName: 'q' }, [input(['N', 3, 8, 8])], [output('y')], 'm.onnx'), /no input named 'q' \(inputs: x\)/);
    assert.throws(() => resolveEmbedderSpec({ width: 224, height: 224 }, [input([1, 3, 299, 299])], [output('y')], 'm.onnx'), /takes 299×299 images, not 224×224/);
  });
});

describe('poolFeatures', () => {
  it('keeps [N,D] rows and averages [N,C,h,w] over h×w, dropping padded rows', () => {
    const flat = poolFeatures({ data: Float32Array.from([1, 2, 3, 4, 5, 6]), dims: [3, 2] }, 2, 'out');
    assert.deepEqual(flat.map((v) => [...v]), [[1, 2], [3, 4]]);
    // Image 0: channel 0 = 0,1,2,3 → 1.5; channel 1 = 4,5,6,7 → 5.5. Image 1: 9.5, 13.5.
    const maps = poolFeatures({ data: Float32Array.from({ length: 16 }, (_, i) => i), dims: [2, 2, 2, 2] }, 2, 'out');
    assert.deepEqual(maps.map((v) => [...v]), [[1.5, 5.5], [9.5, 13.5]]);
  });

  it('rejects token-shaped and short outputs', () => {
    assert.throws(() => poolFeatures({ data: new Float32Array(12), dims: [1, 3, 4] }, 1, "output 'tokens'"), /output 'tokens' is \[1,3,4\]; FaceGap pools \[N,D\] or \[N,C,h,w\]/);
    assert.throws(() => poolFeatures({ data: new Float32Array(4), dims: [1, 4] }, 2, 'out'), /expected 2 rows/);
  });
});
