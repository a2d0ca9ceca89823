import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { WorkerModelRunner, defaultInferenceWorkerPath } from '../../../src/node/inference/workerModelRunner';
import { conv1x1Model } from '../../helpers/onnxBuilder';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

// Node 20 workers ignore `--import tsx` for a .ts entry, while tsx's CommonJS hook works.
const TS_WORKER = { execArgv: ['--require', 'tsx/cjs'] };
const REAL_WORKER = path.join(__dirname, '../../../src/node/inference/inferenceWorker.ts');
const CRASHING_WORKER = path.join(__dirname, '../../helpers/crashingInferenceWorker.ts');

let tmp: TempDir;
let convPath: string;
before(() => {
  tmp = makeTempDir();
  // logit0 = r + 1, logit1 = g + b; stride 2 on a 4×4 input gives 2×2 logits.
  convPath = tmp.write('conv.onnx', conv1x1Model({ outChannels: 2, weights: [1, 0, 0, 0, 1, 1], bias: [1, 0], stride: 2, dynamicBatch: true }));
});
after(() => tmp.remove());

describe('WorkerModelRunner with the real worker', () => {
  it('opens and runs a model in a worker thread', async () => {
    const runner = new WorkerModelRunner(REAL_WORKER, TS_WORKER);
    try {
      const session = await runner.open(convPath, { executionProvider: 'cpu', threads: 1 });
      assert.equal(session.executionProvider, 'cpu');
      assert.deepEqual(session.inputs, [{ name: 'input', type: 'float32', dims: ['N', 3, 4, 4] }]);
      const data = Float32Array.from({ length: 2 * 3 * 16 }, (_, i) => i);
      const out = await session.run('input', { data, dims: [2, 3, 4, 4] }, 'logits');
      assert.equal(data.byteLength, 0, 'the input buffer was transferred');
      assert.deepEqual(out.dims, [2, 2, 2, 2]);
      // Item 0: r at (0,0),(0,2),(2,0),(2,2) = 0,2,8,10 → +1; g + b = (16+32),(18+34),(24+40),(26+42).
      assert.deepEqual([...out.data.subarray(0, 8)], [1, 3, 9, 11, 48, 52, 64, 68]);
      const copied = new Float32Array(100).subarray(0, 48);
      const again = await session.run('input', { data: copied, dims: [1, 3, 4, 4] }, 'logits');
      assert.equal(copied.length, 48, 'a view into a larger buffer is copied, not transferred');
      assert.deepEqual([...again.data], [1, 1, 1, 1, 0, 0, 0, 0]);
      await session.dispose();
      await assert.rejects(session.run('input', { data: new Float32Array(48), dims: [1, 3, 4, 4] }, 'logits'), /session is closed/);
    } finally {
      await runner.dispose();
    }
  });

  it('propagates worker-side errors with their message', async () => {
    const runner = new WorkerModelRunner(REAL_WORKER, TS_WORKER);
    try {
      const bad = tmp.write('bad.onnx', 'not onnx');
      await assert.rejects(runner.open(bad, { executionProvider: 'cpu' }), (e: Error) => e.message.startsWith(`${bad} is not a loadable ONNX model`));
      const session = await runner.open(convPath, { executionProvider: 'webgpu' });
      assert.ok(session.executionProvider === 'webgpu' || session.fallbacks[0]?.provider === 'webgpu');
      await assert.rejects(session.run('input', { data: new Float32Array(3), dims: [1, 3, 1, 1] }, 'logits'), /input 'input' is \[N,3,4,4\], got \[1,3,1,1\]/);
    } finally {
      await runner.dispose();
    }
  });

  it('rejects pending calls when disposed', async () => {
    const runner = new WorkerModelRunner(REAL_WORKER, TS_WORKER);
    const session = await runner.open(convPath, { executionProvider: 'cpu' });
    const pending = session.run('input', { data: new Float32Array(48), dims: [1, 3, 4, 4] }, 'logits');
    const rejected = assert.rejects(pending, /the model runner was disposed/);
    await runner.dispose();
    await rejected;
    await assert.rejects(runner.open(convPath, { executionProvider: 'cpu' }), /disposed/);
  });
});

describe('WorkerModelRunner when the worker dies', () => {
  for (const [how, expected] of [
    ['exit', /the inference worker exited unexpectedly \(exit code 7\); open the model again/],
    ['throw', /the inference worker crashed: boom in the worker/],
  ] as const) {
    it(`rejects a pending run when the worker ${how}s, then starts a fresh worker`, async () => {
      const runner = new WorkerModelRunner(CRASHING_WORKER, TS_WORKER);
      try {
        const session = await runner.open('first', { executionProvider: 'cpu' });
        await assert.rejects(session.run(how, { data: new Float32Array(3), dims: [1, 3, 1, 1] }, 'y'), expected);
        await assert.rejects(session.run('other', { data: new Float32Array(3), dims: [1, 3, 1, 1] }, 'y'), expected);
        await session.dispose();
        const next = await runner.open('second', { executionProvider: 'cpu' });
        assert.equal(next.inputs[0].name, 'second');
      } finally {
        await runner.dispose();
      }
    });
  }

  it('rejects open when the worker script does not exist', async () => {
    const runner = new WorkerModelRunner(path.join(tmp.dir, 'missing-worker.js'));
    await assert.rejects(runner.open(convPath, { executionProvider: 'cpu' }), /the inference worker crashed: Cannot find module/);
    await runner.dispose();
  });
});

describe('defaultInferenceWorkerPath', () => {
  it('points next to the bundle', () => {
    assert.equal(defaultInferenceWorkerPath(path.join('dist')), path.join('dist', 'inferenceWorker.js'));
  });
});
