import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createInferenceHandlers } from '../../../src/node/inference/inferenceHandlers';
import { conv1x1Model } from '../../helpers/onnxBuilder';
import { makeTempDir, type TempDir } from '../../helpers/tempModels';

let tmp: TempDir;
let convPath: string;
before(() => {
  tmp = makeTempDir();
  convPath = tmp.write('conv.onnx', conv1x1Model({ outChannels: 2, weights: [1, 0, 0, 0, 1, 1], bias: [0, 0], height: 2, width: 2 }));
});
after(() => tmp.remove());

const ctx = { signal: new AbortController().signal, transfer: (): void => undefined };

describe('inference handlers', () => {
  it('closeAll releases every open session, after a running call finishes', async () => {
    const handlers = createInferenceHandlers();
    const a = await handlers.open({ type: 'open', modelPath: convPath, executionProvider: 'cpu' }, ctx);
    const b = await handlers.open({ type: 'open', modelPath: convPath, executionProvider: 'cpu' }, ctx);
    const tensor = { data: new Float32Array(12).fill(2), dims: [1, 3, 2, 2] };
    const running = handlers.run({ type: 'run', sessionId: a.sessionId, inputName: 'input', tensor, outputName: 'logits' }, ctx);
    await handlers.closeAll({ type: 'closeAll' }, ctx);
    assert.deepEqual([...(await running).data], [2, 2, 2, 2, 4, 4, 4, 4]);
    for (const { sessionId } of [a, b]) {
      await assert.rejects(
        Promise.resolve().then(() => handlers.run({ type: 'run', sessionId, inputName: 'input', tensor, outputName: 'logits' }, ctx)),
        new RegExp(`no open model session ${sessionId}`),
      );
    }
  });
});
