import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ModelPredictions } from '../../../src/core/eval/modelPredictions';
import type { PredictionInput, PredictionOutput } from '../../../src/core/eval/predictionSource';
import type { ImageDecoder } from '../../../src/core/ports/imageDecoder';
import type { FloatTensor, ModelOutput, ModelSession } from '../../../src/core/ports/modelRunner';
import { FACE_SYNTHETICS_SCHEMA as FS_SCHEMA } from '../../../src/core/schema/builtin/faceSynthetics';

const SIZE = 2;
const CHANNELS = 3;

/** A model whose calls wait until the test lets them finish; channel c of every pixel wins for an image whose red value is c. */
class HeldSession implements ModelSession {
  readonly inputs = [{ name: 'input', type: 'float32', dims: [1, 3, SIZE, SIZE] }];
  readonly outputs = [{ name: 'logits', type: 'float32', dims: [1, CHANNELS, SIZE, SIZE] }];
  readonly executionProvider = 'cpu';
  readonly fallbacks = [];
  readonly pending: Array<() => void> = [];
  calls = 0;

  run(_inputName: string, input: FloatTensor): Promise<ModelOutput> {
    this.calls++;
    const winner = Math.round(input.data[0]);
    const data = new Float32Array(CHANNELS * SIZE * SIZE);
    data.fill(1, winner * SIZE * SIZE, (winner + 1) * SIZE * SIZE);
    return new Promise((resolve) => this.pending.push(() => resolve({ data, dims: [1, CHANNELS, SIZE, SIZE], runSeconds: 0.25 })));
  }

  async dispose(): Promise<void> {}

  /** Lets the oldest waiting call finish. */
  finishOne(): void {
    this.pending.shift()?.();
  }
}

const decoder: ImageDecoder = {
  probe: () => Promise.reject(new Error('not used')),
  decodeMask: () => Promise.reject(new Error('not used')),
  decodeGray: () => Promise.reject(new Error('not used')),
  decodeRgb: async (bytes, name) => {
    if (bytes.length === 0) throw new Error(`${name}: cannot decode image (empty file, 0 bytes)`);
    return { width: SIZE, height: SIZE, data: new Uint8Array(SIZE * SIZE * 3).fill(bytes[0]) };
  },
};

function predictions(session: HeldSession): ModelPredictions {
  const input = { layout: 'NCHW', width: SIZE, height: SIZE, colorOrder: 'RGB', scale: 1, mean: [0, 0, 0], std: [1, 1, 1], resizeKernel: 'nearest' } as const;
  const resolved = { spec: { input, output: { stride: 1 }, schema: FS_SCHEMA.id, batchSize: 1 }, inputName: 'input', outputName: 'logits', sources: {} };
  const hasher = { hash: (...parts: ReadonlyArray<Uint8Array | string>) => parts.join('|'), sha256: () => 'sha' };
  return new ModelPredictions(session, resolved, FS_SCHEMA, { path: 'm.onnx', sha256: 'sha', sizeBytes: 1 }, { decoder, hasher, now: () => 0 });
}

function inputs(values: readonly number[], prefix: string): PredictionInput[] {
  return values.map((v, i) => ({
    item: { id: `${prefix}${i}`, imagePath: `${prefix}${i}.png` },
    imageBytes: v < 0 ? new Uint8Array() : Uint8Array.of(v),
    imageKey: `${prefix}${i}`,
    target: { width: SIZE, height: SIZE },
  }));
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function classes(outputs: ReadonlyArray<PredictionOutput | Error>): Array<number | string> {
  return outputs.map((o) => (o instanceof Error ? o.message : o.map.data[0]));
}

describe('ModelPredictions pipeline', () => {
  it('runs prefetched inputs through the model before predict asks, with at most three batches in flight', async () => {
    const session = new HeldSession();
    const model = predictions(session);
    const first = inputs([0, 1, 2, 1], 'a');
    const second = inputs([2, -1, 0], 'b');
    model.prefetch(first);
    model.prefetch(second);
    await settle();
    assert.equal(session.calls, 3, 'three of the six decodable images are submitted before any result is back');
    const results = model.predict(first);
    for (let finished = 0; finished < 6; finished++) {
      session.finishOne();
      await settle();
      assert.ok(session.calls - (finished + 1) <= 3, `${session.calls} calls with ${finished + 1} finished`);
    }
    assert.deepEqual(classes(await results), [0, 1, 2, 1]);
    assert.deepEqual(classes(await model.predict(second)), [2, 'b1.png: cannot decode image (empty file, 0 bytes)', 0]);
    assert.equal(session.calls, 6, 'prefetched work is used, not run again');
    assert.equal(model.timings.runSeconds, 6 * 0.25, 'run time is what the session measured, not the time spent waiting');
    assert.equal(model.timings.batches, 6);
  });

  it('predicts inputs nobody prefetched', async () => {
    const session = new HeldSession();
    const model = predictions(session);
    const results = model.predict(inputs([1, 2], 'c'));
    while (session.calls < 2 || session.pending.length > 0) {
      session.finishOne();
      await settle();
    }
    assert.deepEqual(classes(await results), [1, 2]);
  });
});
