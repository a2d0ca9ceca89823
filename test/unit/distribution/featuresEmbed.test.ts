// embedImages with tiny feature extractors built here: their features are per-channel means (or a 1×1 conv of them)
// of the preprocessed image, which the test computes itself from the decoded pixels in double precision.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import sharp from 'sharp';
import { DEFAULT_EMBEDDER_SPEC } from '../../../src/core/distribution/features/embedderSpec';
import type { RgbImage } from '../../../src/core/raster/rgbImage';
import { embedImages } from '../../../src/node/distribution/embedImages';
import { WorkerModelRunner } from '../../../src/node/inference/workerModelRunner';
import { createNodeAdapters } from '../../../src/node/nodeAdapters';
import { buildModel } from '../../helpers/onnxBuilder';
import { prng } from '../../helpers/prng';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

const TS_WORKER = { execArgv: ['--require', 'tsx/cjs'] };
const REAL_WORKER = path.join(__dirname, '../../../src/node/inference/inferenceWorker.ts');
const SIZE = 8;

let tmp: TempDir;
let images: string[];
let runner: WorkerModelRunner;

/** [N,3,8,8] → GlobalAveragePool → [N,3,1,1]. */
const gapModel = (batch: number | string = 'N'): Uint8Array =>
  buildModel({
    nodes: [{ op: 'GlobalAveragePool', inputs: ['image'], outputs: ['pooled'] }],
    inputs: [{ name: 'image', dims: [batch, 3, SIZE, SIZE] }],
    outputs: [{ name: 'pooled', dims: [batch, 3, 1, 1] }],
  });

/** [N,3,H,W] → 1×1 conv to 2 channels (encoder-like, [N,2,H,W] as an extra output) → GlobalAveragePool → Flatten → [N,2]. */
const convModel = (): Uint8Array =>
  buildModel({
    nodes: [
      { op: 'Conv', inputs: ['x', 'W', 'B'], outputs: ['encoder'], attributes: { kernel_shape: { ints: [1, 1] } } },
      { op: 'GlobalAveragePool', inputs: ['encoder'], outputs: ['gap'] },
      { op: 'Flatten', inputs: ['gap'], outputs: ['features'], attributes: { axis: { int: 1 } } },
    ],
    initializers: [
      { name: 'W', dims: [2, 3, 1, 1], values: [1, -2, 0.5, 0, 1, 1] },
      { name: 'B', dims: [2], values: [0.25, -1] },
    ],
    inputs: [{ name: 'x', dims: ['N', 3, 'H', 'W'] }],
    outputs: [{ name: 'features', dims: ['N', 2] }, { name: 'encoder', dims: ['N', 2, 'H', 'W'] }],
  });

/** [N,8,8,3] → ReduceMean over H, W → [N,3]. */
const nhwcModel = (): Uint8Array =>
  buildModel({
    nodes: [{ op: 'ReduceMean', inputs: ['image'], outputs: ['mean'], attributes: { axes: { ints: [1, 2] }, keepdims: { int: 0 } } }],
    inputs: [{ name: 'image', dims: ['N', SIZE, SIZE, 3] }],
    outputs: [{ name: 'mean', dims: ['N', 3] }],
  });

before(async () => {
  tmp = makeTempDir();
  const rand = prng(7);
  images = [];
  for (let i = 0; i < 5; i++) {
    const raw = Buffer.from(Array.from({ length: 10 * 6 * 3 }, () => Math.floor(rand() * 256)));
    images.push(tmp.write(`img${i}.png`, await sharp(raw, { raw: { width: 10, height: 6, channels: 3 } }).png().toBuffer()));
  }
  runner = new WorkerModelRunner(REAL_WORKER, TS_WORKER);
});
after(async () => {
  await runner.dispose();
  tmp.remove();
});

/** Per-channel means of the preprocessed image (in the given colour order), in double precision. */
async function channelMeans(file: string, spec: { scale: number; mean: readonly number[]; std: readonly number[]; bgr?: boolean }): Promise<number[]> {
  const { decoder, files } = createNodeAdapters();
  const image: RgbImage = await decoder.decodeRgb(await files.readBytes(file), file, { size: { width: SIZE, height: SIZE }, kernel: 'linear' });
  return [0, 1, 2].map((c) => {
    const source = spec.bgr ? 2 - c : c;
    let s = 0;
    for (let p = source; p < image.data.length; p += 3) s += (image.data[p] * spec.scale - spec.mean[c]) / spec.std[c];
    return s / (SIZE * SIZE);
  });
}

function closeVector(actual: Float64Array, expected: readonly number[], what: string): void {
  assert.equal(actual.length, expected.length, what);
  expected.forEach((e, i) => assert.ok(Math.abs(actual[i] - e) < 1e-5 * (1 + Math.abs(e)), `${what}[${i}]: ${actual[i]} vs ${e}`));
}

describe('embedImages', () => {
  it('gives the per-channel means of the ImageNet-normalised images from a GlobalAveragePool model, in batches', async () => {
    const model = tmp.write('gap.onnx', gapModel());
    const progress: number[] = [];
    const r = await embedImages(images, { width: SIZE, height: SIZE, batchSize: 2 }, model, { runner, ep: 'cpu', onProgress: (done) => progress.push(done) });
    assert.deepEqual(progress, [2, 4, 5]);
    assert.deepEqual(r.embedded, images);
    assert.deepEqual(r.failed, []);
    assert.equal(r.dimension, 3);
    assert.equal(r.executionProvider, 'cpu');
    assert.deepEqual([r.spec.mean, r.spec.std, r.spec.scale], [DEFAULT_EMBEDDER_SPEC.mean, DEFAULT_EMBEDDER_SPEC.std, 1 / 255]);
    for (let i = 0; i < images.length; i++) closeVector(r.vectors[i], await channelMeans(images[i], DEFAULT_EMBEDDER_SPEC), `image ${i}`);
  });

  it('takes the size from a fixed-size model, pads a short batch to its fixed batch and lists bad files with the reason', async () => {
    const model = tmp.write('gap-fixed.onnx', gapModel(2));
    const corrupt = tmp.write('corrupt.png', 'not an image');
    const missing = path.join(tmp.dir, 'missing.png');
    const files = [images[0], corrupt, images[1], images[2], missing];
    const spec = { mean: [0, 0, 0] as const, std: [1, 1, 1] as const, scale: 1 };
    const r = await embedImages(files, spec, model, { runner, ep: 'cpu' });
    assert.deepEqual([r.spec.width, r.spec.height, r.spec.batchSize], [SIZE, SIZE, 2]);
    assert.deepEqual(r.embedded, [images[0], images[1], images[2]]);
    assert.deepEqual(r.indices, [0, 2, 3]);
    assert.deepEqual(r.failed.map((f) => f.file), [corrupt, missing]);
    assert.ok(r.failed.every((f) => f.reason.length > 0 && !f.reason.startsWith(f.file)), JSON.stringify(r.failed));
    for (let i = 0; i < 3; i++) closeVector(r.vectors[i], await channelMeans(images[i], spec), `image ${i}`);
  });

  it('mixes the channel means through a 1×1 conv ([N,2] output) and pools an encoder-style [N,C,h,w] output', async () => {
    const model = tmp.write('conv.onnx', convModel());
    const expected = await Promise.all(
      images.slice(0, 3).map(async (f) => {
        const [r, g, b] = await channelMeans(f, DEFAULT_EMBEDDER_SPEC);
        return [r - 2 * g + 0.5 * b + 0.25, g + b - 1];
      }),
    );
    const flat = await embedImages(images.slice(0, 3), { width: SIZE, height: SIZE }, model, { runner, ep: 'cpu' });
    assert.equal(flat.spec.outputName, 'features');
    flat.vectors.forEach((v, i) => closeVector(v, expected[i], `features ${i}`));
    const encoder = await embedImages(images.slice(0, 3), { width: SIZE, height: SIZE, outputName: 'encoder' }, model, { runner, ep: 'cpu' });
    encoder.vectors.forEach((v, i) => closeVector(v, expected[i], `encoder ${i}`));
  });

  it('detects an NHWC input and honours BGR and custom normalisation', async () => {
    const model = tmp.write('nhwc.onnx', nhwcModel());
    const spec = { colorOrder: 'BGR' as const, scale: 1, mean: [100, 110, 120] as const, std: [50, 60, 70] as const };
    const r = await embedImages(images.slice(0, 2), spec, model, { runner, ep: 'cpu' });
    assert.equal(r.spec.layout, 'NHWC');
    for (let i = 0; i < 2; i++) closeVector(r.vectors[i], await channelMeans(images[i], { ...spec, bgr: true }), `image ${i}`);
  });

  it('rejects a size the model cannot take, an unknown output, and a missing model file, naming them', async () => {
    const model = tmp.write('gap-size.onnx', gapModel());
    await assert.rejects(embedImages(images, { width: 224, height: 224 }, model, { runner, ep: 'cpu' }), /gap-size\.onnx: input 'image' is \[N,3,8,8\], so it takes 8×8 images, not 224×224/);
    await assert.rejects(embedImages(images, { outputName: 'nope' }, model, { runner, ep: 'cpu' }), /no output named 'nope' \(outputs: pooled\)/);
    const absent = path.join(tmp.dir, 'absent.onnx');
    await assert.rejects(embedImages(images, {}, absent, { runner, ep: 'cpu' }), (e: Error) => e.message.includes(absent));
  });

  it('stops when aborted', async () => {
    const model = tmp.write('gap-abort.onnx', gapModel());
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(embedImages(images, {}, model, { runner, ep: 'cpu', signal: controller.signal }), (e: Error) => e.name === 'AbortError');
  });
});
