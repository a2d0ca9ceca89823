import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findModelPreset, getModelPreset, listModelPresets } from '../../../src/core/model/modelPresets';

describe('model presets', () => {
  it('lists both public face parsers with one-line descriptions', () => {
    const names = listModelPresets().map((p) => p.name);
    assert.deepEqual(names, ['bisenet-celebamask19', 'segformer-celebamask19']);
    for (const p of listModelPresets()) assert.ok(p.description.length > 0 && !p.description.includes('\n'));
  });

  it('describes BiSeNet exports', () => {
    const spec = getModelPreset('bisenet-celebamask19').spec;
    assert.deepEqual(spec.input, {
      layout: 'NCHW', width: 512, height: 512, colorOrder: 'RGB', scale: 1 / 255,
      mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225], resizeKernel: 'linear',
    });
    assert.deepEqual(spec.output, { index: 0, stride: 1 });
    assert.equal(spec.schema, 'bisenet');
  });

  it('describes the SegFormer export with stride 4 and a probed input name', () => {
    const spec = getModelPreset('segformer-celebamask19').spec;
    assert.equal(spec.output?.stride, 4);
    assert.equal(spec.schema, 'celebamask-hq');
    assert.equal(spec.input?.name, undefined);
  });

  it('names the known presets when one is unknown', () => {
    assert.equal(findModelPreset('nope'), undefined);
    assert.throws(() => getModelPreset('nope'), /unknown model preset 'nope' \(known: bisenet-celebamask19, segformer-celebamask19\)/);
  });
});
