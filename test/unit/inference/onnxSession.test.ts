import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logitsToLabelMap } from '../../../src/core/model/logitsToLabels';
import { resolveModelSpec } from '../../../src/core/model/resolveModelSpec';
import { openOnnxSession, providerCandidates, shortError } from '../../../src/node/inference/onnxSession';
import { conv1x1Model, nanLogitsModel, rank2Model } from '../../helpers/onnxBuilder';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

// Conv 1×1, 3 → 2 channels: logit0 = r − g + 0.5, logit1 = 2·b − 1.
const WEIGHTS = [1, -1, 0, 0, 0, 2];
const BIAS = [0.5, -1];

let tmp: TempDir;
let convPath: string;
before(() => {
  tmp = makeTempDir();
  convPath = tmp.write('conv.onnx', conv1x1Model({ outChannels: 2, weights: WEIGHTS, bias: BIAS, height: 2, width: 2 }));
});
after(() => tmp.remove());

describe('providerCandidates', () => {
  it('tries the platform accelerators, then cpu', () => {
    assert.deepEqual(providerCandidates('auto', 'linux'), ['cuda', 'cpu']);
    assert.deepEqual(providerCandidates('auto', 'win32'), ['dml', 'cuda', 'cpu']);
    assert.deepEqual(providerCandidates('auto', 'darwin'), ['coreml', 'cpu']);
    assert.deepEqual(providerCandidates('auto', 'freebsd'), ['cpu']);
    assert.deepEqual(providerCandidates('webgpu', 'linux'), ['webgpu', 'cpu']);
    assert.deepEqual(providerCandidates('cpu', 'win32'), ['cpu']);
  });
});

describe('openOnnxSession', () => {
  it('runs a built 1×1 conv on cpu and gives the hand-computed logits', async () => {
    const session = await openOnnxSession(convPath, { executionProvider: 'cpu' });
    try {
      assert.equal(session.executionProvider, 'cpu');
      assert.deepEqual(session.fallbacks, []);
      assert.deepEqual(session.inputs, [{ name: 'input', type: 'float32', dims: [1, 3, 2, 2] }]);
      assert.deepEqual(session.outputs, [{ name: 'logits', type: 'float32', dims: [1, 2, 2, 2] }]);
      // Pixels (r,g,b): (1,0,0) (0,1,0) (0,0,1) (0.5,0.25,0.75).
      const input = Float32Array.from([1, 0, 0, 0.5, 0, 1, 0, 0.25, 0, 0, 1, 0.75]);
      const out = await session.run('input', { data: input, dims: [1, 3, 2, 2] }, 'logits');
      assert.deepEqual(out.dims, [1, 2, 2, 2]);
      assert.deepEqual([...out.data], [1.5, -0.5, 0.5, 0.75, -1, -1, 1, 0.5]);
    } finally {
      await session.dispose();
    }
  });

  it('reads symbolic dimensions by name', async () => {
    const file = tmp.write('dyn.onnx', conv1x1Model({ outChannels: 2, weights: WEIGHTS, dynamicSpatial: true, dynamicBatch: true, stride: 2 }));
    const session = await openOnnxSession(file, { executionProvider: 'cpu', threads: 1 });
    assert.deepEqual(session.inputs[0].dims, ['N', 3, 'H', 'W']);
    const out = await session.run('input', { data: new Float32Array(2 * 3 * 5 * 5), dims: [2, 3, 5, 5] }, 'logits');
    assert.deepEqual(out.dims, [2, 2, 3, 3]);
    await session.dispose();
  });

  for (const provider of ['cuda', 'webgpu'] as const) {
    it(`falls back from ${provider} to cpu and records the attempt (or runs on ${provider} where it exists)`, async () => {
      const session = await openOnnxSession(convPath, { executionProvider: provider });
      try {
        if (session.executionProvider === provider) {
          assert.deepEqual(session.fallbacks, []);
        } else {
          assert.equal(session.executionProvider, 'cpu');
          assert.equal(session.fallbacks.length, 1);
          assert.equal(session.fallbacks[0].provider, provider);
          assert.ok(session.fallbacks[0].error.length > 0 && !session.fallbacks[0].error.includes('\n'));
        }
        const out = await session.run('input', { data: new Float32Array(12), dims: [1, 3, 2, 2] }, 'logits');
        assert.deepEqual([...out.data], [0.5, 0.5, 0.5, 0.5, -1, -1, -1, -1]);
      } finally {
        await session.dispose();
      }
    });
  }

  it('dispose waits for a running call, then closes the session', async () => {
    const session = await openOnnxSession(convPath, { executionProvider: 'cpu' });
    const running = session.run('input', { data: new Float32Array(12).fill(1), dims: [1, 3, 2, 2] }, 'logits');
    const closing = session.dispose();
    const out = await running;
    assert.deepEqual([...out.data.subarray(0, 4)], [0.5, 0.5, 0.5, 0.5]);
    await closing;
    await assert.rejects(session.run('input', { data: new Float32Array(12), dims: [1, 3, 2, 2] }, 'logits'), /the session is closed/);
  });

  it('names the file when it is not ONNX, truncated, or missing', async () => {
    const text = tmp.write('notes.onnx', 'this is not a model');
    await assert.rejects(openOnnxSession(text, { executionProvider: 'cpu' }), (e: Error) => e.message.startsWith(`${text} is not a loadable ONNX model: `));
    const bytes = conv1x1Model({ outChannels: 2, weights: WEIGHTS });
    const truncated = tmp.write('truncated.onnx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(openOnnxSession(truncated, { executionProvider: 'auto' }), (e: Error) => e.message.startsWith(`${truncated} is not a loadable ONNX model: `));
    await assert.rejects(openOnnxSession(`${tmp.dir}/absent.onnx`, { executionProvider: 'cpu' }), { message: `${tmp.dir}/absent.onnx: no such model file` });
    await assert.rejects(openOnnxSession(tmp.dir, { executionProvider: 'cpu' }), { message: `${tmp.dir} is not a file` });
  });

  it('validates the input before running', async () => {
    const session = await openOnnxSession(convPath, { executionProvider: 'cpu' });
    try {
      const run = (dims: number[], length: number, name = 'input', output = 'logits'): Promise<unknown> =>
        session.run(name, { data: new Float32Array(length), dims }, output);
      await assert.rejects(run([1, 3, 4], 12), /input 'input' has rank 4 \[1,3,2,2\], got rank 3/);
      await assert.rejects(run([1, 3, 4, 4], 48), /input 'input' is \[1,3,2,2\], got \[1,3,4,4\]/);
      await assert.rejects(run([1, 3, 2, 2], 10), /dims \[1,3,2,2\] need 12 values, got 10/);
      await assert.rejects(run([1, 3, 2, 2], 12, 'x'), /no input named 'x' \(inputs: input\)/);
      await assert.rejects(run([1, 3, 2, 2], 12, 'input', 'y'), /no output named 'y' \(outputs: logits\)/);
    } finally {
      await session.dispose();
    }
  });

  it('opens a rank-2 model, which resolveModelSpec then rejects clearly', async () => {
    const file = tmp.write('vector.onnx', rank2Model('x'));
    const session = await openOnnxSession(file, { executionProvider: 'cpu' });
    await session.dispose();
    assert.throws(
      () => resolveModelSpec({ modelName: 'vector.onnx', inputs: session.inputs, outputs: session.outputs, layers: [], schemaClassCount: () => 19 }),
      { message: "vector.onnx: input 'x' has rank 2 [1,3]; FaceGap needs an image input [N,3,H,W] or [N,H,W,3]" },
    );
  });

  it('passes NaN logits through, and logitsToLabelMap marks those pixels', async () => {
    // sqrt(logit0 = r − g + 0.5) is NaN where g > r + 0.5; sqrt(logit1 = 2b) never is for b ≥ 0.
    const file = tmp.write('nan.onnx', nanLogitsModel({ outChannels: 2, weights: WEIGHTS, bias: [0.5, 0], height: 1, width: 2 }));
    const session = await openOnnxSession(file, { executionProvider: 'cpu' });
    const out = await session.run('input', { data: Float32Array.from([1, 0, 0, 1, 0.5, 0]), dims: [1, 3, 1, 2] }, 'logits');
    await session.dispose();
    assert.ok(Number.isNaN(out.data[1]));
    const { map, nanPixels } = logitsToLabelMap(out, 0, {}, { width: 2, height: 1 });
    assert.deepEqual([...map.data], [0, 255]);
    assert.equal(nanPixels, 1);
  });
});

describe('shortError', () => {
  it('keeps the first meaningful line', () => {
    assert.equal(shortError(new Error('Load model from /a/b.onnx failed:Protobuf parsing failed.')), 'Protobuf parsing failed.');
    assert.equal(
      shortError(new Error('/onnxruntime_src/x/webgpu_context.cc:136 lambda adapter_result.status == Success was false. Failed to get a WebGPU adapter: No supported adapters\n')),
      'Failed to get a WebGPU adapter: No supported adapters',
    );
    assert.equal(shortError('x'.repeat(300)).length, 200);
  });
});
